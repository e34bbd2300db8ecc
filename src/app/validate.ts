/**
 * `tongban validate`: the catalogs under some paths through the schema and the semantic rules, with the
 * configuration's severities, inline suppressions, and optionally a cache, a git change scope and a baseline.
 */
import path from 'node:path';
import { compareWithBaseline, createBaseline, type BaselineEntry } from '../core/baseline.js';
import type { ItemFacts } from '../core/change-scope.js';
import { applySeverities } from '../core/config.js';
import type { Finding } from '../core/diagnostic.js';
import type { FailOn, ValidationReport } from '../core/validation-report.js';
import { applySuppressions, type Suppression } from '../core/suppressions.js';
import { crossCatalogFindings, type CatalogSummary } from '../core/cross-catalog.js';
import { validateCatalogs } from '../core/validate-catalogs.js';
import type { Lang } from '../i18n/index.js';
import { baselinePathFor, readBaseline, writeBaseline } from '../io/baseline-file.js';
import { cacheKey, ValidationCache, type CachedRun } from '../io/cache.js';
import { changeScope } from '../io/changed-files.js';
import { BUILD_ID, referenceData } from '../io/reference-data.js';
import { DISK_READER, withProgress, type ItemReader } from '../io/item-reader.js';
import { locateFindings } from '../io/locate-findings.js';
import { catalogSource, type CatalogSet, type Workspace } from '../io/workspace.js';
import { toDiagnostics } from './shared/diagnostics.js';

export interface ValidateOptions {
  /** Catalog folders, folders holding catalogs, or single item files; default: the working folder. */
  paths?: readonly string[];
  /** Language of the messages; default 'en'. */
  lang?: Lang;
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
  baseline?: { file: string; known: number; fixed: BaselineEntry[] };
}

/**
 * Problems in the catalogs become diagnostics; problems with the call itself throw a UsageError (a path
 * that does not exist, no catalog found) or a ConfigError (an invalid profile or baseline, located).
 */
export async function validate(workspace: Workspace, options: ValidateOptions = {}): Promise<ValidationResult> {
  const set = workspace.catalogs(options.paths ?? [], { honourIgnores: true });
  const cache =
    options.cache === undefined
      ? undefined
      : new ValidationCache(
          path.resolve(workspace.cwd, options.cache),
          cacheKey({
            build: BUILD_ID,
            configFile: workspace.config?.file,
            profiles: set.all.map((c) => JSON.stringify([c.dir, c.profile])),
            args: { cwd: workspace.cwd, paths: options.paths ?? [], requested: set.files },
          }),
        );

  // Last run's findings if no file changed (--changed needs every item's codes, so it always reads).
  const reused = options.changed === undefined ? cache?.unchangedRun(set.absolutePaths) : undefined;
  let reader: ItemReader = cache ?? DISK_READER;
  if (options.onProgress) {
    const total = set.all.reduce((sum, c) => sum + c.items.length, 0);
    reader = withProgress(reader, total, options.onProgress);
  }
  const checked = reused ? { run: reused, facts: new Map<string, ItemFacts>() } : check(workspace, set, reader);
  if (!reused) cache?.save(set.absolutePaths, checked.run);

  // Scope: --changed, then the baseline.
  let findings = checked.run.findings;
  let files = set.files;
  let itemCount = set.itemCount;
  if (options.changed !== undefined) {
    const scope = changeScope(set, checked.facts, options.changed, workspace.cwd);
    findings = findings.filter((f) => scope.has(f.file));
    files = files.filter((f) => scope.has(f));
    itemCount = set.requested
      .flatMap((c) => c.items)
      .filter((i) => scope.has(i.file) && set.isRequested(i.file)).length;
  }
  let baseline: ValidationResult['baseline'];
  if (options.baseline !== undefined) {
    const toBaselinePath = baselinePathFor(options.baseline, workspace.cwd);
    const comparison = compareWithBaseline(
      findings,
      readBaseline(options.baseline, workspace.cwd, workspace.schemas),
      toBaselinePath,
    );
    findings = comparison.fresh;
    baseline = { file: options.baseline, known: comparison.known, fixed: comparison.fixed };
  }

  const { config } = workspace;
  return {
    diagnostics: toDiagnostics(findings, options.lang ?? 'en'),
    catalogCount: set.requested.length,
    itemCount,
    files,
    suppressedCount: checked.run.suppressedCount,
    ...(baseline ? { baseline } : {}),
    ...(config
      ? { config: { file: config.file, ...(config.config.failOn ? { failOn: config.config.failOn } : {}) } }
      : {}),
  };
}

/** Validation proper: rules, then configured severities, positions and inline suppressions. */
function check(
  workspace: Workspace,
  set: CatalogSet,
  reader: ItemReader,
): { run: CachedRun; facts: Map<string, ItemFacts> } {
  const checked = checkSet(workspace, set, reader);
  const configure = (findings: readonly Finding[]) =>
    applySeverities(findings, workspace.settings, workspace.configPath);
  const cross = crossCatalogFindings(checked.summaries).filter((f) => set.isRequested(f.file));
  const findings = [...checked.findings, ...locateFindings(configure(cross), workspace.textOf)];
  return { run: settleSuppressions(findings, checked.suppressions, configure), facts: checked.facts };
}

/** A set checked up to inline suppressions: what a single run finishes and `--shard` writes out. */
export interface CheckedSet {
  /** Findings in requested files with configured severities and positions, but no cross-catalog ones. */
  findings: Finding[];
  /** Inline suppressions of the requested files that have any, by display path. */
  suppressions: Map<string, Suppression[]>;
  /** What the cross-catalog checks need of each requested catalog. */
  summaries: CatalogSummary[];
  facts: Map<string, ItemFacts>;
}

/** The rules over every catalog of the set, the configuration's severities, and positions. */
export function checkSet(workspace: Workspace, set: CatalogSet, reader: ItemReader): CheckedSet {
  const suppressions = new Map<string, Suppression[]>(set.suppressions);
  const facts = new Map<string, ItemFacts>();
  const plainLengths = new Map<string, number>();
  const summaries: CatalogSummary[] = [];
  // As validation reads each item, note its suppression comments and, for --changed, the codes it holds.
  const noting: ItemReader = {
    *read(catalog) {
      for (const read of reader.read(catalog)) {
        if (read.suppressions.length && set.isRequested(read.file)) suppressions.set(read.file, read.suppressions);
        if (read.plainLength !== undefined) plainLengths.set(read.file, read.plainLength);
        const { code, basicCode } = read.data ?? {};
        if (read.data) {
          facts.set(read.file, {
            ...(typeof code === 'string' ? { code } : {}),
            ...(typeof basicCode === 'string' ? { basicCode } : {}),
          });
        }
        yield read;
      }
    },
  };
  const ruleFindings = validateCatalogs(
    set.all.map((catalog) => catalogSource(catalog, noting)),
    {
      schemas: workspace.schemas,
      regions: workspace.regions,
      defaultProfile: workspace.nationalProfile,
      profiles: new Map(set.all.map((c) => [c.dir, c.profile])),
      elementTitles: (kind) => referenceData.elementTitles(kind),
      onSummary: (summary) => summaries.push(summary),
    },
  );
  const requested: Finding[] = [...set.problems, ...ruleFindings.filter((f) => set.isRequested(f.file))];
  const configured = applySeverities(requested, workspace.settings, workspace.configPath);
  return { findings: locateFindings(configured, workspace.textOf, plainLengths), suppressions, summaries, facts };
}

/**
 * Inline suppressions over located findings: the kept ones, how many were hidden, and a
 * `suppression/unused` finding (given its configured severity by `configure`) per listed code that hid none.
 */
export function settleSuppressions(
  findings: readonly Finding[],
  suppressions: ReadonlyMap<string, readonly Suppression[]>,
  configure: (unused: readonly Finding[]) => Finding[],
): CachedRun {
  const { kept, suppressed, unused } = applySuppressions(findings, suppressions);
  return { findings: [...kept, ...configure(unused)], suppressedCount: suppressed };
}

/** Records a result's findings as the accepted baseline in `file` (relative to the workspace); returns how many. */
export function saveBaseline(workspace: Workspace, result: ValidationReport, file: string): number {
  const baseline = createBaseline(result.diagnostics, baselinePathFor(file, workspace.cwd));
  writeBaseline(file, workspace.cwd, baseline);
  return result.diagnostics.length;
}
