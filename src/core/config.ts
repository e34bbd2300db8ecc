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
  for (const override of config.overrides ?? []) add(override.rules, picomatch(override.files, { dot: true }));
  const ignored = config.ignore?.length ? picomatch(config.ignore, { dot: true }) : () => false;
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
