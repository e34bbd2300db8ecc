/** `tongban stats`: the reform's measures per implementation list and per level, against targets. */
import type { Diagnostic, Finding } from '../core/diagnostic.js';
import type { ImplementationItem } from '../core/model.js';
import {
  checkTargets,
  DEFAULT_TARGETS,
  measure,
  type Measures,
  type Target,
  type TargetResult,
} from '../core/stats/measures.js';
import type { Lang } from '../i18n/index.js';
import { UsageError } from '../io/errors.js';
import { DISK_READER, readValid } from '../io/item-reader.js';
import type { Workspace } from '../io/workspace.js';
import { toDiagnostics } from './shared/diagnostics.js';

export interface StatsOptions {
  paths?: readonly string[];
  lang?: Lang;
}

export interface CatalogStats {
  /** The catalog folder as shown. */
  label: string;
  name: string;
  level: string | null;
  measures: Measures;
  targets: TargetResult[];
}

export interface StatsResult {
  catalogs: CatalogStats[];
  byLevel: { level: string; measures: Measures }[];
  /** Item files left out of the measures: unreadable, or rejected by the schema (`item/invalid`). */
  problems: Diagnostic[];
}

export async function stats(workspace: Workspace, options: StatsOptions = {}): Promise<StatsResult> {
  const targets = (workspace.config?.config.stats?.targets as Target[] | undefined) ?? DEFAULT_TARGETS;
  const catalogs: CatalogStats[] = [];
  const byLevel = new Map<string, ImplementationItem[]>();
  const problems: Finding[] = [];
  const set = workspace.catalogs(options.paths ?? []);
  problems.push(...set.problems);
  // Basic catalogs define items, not how they are delivered: there is nothing of theirs to measure.
  const lists = set.requested.filter((c) => c.kind === 'implementation');
  if (lists.length === 0)
    throw new UsageError('usage/stats-no-lists', { path: (options.paths?.length ? options.paths : ['.']).join(' ') });
  for (const catalog of lists) {
    const read = readValid(DISK_READER, catalog, 'implementation', workspace.schemas);
    problems.push(...read.problems);
    const items = read.items.map((i) => i.data);
    const name = typeof catalog.meta?.name === 'string' ? catalog.meta.name : catalog.dir;
    const level = typeof catalog.meta?.level === 'string' ? catalog.meta.level : undefined;
    const measures = measure(items);
    catalogs.push({
      label: catalog.dir,
      name,
      level: level ?? null,
      measures,
      targets: checkTargets(measures, level, targets),
    });
    const group = byLevel.get(level ?? '—');
    if (group) for (const item of items) group.push(item);
    else byLevel.set(level ?? '—', items);
  }
  return {
    catalogs,
    byLevel: [...byLevel].map(([level, items]) => ({ level, measures: measure(items) })),
    problems: toDiagnostics(problems, options.lang ?? 'en', workspace.textOf),
  };
}
