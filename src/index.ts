/**
 * tongban's programmatic API. The CLI is a thin layer over these functions; tests call them directly.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compareWithBaseline, createBaseline } from './core/baseline.js';
import { applySeverities, compileConfig, type CompiledConfig } from './core/config.js';
import { compareFindings, type Finding } from './core/diagnostic.js';
import type { FailOn, ValidationReport } from './core/report.js';
import { applySuppressions } from './core/suppressions.js';
import { validateCatalogs } from './core/validate.js';
import { formatMessage, type Lang } from './i18n/index.js';
import { baselinePathFor, readBaseline, writeBaseline } from './io/baseline-file.js';
import { cacheKey, ValidationCache, type CachedRun } from './io/cache.js';
import { catalogProfiles } from './io/catalog-profiles.js';
import { changeScope } from './io/change-scope.js';
import { selectCatalogs } from './io/discover.js';
import { BUILD_ID, environment } from './io/environment.js';
import { loadCatalogs, type LoadedCatalogs } from './io/load-catalogs.js';
import { locateFindings } from './io/locate.js';
import { findConfigFile, readConfig } from './io/read-config.js';

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

/**
 * Validates the catalogs found under `paths`. Problems in the catalogs become diagnostics; problems with
 * the call itself throw a UsageError (a path that does not exist, no catalog found) or a ConfigError
 * (an invalid tongban.config.yaml or code profile, with located findings).
 */
export async function validate(
  paths: readonly string[] = ['.'],
  options: ValidateOptions = {},
): Promise<ValidationResult> {
  const cwd = options.cwd ?? process.cwd();
  const schemas = await environment.schemas();

  // Configuration: which config, what it ignores, and paths relative to it.
  const configFile =
    options.config === false ? undefined : options.config ? path.resolve(cwd, options.config) : findConfigFile(cwd);
  const loadedConfig = configFile ? readConfig(configFile, cwd, schemas) : undefined;
  const config: CompiledConfig = compileConfig(loadedConfig?.config ?? {});
  const configDir = loadedConfig ? path.dirname(loadedConfig.file) : cwd;
  const configPath = (file: string) => path.relative(configDir, path.resolve(cwd, file)).split(path.sep).join('/');
  const ignored = config.ignores ? (absolute: string) => config.isIgnored(configPath(absolute)) : undefined;

  // Catalogs: catalog.yaml now; item files lazily, as validation iterates them (through the cache, if
  // any: its key needs the profiles, which need catalog.yaml, so the reader looks the cache up late).
  const selection = selectCatalogs(paths.length ? paths : ['.'], cwd, ignored);
  let cache: ValidationCache | undefined;
  const loaded = loadCatalogs(selection, cwd, {
    ...(ignored ? { ignored } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.cache !== undefined
      ? { readerFor: (dir: string) => (absolute: string, file: string) => cache!.reader(dir)(absolute, file) }
      : {}),
  });
  const profiles = catalogProfiles(loaded.sources, cwd, loadedConfig, schemas);
  if (options.cache !== undefined) {
    const key = cacheKey({
      build: BUILD_ID,
      ...(loadedConfig ? { config: readFileSync(loadedConfig.file, 'utf8') } : {}),
      profiles: [...profiles].map(([dir, profile]) => JSON.stringify([dir, profile])),
      args: { cwd, catalogs: selection.catalogDirs, files: [...selection.files] },
    });
    cache = new ValidationCache(path.resolve(cwd, options.cache), key);
  }

  // Findings: last run's if nothing changed (--changed needs every item's codes, so it always reads).
  const reused = options.changed === undefined ? cache?.unchangedRun(loaded.readFiles) : undefined;
  const run: CachedRun = reused ?? check(loaded, { profiles, schemas, config, configPath });
  if (!reused) cache?.save(loaded.readFiles, run);

  // Scope: --changed, then the baseline.
  let { findings } = run;
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
    const comparison = compareWithBaseline(
      findings,
      readBaseline(options.baseline, cwd, schemas),
      baselinePathFor(options.baseline, cwd),
    );
    findings = comparison.fresh;
    baseline = { file: options.baseline, known: comparison.known, fixed: comparison.fixed };
  }

  const lang = options.lang ?? 'en';
  const result: ValidationResult = {
    diagnostics: findings.map((f) => ({ ...f, message: formatMessage(lang, f.code, f.args) })).sort(compareFindings),
    catalogCount: loaded.sources.filter((s) => s.requested).length,
    itemCount,
    files,
    suppressedCount: run.suppressedCount,
    ...(baseline ? { baseline } : {}),
  };
  if (loadedConfig)
    result.config = {
      file: loadedConfig.file,
      ...(loadedConfig.config.failOn ? { failOn: loadedConfig.config.failOn } : {}),
    };
  return result;
}

interface CheckSettings {
  profiles: Parameters<typeof validateCatalogs>[1]['profiles'];
  schemas: Awaited<ReturnType<typeof environment.schemas>>;
  config: CompiledConfig;
  /** A display path as the config file sees it (for per-path overrides). */
  configPath: (file: string) => string;
}

/** Validation proper: rules, then configured severities, positions and inline suppressions. */
function check(loaded: LoadedCatalogs, { profiles, schemas, config, configPath }: CheckSettings): CachedRun {
  const ruleFindings = validateCatalogs(loaded.sources, {
    schemas,
    regions: environment.regions,
    defaultProfile: environment.national,
    ...(profiles ? { profiles } : {}),
  });
  // Reader findings are complete only now that validation has read every item.
  const requested: Finding[] = [...loaded.findings, ...ruleFindings.filter((f) => loaded.isRequested(f.file))];
  const configured = applySeverities(requested, config, configPath);
  const { kept, suppressed, unused } = applySuppressions(
    locateFindings(configured, loaded.textOf),
    loaded.suppressions,
  );
  return { findings: [...kept, ...applySeverities(unused, config, configPath)], suppressedCount: suppressed };
}

/** Records a result's findings as the accepted baseline in `file` (relative to `cwd`); returns how many. */
export function saveBaseline(result: ValidationReport, file: string, cwd: string = process.cwd()): number {
  const baseline = createBaseline(result.diagnostics, baselinePathFor(file, cwd));
  writeBaseline(file, cwd, baseline);
  return result.diagnostics.length;
}
