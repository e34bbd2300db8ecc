/**
 * tongban's programmatic API. The CLI is a thin layer over these functions; tests call them directly.
 */
import path from 'node:path';
import { compileConfig, applySeverities, type CompiledConfig } from './core/config.js';
import type { CodeProfile } from './core/codes/profile.js';
import { compareFindings } from './core/diagnostic.js';
import { applySuppressions } from './core/suppressions.js';
import { compareWithBaseline, createBaseline } from './core/baseline.js';
import { baselinePathFor, readBaseline, writeBaseline } from './io/baseline-file.js';
import type { CatalogSource } from './core/model.js';
import type { FailOn, ValidationReport } from './core/report.js';
import type { SchemaValidator } from './core/schema/validator.js';
import type { RegionIndex } from './core/regions.js';
import { validateCatalogs } from './core/validate.js';
import { formatMessage, type Lang } from './i18n/index.js';
import { selectCatalogs } from './io/discover.js';
import { loadCatalogs } from './io/load-catalogs.js';
import { loadBuiltinProfile, loadRegions, loadSchemaValidator } from './io/load-reference.js';
import { locateFindings } from './io/locate.js';
import { findConfigFile, profileResolver, readConfig, type LoadedConfig } from './io/read-config.js';
import { cacheKey, ValidationCache } from './io/cache.js';
import { affectedFiles } from './core/changed.js';
import { changedSince, contentAt } from './io/git.js';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import type { LoadedCatalogs } from './io/load-catalogs.js';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Finding } from './core/diagnostic.js';
import picomatch from 'picomatch';

export type { Diagnostic, Finding, Range, Position, Severity } from './core/diagnostic.js';
export type { Lang } from './i18n/index.js';
export type { ValidationReport, FailOn } from './core/report.js';
export type { Config } from './core/config.js';
export { shouldFail } from './core/report.js';
export { UsageError, ConfigError } from './io/errors.js';
export { RULES } from './core/rules/index.js';

export interface ValidateOptions {
  /** Folder that relative paths (given and shown) are relative to; default process.cwd(). */
  cwd?: string;
  /** Language of the messages; default 'en'. */
  lang?: Lang;
  /** A config file to use, or false for none; default: the nearest tongban.config.yaml at or above cwd. */
  config?: string | false;
  /** A baseline file: only findings not recorded in it are reported; fixed ones are counted. */
  baseline?: string;
  /** A folder for the cache (see io/cache.ts); no cache when undefined. Results are the same either way. */
  cache?: string;
  /** A git ref: report only findings in files changed since it, and in files those changes affect. */
  changed?: string;
  /** Called as item files are read: how many of how many. */
  onProgress?: (done: number, total: number) => void;
}

export interface ValidationResult extends ValidationReport {
  /** The config file used (absolute), and the --fail-on it sets, if any. */
  config?: { file: string; failOn?: FailOn };
}

/** Schema checks, regions and the national profile: each loaded once per process, when first needed. */
class Environment {
  private loadedSchemas: SchemaValidator | undefined;
  private loadedRegions: RegionIndex | undefined;
  private loadedNational: CodeProfile | undefined;

  async schemas(): Promise<SchemaValidator> {
    this.loadedSchemas ??= await loadSchemaValidator();
    return this.loadedSchemas;
  }

  get regions(): RegionIndex {
    this.loadedRegions ??= loadRegions();
    return this.loadedRegions;
  }

  get national(): CodeProfile {
    this.loadedNational ??= loadBuiltinProfile('national');
    return this.loadedNational;
  }
}

const environment = new Environment();

/** Changes whenever tongban is rebuilt (or reinstalled): part of the cache key. */
const BUILD_ID = (() => {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return `${version}:${statSync(fileURLToPath(import.meta.url)).mtimeMs}`;
})();

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/** Which profile each catalog uses: a config `catalogs` entry, else catalog.yaml's `profile`, else national. */
function catalogProfiles(sources: readonly CatalogSource[], cwd: string, loaded: LoadedConfig | undefined, schemas: SchemaValidator): Map<string, CodeProfile> {
  const resolve = profileResolver(cwd, schemas);
  const configDir = loaded ? path.dirname(loaded.file) : cwd;
  const entries = (loaded?.config.catalogs ?? []).map((entry) => ({ matches: picomatch(entry.path), profile: entry.profile }));
  const profiles = new Map<string, CodeProfile>();
  for (const source of sources) {
    const absolute = path.resolve(cwd, source.dir);
    const fromConfig = entries.filter((e) => e.matches(toPosix(path.relative(configDir, absolute)))).at(-1);
    const declared = (source.meta?.data as { profile?: unknown } | undefined)?.profile;
    if (fromConfig) profiles.set(source.dir, resolve(fromConfig.profile, configDir));
    else if (typeof declared === 'string') profiles.set(source.dir, resolve(declared, absolute));
  }
  return profiles;
}

/**
 * Validates the catalogs found under `paths`. Problems in the catalogs become diagnostics; problems with
 * the call itself throw a UsageError (a path that does not exist, no catalog found) or a ConfigError
 * (an invalid tongban.config.yaml or code profile, with located findings).
 */
export async function validate(paths: readonly string[] = ['.'], options: ValidateOptions = {}): Promise<ValidationResult> {
  const cwd = options.cwd ?? process.cwd();
  const lang = options.lang ?? 'en';
  const env = environment;
  const schemas = await env.schemas();
  const configFile = options.config === false ? undefined : options.config ? path.resolve(cwd, options.config) : findConfigFile(cwd);
  const loadedConfig = configFile ? readConfig(configFile, cwd, schemas) : undefined;
  const config: CompiledConfig = compileConfig(loadedConfig?.config ?? {});
  const configDir = loadedConfig ? path.dirname(loadedConfig.file) : cwd;
  const configPath = (absolute: string) => toPosix(path.relative(configDir, absolute));
  const ignored = config.ignores ? (absolute: string) => config.isIgnored(configPath(absolute)) : undefined;

  const selection = selectCatalogs(paths.length ? paths : ['.'], cwd, ignored);
  // The cache key needs the profiles, which need catalog.yaml; item files are only read later, when
  // validation iterates them, so the reader below can still route them through the cache.
  let validationCache: ValidationCache | undefined;
  const loaded = loadCatalogs(selection, cwd, { ignored, ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(options.cache !== undefined ? { readerFor: (dir: string) => (absolute: string, file: string) => validationCache!.reader(dir)(absolute, file) } : {}) });
  const profiles = catalogProfiles(loaded.sources, cwd, loadedConfig, schemas);
  if (options.cache !== undefined) {
    const key = cacheKey({
      build: BUILD_ID,
      ...(loadedConfig ? { config: readFileSync(loadedConfig.file, 'utf8') } : {}),
      profiles: [...profiles].map(([dir, profile]) => JSON.stringify([dir, profile])),
      args: { cwd, catalogs: selection.catalogDirs, files: [...selection.files] },
    });
    validationCache = new ValidationCache(path.resolve(cwd, options.cache), key);
  }
  // --changed needs the codes read from every item, so it cannot take the unchanged-run shortcut.
  const reused = options.changed === undefined ? validationCache?.unchangedRun(loaded.readFiles) : undefined;
  let located: Finding[];
  let suppressed: number;
  if (reused) {
    located = reused.findings;
    suppressed = reused.suppressedCount;
  } else {
    const ruleFindings = validateCatalogs(loaded.sources, { schemas, regions: env.regions, defaultProfile: env.national, profiles });
    const requested = [...loaded.findings, ...ruleFindings.filter((f) => loaded.isRequested(f.file))];
    const severityOf = (file: string) => configPath(path.resolve(cwd, file));
    const configured = applySeverities(requested, config, severityOf);
    const applied = applySuppressions(locateFindings(configured, loaded.textOf), loaded.suppressions);
    located = [...applied.kept, ...applySeverities(applied.unused, config, severityOf)];
    suppressed = applied.suppressed;
    validationCache?.save(loaded.readFiles, { findings: located, suppressedCount: suppressed });
  }
  let findings = located;
  let files = loaded.files;
  let itemCount = loaded.itemCount;
  if (options.changed !== undefined) {
    const scope = changeScope(loaded, options.changed, cwd);
    findings = findings.filter((f) => scope.has(f.file));
    files = files.filter((f) => scope.has(f));
    itemCount = loaded.catalogFiles.flatMap((c) => c.items).filter((f) => scope.has(f) && loaded.isRequested(f)).length;
  }
  let baseline: ValidationResult['baseline'];
  if (options.baseline !== undefined) {
    const comparison = compareWithBaseline(findings, readBaseline(options.baseline, cwd, schemas), baselinePathFor(options.baseline, cwd));
    findings = comparison.fresh;
    baseline = { file: options.baseline, known: comparison.known, fixed: comparison.fixed };
  }
  const diagnostics = findings.map((finding) => ({ ...finding, message: formatMessage(lang, finding.code, finding.args) })).sort(compareFindings);
  const result: ValidationResult = {
    diagnostics,
    catalogCount: loaded.sources.filter((s) => s.requested).length,
    itemCount,
    files,
    suppressedCount: suppressed,
    ...(baseline ? { baseline } : {}),
  };
  if (loadedConfig) result.config = { file: loadedConfig.file, ...(loadedConfig.config.failOn ? { failOn: loadedConfig.config.failOn } : {}) };
  return result;
}

/** Records a result's findings as the accepted baseline in `file` (relative to `cwd`); returns how many. */
export function saveBaseline(result: ValidationReport, file: string, cwd: string = process.cwd()): number {
  const baseline = createBaseline(result.diagnostics, baselinePathFor(file, cwd));
  writeBaseline(file, cwd, baseline);
  return result.diagnostics.length;
}

/** The files whose findings `--changed <ref>` reports: the changed ones and those they affect. */
function changeScope(loaded: LoadedCatalogs, ref: string, cwd: string): Set<string> {
  const changedAbsolute = changedSince(cwd, ref);
  const changed = new Set([...loaded.readFiles].filter(([, absolute]) => changedAbsolute.has(absolute)).map(([file]) => file));
  const basicDirs = new Set(loaded.sources.filter((s) => (s.meta?.data as { kind?: unknown } | undefined)?.kind === 'basic').map((s) => s.dir));
  const previousCodes = new Map<string, string>();
  for (const catalog of loaded.catalogFiles) {
    if (!basicDirs.has(catalog.dir)) continue;
    for (const file of catalog.items) {
      if (!changed.has(file)) continue;
      const before = contentAt(cwd, ref, loaded.readFiles.get(file) as string);
      let code: unknown;
      try {
        code = before === undefined ? undefined : (loadYaml(before, { schema: CORE_SCHEMA }) as { code?: unknown } | null)?.code;
      } catch {
        // The old version did not parse; it had no code anyone could implement.
      }
      if (typeof code === 'string') previousCodes.set(file, code);
    }
  }
  return affectedFiles({ changed, catalogs: loaded.catalogFiles, facts: loaded.facts, previousCodes });
}
