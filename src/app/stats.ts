/** `tongban stats`: the reform's measures per implementation list and per level, against targets. */
import type { Diagnostic, Finding } from '../core/diagnostic.js';
import type { ImplementationItem, Incomplete } from '../core/model.js';
import {
  checkTargets,
  DEFAULT_TARGETS,
  measure,
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
import { DISK_READER, readUsable } from '../io/item-reader.js';
import { catalogTitle } from '../io/read-diff-side.js';
import type { Workspace } from '../io/workspace.js';
import { membersByCode, validBundles } from './shared/bundle-reads.js';
import { toDiagnostics } from './shared/diagnostics.js';

export interface StatsOptions {
  paths?: readonly string[];
  lang?: Lang;
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
  const byLevel = new Map<string, Incomplete<ImplementationItem>[]>();
  const problems: Finding[] = [];
  const bundleScores: BundleScore[] = [];
  const bundleCatalogs: BundleStats['catalogs'] = [];
  const set = workspace.catalogs(options.paths ?? []);
  problems.push(...set.problems);
  // Basic catalogs define items, not how they are delivered: there is nothing of theirs to measure.
  const lists = set.requested.filter((c) => c.kind === 'implementation');
  if (lists.length === 0)
    throw new UsageError('usage/stats-no-lists', { path: (options.paths?.length ? options.paths : ['.']).join(' ') });
  for (const catalog of lists) {
    const read = readUsable(DISK_READER, catalog, 'implementation', workspace.schemas);
    problems.push(...read.problems);
    // A cancelled item is no longer delivered: it counts in no measure, only as `retired`.
    const all = read.items.map((i) => i.data);
    const items = all.filter((item) => item.status !== RETIRED);
    const name = typeof catalog.meta?.name === 'string' ? catalog.meta.name : catalog.dir;
    const level = typeof catalog.meta?.level === 'string' ? catalog.meta.level : undefined;
    const measures = measure(items);
    catalogs.push({
      label: catalog.dir,
      name,
      title: catalogTitle(workspace, catalog.meta) ?? catalog.dir,
      level: level ?? null,
      measures,
      targets: checkTargets(measures, level, targets),
      retired: all.length - items.length,
    });
    // The list's bundles, scored against its items (a bundle that fails its schema is a problem).
    const bundles = validBundles(catalog, workspace.schemas);
    problems.push(...bundles.problems);
    const members = membersByCode(read.items);
    const scores = bundles.bundles.map(({ file, bundle }) => scoreBundle(bundle, catalog.dir, file, members));
    bundleScores.push(...scores);
    const matters = scores.flatMap((score) => (score.keyMatter === null ? [] : [score.keyMatter]));
    bundleCatalogs.push({ label: catalog.dir, keyMatters: [...new Set(matters)].sort(), ...summarise(scores) });
    const group = byLevel.get(level ?? '—');
    if (group) for (const item of items) group.push(item);
    else byLevel.set(level ?? '—', items);
  }
  return {
    catalogs,
    byLevel: [...byLevel].map(([level, items]) => ({ level, measures: measure(items) })),
    bundles: {
      bundles: bundleScores,
      catalogs: bundleCatalogs,
      overall: summarise(bundleScores),
      keyMatters: keyMatterCoverage(
        keyMatters(),
        bundleCatalogs.map((c) => ({ catalog: c.label, keyMatters: c.keyMatters })),
      ),
    },
    problems: toDiagnostics(problems, options.lang ?? 'en', workspace.textOf),
  };
}
