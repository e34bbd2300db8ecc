/**
 * tongban.config.yaml after its schema has accepted it, and what it does to findings: severities by code
 * (or code glob), per-path overrides, and which files are not checked at all.
 */
import picomatch from 'picomatch';
import type { Finding, Severity } from './diagnostic.js';
import type { FailOn } from './validation-report.js';
import type { RuleFinding } from './diagnostic.js';
import { toPointer } from './pointer.js';

export type RuleSetting = 'off' | Severity;

export interface Config {
  failOn?: FailOn;
  ignore?: string[];
  rules?: Record<string, RuleSetting>;
  overrides?: { files: string[]; rules: Record<string, RuleSetting> }[];
  catalogs?: { path: string; profile: string }[];
  /** Profile files `--profile auto` also considers (relative to the config file). */
  profiles?: string[];
  /** Field policy for diff and compare; each list replaces the default one. */
  diff?: { standard?: string[]; vary?: string[] };
  /** Fields guide templates may print unescaped with {{{…}}}; none by default. */
  guide?: { allowRaw?: string[] };
  /** Targets for `tongban stats` (see core/stats/measures.ts); replace the defaults. */
  stats?: { targets?: unknown[] };
}

interface CompiledSetting {
  matchesCode: (code: string) => boolean;
  matchesFile: (file: string) => boolean;
  setting: RuleSetting;
}

const ANY_FILE = () => true;

/**
 * Wildcards one glob may have: `*` (each run of stars) and `**`. picomatch compiles each to a lazy loop,
 * and the loops of one glob backtrack against each other (`*a*a*a*a*z` after a `**` segment takes half a
 * minute on a 200-character file name), so a glob with more is refused when the config is read.
 */
export const MAX_GLOB_WILDCARDS = 3;
/** Paths longer than this match no glob (real ones are far shorter): the cost of a match stays bounded. */
export const MAX_GLOB_SUBJECT = 512;

/** Too many wildcards in `glob` (a repeating extglob, `*(…)` or `+(…)`, counts as too many on its own). */
export function globProblem(glob: string): { wildcards: number } | undefined {
  let wildcards = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') i++;
    else if ((c === '*' || c === '+') && glob[i + 1] === '(') wildcards += MAX_GLOB_WILDCARDS + 1;
    else if (c === '*') {
      wildcards++;
      while (glob[i + 1] === '*') i++;
    }
  }
  return wildcards > MAX_GLOB_WILDCARDS ? { wildcards } : undefined;
}

/** The config's path globs (ignore, overrides' files, catalogs' paths) that have too many wildcards. */
export function unsafeGlobFindings(config: Config): RuleFinding[] {
  const out: RuleFinding[] = [];
  const check = (glob: unknown, at: (string | number)[]) => {
    const problem = typeof glob === 'string' ? globProblem(glob) : undefined;
    if (problem)
      out.push({
        code: 'config/glob-unsafe',
        path: toPointer(at),
        args: { glob: glob as string, wildcards: problem.wildcards, max: MAX_GLOB_WILDCARDS },
      });
  };
  config.ignore?.forEach((glob, index) => check(glob, ['ignore', index]));
  config.overrides?.forEach((override, index) =>
    override.files.forEach((glob, j) => check(glob, ['overrides', index, 'files', j])),
  );
  config.catalogs?.forEach((entry, index) => check(entry.path, ['catalogs', index, 'path']));
  return out;
}

/** `glob`'s matcher, never given a path longer than MAX_GLOB_SUBJECT. */
export function boundedGlob(glob: string | string[], options?: picomatch.PicomatchOptions): (path: string) => boolean {
  const matches = picomatch(glob, options);
  return (path) => path.length <= MAX_GLOB_SUBJECT && matches(path);
}

export interface CompiledConfig {
  /** The severity a finding should have, or 'off'; `file` is relative to the config file's folder. */
  settingFor(code: string, file: string, fallback: Severity): RuleSetting;
  isIgnored(file: string): boolean;
  /** Whether any ignore pattern is set (so callers can skip computing paths for isIgnored). */
  ignores: boolean;
}

/** Later entries win: base rules in file order, then each override in file order. */
export function compileConfig(config: Config): CompiledConfig {
  const entries: CompiledSetting[] = [];
  const add = (rules: Record<string, RuleSetting> | undefined, matchesFile: (file: string) => boolean) => {
    for (const [code, setting] of Object.entries(rules ?? {}))
      entries.push({ matchesCode: picomatch(code), matchesFile, setting });
  };
  add(config.rules, ANY_FILE);
  for (const override of config.overrides ?? []) add(override.rules, boundedGlob(override.files, { dot: true }));
  const ignored = config.ignore?.length ? boundedGlob(config.ignore, { dot: true }) : () => false;
  return {
    settingFor(code, file, fallback) {
      let setting: RuleSetting = fallback;
      for (const entry of entries) if (entry.matchesCode(code) && entry.matchesFile(file)) setting = entry.setting;
      return setting;
    },
    // A folder glob such as `catalogs/archive/**` also ignores the folder itself.
    isIgnored: (file) => ignored(file),
    ignores: Boolean(config.ignore?.length),
  };
}

/** Applies severities; findings set to 'off' are dropped. */
export function applySeverities(
  findings: readonly Finding[],
  config: CompiledConfig,
  toConfigPath: (file: string) => string,
): Finding[] {
  const out: Finding[] = [];
  for (const finding of findings) {
    const setting = config.settingFor(finding.code, toConfigPath(finding.file), finding.severity);
    if (setting !== 'off') out.push(setting === finding.severity ? finding : { ...finding, severity: setting });
  }
  return out;
}

/** A rules key that matches no code tongban has is almost always a typo; say so where it is written. */
export function unknownCodeFindings(config: Config, knownCodes: readonly string[]): RuleFinding[] {
  const out: RuleFinding[] = [];
  const check = (rules: Record<string, RuleSetting> | undefined, at: (string | number)[]) => {
    for (const key of Object.keys(rules ?? {})) {
      const matches = picomatch(key);
      if (!knownCodes.some((code) => matches(code)))
        out.push({ code: 'config/unknown-code', path: toPointer([...at, key]), target: 'key', args: { code: key } });
    }
  };
  check(config.rules, ['rules']);
  config.overrides?.forEach((override, index) => check(override.rules, ['overrides', index, 'rules']));
  return out;
}
