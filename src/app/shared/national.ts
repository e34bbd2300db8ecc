/**
 * compare and stats on the DuckDB engine (national sets: ~3,000 regions × 1,000+ items). DuckDB holds the
 * records and hands them over grouped (io/national-source.ts); each group goes through the same core code
 * as the in-memory engine — compareCatalogs on the lists that hold one key, measure on one catalog's
 * items, MeasureCounter for the levels — so the results are the same values of the same types, and the
 * reporters are the same. Catalog folders given to this engine are exported first (a temporary JSON Lines
 * file); exported files stand alone (docs/national.md).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { alignBundles } from '../../core/bundles/align.js';
import { scoreBundle, summarise, type BundleScore } from '../../core/bundles/scores.js';
import type { BundleSide } from '../../core/bundles/sides.js';
import { splitSchemaFindings } from '../../core/completeness.js';
import { findingIn, type Diagnostic, type Finding } from '../../core/diagnostic.js';
import type { CatalogDiff } from '../../core/diff/catalog-diff.js';
import { ratio, type CompareRow, type ConsistencyMatrix } from '../../core/diff/consistency.js';
import type { ElementName } from '../../core/diff/elements.js';
import type { ImplementationItem, Incomplete } from '../../core/model.js';
import { exportLine } from '../../core/national/records.js';
import { checkTargets, DEFAULT_TARGETS, measure, MeasureCounter, type Target } from '../../core/stats/measures.js';
import type { Lang } from '../../i18n/index.js';
import { UsageError } from '../../io/errors.js';
import { keyMatters } from '../../io/key-matters.js';
import {
  catalogRows,
  classifyInputs,
  openBucketReader,
  openKeyedSource,
  temporaryExport,
  type CatalogRow,
  type KeyedSource,
  type NationalInput,
} from '../../io/national-source.js';
import { catalogTitle, readDiffSide } from '../../io/read-diff-side.js';
import { runInWorkers } from '../../io/worker-pool.js';
import type { Catalog, Workspace } from '../../io/workspace.js';
import { planExport } from '../export-items.js';
import type { Engine } from './engines.js';
import type { CompareResult } from '../compare.js';
import { statsResult, type CatalogStats, type StatsResult } from '../stats.js';
import { bundleSide, membersByCode, validBundles } from './bundle-reads.js';
import { toDiagnostics } from './diagnostics.js';
import { fieldPolicy } from './field-policy.js';
import { compareBucket, recordItem, type BucketContext, type BucketResult } from './national-buckets.js';
import type { CompareWorkerInit } from './national-worker.js';

/**
 * The engine for these paths: exports need DuckDB; catalog folders use it only when asked. (`auto` once
 * switched folders of over 200,000 items to DuckDB, but the in-memory engine now holds 3 × 100k items in
 * under 1 GB, where DuckDB's own 1 GB limit was the one that ran out.)
 */
export function chooseEngine(
  workspace: Workspace,
  paths: readonly string[],
  engine: Engine = 'auto',
): 'memory' | 'duckdb' {
  const exported = classifyInputs(workspace.cwd, paths).find((i) => i.type === 'export');
  if (engine === 'memory') {
    if (exported) throw new UsageError('usage/engine-memory-export', { path: exported.path });
    return 'memory';
  }
  return engine === 'duckdb' || exported ? 'duckdb' : 'memory';
}

interface Opened {
  /** The exported inputs, catalog folders among them as a temporary export. */
  inputs: NationalInput[];
  /** The catalog folders given, by their folder as shown (for their bundles). */
  folders: Map<string, Catalog>;
  /** Item files of the folders that could not be read. */
  problems: Diagnostic[];
  close(): void;
}

/** Catalog folders are exported to a temporary file first; exports are read as they are. */
function open(workspace: Workspace, paths: readonly string[], lang: Lang): Opened {
  const inputs = classifyInputs(workspace.cwd, paths);
  const folderPaths = inputs.filter((i) => i.type === 'catalogs').map((i) => i.path);
  const folders = new Map<string, Catalog>();
  let temp: ReturnType<typeof temporaryExport> | undefined;
  let problems: Diagnostic[] = [];
  const all: NationalInput[] = inputs.filter((i) => i.type === 'export');
  if (folderPaths.length) {
    const plan = planExport(workspace, { paths: folderPaths, lang });
    for (const { catalog } of plan.catalogs) folders.set(catalog.dir, catalog);
    temp = temporaryExport(
      (function* () {
        for (const record of plan.records()) yield exportLine(record.item, record.meta, record.itemMeta);
      })(),
    );
    problems = plan.problems();
    // The folders, where they were given among the exports.
    const at = inputs.findIndex((i) => i.type === 'catalogs');
    all.splice(at, 0, { type: 'export', path: folderPaths.join(' '), format: 'jsonl', files: [temp.file] });
  }
  return { inputs: all, folders, problems, close: () => temp?.remove() };
}

/**
 * How many worker threads compare the buckets: one per core, as the per-key work is most of compare's time
 * and DuckDB is idle meanwhile. None when the compiled worker is not there (run from the TypeScript sources,
 * as the in-process tests do): the buckets are then compared on this thread, as with `workers: 0`.
 */
const WORKER = new URL('./national-worker.js', import.meta.url);
function defaultWorkers(): number {
  return existsSync(fileURLToPath(WORKER)) ? Math.min(availableParallelism(), MAX_WORKERS) : 0;
}
/** More workers than this gain little (the main thread takes in all their results), and each holds a bucket and a DuckDB. */
const MAX_WORKERS = 8;
/**
 * A worker's V8 young generation: comparing a key parses its 1,000+ records into short-lived objects, and
 * with a small young generation they were copied from one collection to the next (a fifth of a worker's
 * time, 1M items); at 192 MB most die before a collection sees them.
 */
const WORKER_YOUNG_GENERATION_MB = 192;

export interface DuckDbCompareOptions {
  paths: readonly string[];
  lang?: Lang;
  /** Worker threads for the per-key work (0: on this thread); by default one per core. */
  workers?: number;
  /** Called as buckets of records are compared: records done of all. */
  onProgress?: (done: number, total: number) => void;
}

export async function compareOnDuckDb(workspace: Workspace, options: DuckDbCompareOptions): Promise<CompareResult> {
  const lang = options.lang ?? 'en';
  const opened = open(workspace, options.paths, lang);
  let source: KeyedSource | undefined;
  try {
    source = await openKeyedSource(opened.inputs);
    const catalogs = source.catalogs;
    const lists = catalogs.filter((c) => c.kind === 'implementation');
    const basics = catalogs.filter((c) => c.kind === 'basic');
    if (lists.length < 2) throw new UsageError('usage/compare-arguments');
    if (basics.length > 1) throw new UsageError('usage/compare-basics');
    const policy = fieldPolicy(workspace);
    const context: BucketContext = {
      catalogs,
      basic: basics[0],
      policy,
      order: new Map(lists.map((c, position) => [c.idx, position])),
    };
    const workers = Math.min(options.workers ?? defaultWorkers(), source.parts.length);
    const results: BucketResult[] = [];
    const { records } = source;
    const total = records.reduce((sum, n) => sum + n, 0);
    let done = 0;
    const bucketDone = (n: number) => options.onProgress?.((done += records[n] ?? 0), total);
    if (workers > 0) {
      const init: CompareWorkerInit = {
        context,
        folder: source.folder,
        // DuckDB's gigabyte, shared among the workers' readers (one bucket is a sixty-fourth of the set).
        memoryLimit: `${Math.floor(1024 / workers)}MB`,
      };
      results.push(
        ...(await runInWorkers<string[], BucketResult>(WORKER, init, source.parts, {
          workers,
          youngGenerationMb: WORKER_YOUNG_GENERATION_MB,
          onResult: bucketDone,
        })),
      );
    } else {
      const reader = await openBucketReader(catalogs, source.folder);
      try {
        for (const [n, files] of source.parts.entries()) {
          results.push(await compareBucket(context, await reader.read(files)));
          bucketDone(n);
        }
      } finally {
        reader.close();
      }
    }
    // Buckets in order, as on one thread; then keys in the order the in-memory engine sorts them
    // (JavaScript's, not the database's collation).
    const rows = results.flatMap((r) => r.rows).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const duplicates = results.flatMap((r) => r.duplicates);
    duplicates.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1]);
    const matrix = scores(
      lists.map((c) => c.dir),
      [...policy.standard],
      rows,
      duplicates.map((d) => d.duplicate),
    );
    const bundleSides = lists.map((c) => bundlesOf(workspace, opened.folders.get(c.dir), c.dir));
    return {
      ...matrix,
      names: Object.fromEntries(
        lists.map((c) => [
          c.dir,
          catalogTitle(workspace, { region: c.region ?? undefined, name: c.name ?? undefined }) ?? c.dir,
        ]),
      ),
      bundles: alignBundles(
        bundleSides.map((b) => b.side),
        keyMatters(),
      ),
      problems: [
        ...opened.problems,
        ...toDiagnostics(
          bundleSides.flatMap((b) => b.problems),
          lang,
        ),
      ],
    };
  } finally {
    source?.close();
    opened.close();
  }
}

/** The scores of the matrix, from its cells, counted as compareCatalogs counts them. */
function scores(
  regions: string[],
  elements: ElementName[],
  rows: CompareRow[],
  duplicates: CatalogDiff['duplicates'],
): ConsistencyMatrix {
  const element = new Map<string, [number, number]>();
  const region = new Map<string, [number, number]>();
  const count = (map: Map<string, [number, number]>, key: string, agreeing: boolean) => {
    const [a, t] = map.get(key) ?? [0, 0];
    map.set(key, [a + Number(agreeing), t + 1]);
  };
  for (const row of rows)
    for (const name of elements)
      for (const [label, cells] of Object.entries(row.cells)) {
        const cell = cells[name];
        if (cell !== 'agree' && cell !== 'deviate') continue;
        count(element, name, cell === 'agree');
        count(region, label, cell === 'agree');
      }
  const elementScores: ConsistencyMatrix['elementScores'] = {};
  for (const [name, [a, t]] of element) elementScores[name as ElementName] = ratio(a, t);
  const regionScores: Record<string, number> = {};
  for (const label of regions) {
    const [a, t] = region.get(label) ?? [0, 0];
    regionScores[label] = ratio(a, t);
  }
  const cells = [...region.values()].reduce(([a, t], [x, y]) => [a + x, t + y], [0, 0]);
  return { regions, elements, rows, elementScores, regionScores, score: ratio(cells[0], cells[1]), duplicates };
}

/** A list's bundles as compare sees them: those of a catalog folder given; an export carries none. */
function bundlesOf(
  workspace: Workspace,
  catalog: Catalog | undefined,
  label: string,
): { side: BundleSide; problems: Finding[] } {
  if (!catalog || catalog.bundles.length === 0)
    return { side: { label, bundles: [], members: new Map() }, problems: [] };
  return bundleSide(readDiffSide(workspace, catalog.dir), workspace.schemas);
}

export async function statsOnDuckDb(
  workspace: Workspace,
  options: { paths?: readonly string[]; lang?: Lang },
): Promise<StatsResult> {
  const lang = options.lang ?? 'en';
  const paths = options.paths?.length ? options.paths : ['.'];
  const targets = (workspace.config?.config.stats?.targets as Target[] | undefined) ?? DEFAULT_TARGETS;
  const opened = open(workspace, paths, lang);
  try {
    // tongban's exports list each catalog's records together: read them in file order, with no sort; an
    // export put together otherwise (a catalog's records apart) is read again, sorted.
    const measured =
      (await measureCatalogs(workspace, opened, targets, false)) ??
      (await measureCatalogs(workspace, opened, targets, true));
    if (!measured || measured.catalogs.length === 0)
      throw new UsageError('usage/stats-no-lists', { path: paths.join(' ') });
    const { catalogs, byLevel, bundleScores, bundleCatalogs, problems } = measured;
    return statsResult(catalogs, byLevel, bundleScores, bundleCatalogs, [
      ...opened.problems,
      ...toDiagnostics(problems, lang, workspace.textOf),
    ]);
  } finally {
    opened.close();
  }
}

/** The measures catalog by catalog; undefined when, unsorted, a catalog's records turn out not to be together. */
async function measureCatalogs(workspace: Workspace, opened: Opened, targets: readonly Target[], sorted: boolean) {
  const problems: Finding[] = [];
  const catalogs: CatalogStats[] = [];
  const byLevel = new Map<string, MeasureCounter>();
  const bundleScores: BundleScore[] = [];
  const bundleCatalogs: StatsResult['bundles']['catalogs'] = [];
  const finish = (c: CatalogRow['catalog'], read: { file: string; data: Incomplete<ImplementationItem> }[]) => {
    const all = read.map((i) => i.data);
    const items = all.filter((item) => item.status !== '取消');
    const measures = measure(items);
    catalogs.push({
      label: c.dir,
      name: c.name ?? c.dir,
      title: catalogTitle(workspace, { region: c.region ?? undefined, name: c.name ?? undefined }) ?? c.dir,
      level: c.level,
      measures,
      targets: checkTargets(measures, c.level ?? undefined, targets),
      retired: all.length - items.length,
    });
    const folder = opened.folders.get(c.dir);
    const bundles = folder ? validBundles(folder, workspace.schemas) : { bundles: [], problems: [] };
    problems.push(...bundles.problems);
    const members = membersByCode(read);
    const scores = bundles.bundles.map(({ file, bundle }) => scoreBundle(bundle, c.dir, file, members));
    bundleScores.push(...scores);
    const matters = scores.flatMap((score) => (score.keyMatter === null ? [] : [score.keyMatter]));
    bundleCatalogs.push({ label: c.dir, keyMatters: [...new Set(matters)].sort(), ...summarise(scores) });
    const level = c.level ?? '—';
    const sums = byLevel.get(level) ?? new MeasureCounter();
    byLevel.set(level, sums);
    for (const item of items) sums.add(item);
  };
  const seen = new Set<string>();
  let current: CatalogRow['catalog'] | undefined;
  let read: { file: string; data: Incomplete<ImplementationItem> }[] = [];
  for await (const row of catalogRows(opened.inputs, sorted)) {
    if (row.catalog.dir !== current?.dir) {
      if (seen.has(row.catalog.dir)) return undefined;
      seen.add(row.catalog.dir);
      if (current?.kind === 'implementation') finish(current, read);
      current = row.catalog;
      read = [];
    }
    if (current.kind !== 'implementation') continue;
    const data = recordItem(row);
    const errors = workspace.schemas.item('implementation', data);
    const { trusted } = splitSchemaFindings(data, errors, () => undefined);
    if (!trusted) {
      problems.push(findingIn(row.file, { code: 'item/invalid', path: '', args: { count: errors.length } }));
      continue;
    }
    const left = Object.keys(data).filter((k) => !(k in trusted));
    if (left.length)
      problems.push(findingIn(row.file, { code: 'item/partial', path: '', args: { elements: left.join(', ') } }));
    read.push({ file: row.file, data: trusted as Incomplete<ImplementationItem> });
  }
  if (current?.kind === 'implementation') finish(current, read);
  return { catalogs, byLevel, bundleScores, bundleCatalogs, problems };
}
