/** `tongban stats`: the reform's measures per implementation list and per level, against targets. */
import type { Diagnostic, Finding } from '../core/diagnostic.js';
import type { ImplementationItem, Incomplete } from '../core/model.js';
import {
  checkTargets,
  DEFAULT_TARGETS,
  MeasureCounter,
  type Measures,
  type Target,
  type TargetResult,
} from '../core/stats/measures.js';
import {
  keyMatterCoverage,
  scoreBundle,
  summarise,
  type BundleScore,
  type BundleSummary,
  type KeyMatterCoverage,
} from '../core/bundles/scores.js';
import type { Lang } from '../i18n/index.js';
import { keyMatters } from '../io/key-matters.js';
import { UsageError } from '../io/errors.js';
import { DISK_READER, usableItem } from '../io/item-reader.js';
import { progressReader, type OnProgress } from './shared/progress.js';
import { catalogTitle } from '../io/read-diff-side.js';
import type { Workspace } from '../io/workspace.js';
import { membersByCode, validBundles } from './shared/bundle-reads.js';
import { toDiagnostics } from './shared/diagnostics.js';

export interface StatsOptions {
  paths?: readonly string[];
  lang?: Lang;
  /** Called as item files are read: how many of how many. */
  onProgress?: OnProgress;
}

export interface CatalogStats {
  /** The catalog folder as shown. */
  label: string;
  name: string;
  /** How readers know the catalog: its region's name (GB/T 2260), else its name, else its folder. */
  title: string;
  level: string | null;
  measures: Measures;
  targets: TargetResult[];
  /** Items cancelled (status 取消): listed here, counted in no measure. */
  retired: number;
}

/** 一件事 (bundles): each one's before→after figures, per catalog and overall, and the national lists covered. */
export interface BundleStats {
  bundles: BundleScore[];
  /** Per catalog (every implementation list measured, with or without bundles). */
  catalogs: ({ label: string; keyMatters: string[] } & BundleSummary)[];
  overall: BundleSummary;
  keyMatters: KeyMatterCoverage;
}

export interface StatsResult {
  catalogs: CatalogStats[];
  byLevel: { level: string; measures: Measures }[];
  bundles: BundleStats;
  /** Item files left out of the measures: unreadable, or rejected by the schema (`item/invalid`). */
  problems: Diagnostic[];
}

/** The status of a cancelled item (code list item-status). */
const RETIRED = '取消';

export async function stats(workspace: Workspace, options: StatsOptions = {}): Promise<StatsResult> {
  const targets = (workspace.config?.config.stats?.targets as Target[] | undefined) ?? DEFAULT_TARGETS;
  const catalogs: CatalogStats[] = [];
  const byLevel = new Map<string, MeasureCounter>();
  const problems: Finding[] = [];
  const bundleScores: BundleScore[] = [];
  const bundleCatalogs: BundleStats['catalogs'] = [];
  const set = workspace.catalogs(options.paths ?? []);
  problems.push(...set.problems);
  // Basic catalogs define items, not how they are delivered: there is nothing of theirs to measure.
  const lists = set.requested.filter((c) => c.kind === 'implementation');
  if (lists.length === 0)
    throw new UsageError('usage/stats-no-lists', { path: (options.paths?.length ? options.paths : ['.']).join(' ') });
  const reader = progressReader(DISK_READER, lists, options.onProgress);
  for (const catalog of lists) {
    // Items are counted as they are read, one at a time: the list is never held.
    const bundles = validBundles(catalog, workspace.schemas);
    const wanted = new Set(bundles.bundles.flatMap(({ bundle }) => bundle.members.map((m) => m.code)));
    const name = typeof catalog.meta?.name === 'string' ? catalog.meta.name : catalog.dir;
    const level = typeof catalog.meta?.level === 'string' ? catalog.meta.level : undefined;
    const counter = new MeasureCounter();
    let group = byLevel.get(level ?? '—');
    if (!group) byLevel.set(level ?? '—', (group = new MeasureCounter()));
    const members: { file: string; data: Incomplete<ImplementationItem> }[] = [];
    let retired = 0;
    const unreadable: Finding[] = [];
    const unusable: Finding[] = [];
    for (const read of reader.read(catalog)) {
      if (read.data === undefined) {
        unreadable.push(...read.findings);
        continue;
      }
      const usable = usableItem(read.file, read.data, 'implementation', workspace.schemas);
      unusable.push(...usable.problems);
      if (usable.item === undefined) continue;
      const item = usable.item;
      // Only the items bundles name are kept (what a bundle's score needs of them).
      if (item.code !== undefined && wanted.has(item.code)) members.push({ file: read.file, data: item });
      // A cancelled item is no longer delivered: it counts in no measure, only as `retired`.
      if (item.status === RETIRED) {
        retired++;
        continue;
      }
      counter.add(item);
      group.add(item);
    }
    // One by one: a list of 100k partial items has 100k problems, too many to spread into one call.
    for (const problem of unreadable) problems.push(problem);
    for (const problem of unusable) problems.push(problem);
    const measures = counter.result();
    catalogs.push({
      label: catalog.dir,
      name,
      title: catalogTitle(workspace, catalog.meta) ?? catalog.dir,
      level: level ?? null,
      measures,
      targets: checkTargets(measures, level, targets),
      retired,
    });
    // The list's bundles, scored against its items (a bundle that fails its schema is a problem).
    problems.push(...bundles.problems);
    const byCode = membersByCode(members);
    const scores = bundles.bundles.map(({ file, bundle }) => scoreBundle(bundle, catalog.dir, file, byCode));
    bundleScores.push(...scores);
    const matters = scores.flatMap((score) => (score.keyMatter === null ? [] : [score.keyMatter]));
    bundleCatalogs.push({ label: catalog.dir, keyMatters: [...new Set(matters)].sort(), ...summarise(scores) });
  }
  return statsResult(
    catalogs,
    byLevel,
    bundleScores,
    bundleCatalogs,
    toDiagnostics(problems, options.lang ?? 'en', workspace.textOf),
  );
}

/** The result from what either engine counted: the levels' counters, the bundles' scores and coverage. */
export function statsResult(
  catalogs: CatalogStats[],
  byLevel: ReadonlyMap<string, MeasureCounter>,
  bundleScores: BundleScore[],
  bundleCatalogs: BundleStats['catalogs'],
  problems: Diagnostic[],
): StatsResult {
  return {
    catalogs,
    byLevel: [...byLevel].map(([level, counter]) => ({ level, measures: counter.result() })),
    bundles: {
      bundles: bundleScores,
      catalogs: bundleCatalogs,
      overall: summarise(bundleScores),
      keyMatters: keyMatterCoverage(
        keyMatters(),
        bundleCatalogs.map((c) => ({ catalog: c.label, keyMatters: c.keyMatters })),
      ),
    },
    problems,
  };
}
