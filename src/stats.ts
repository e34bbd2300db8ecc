/** `tongban stats`: the reform's measures per catalog and per level, against targets. */
import type { ImplementationItem, CatalogMeta } from './core/model.js';
import {
  checkTargets,
  DEFAULT_TARGETS,
  measure,
  type Measures,
  type Target,
  type TargetResult,
} from './core/stats/measures.js';
import { selectCatalogs } from './io/discover.js';
import { environment } from './io/environment.js';
import { loadCatalogs } from './io/load-catalogs.js';
import { findConfigFile, readConfig } from './io/read-config.js';

export interface CatalogStats {
  label: string;
  name: string;
  level: string | null;
  measures: Measures;
  targets: TargetResult[];
}

export interface StatsResult {
  catalogs: CatalogStats[];
  byLevel: { level: string; measures: Measures }[];
  /** Items that failed the schema and were not counted. */
  skipped: number;
}

export async function stats(paths: readonly string[], options: { cwd?: string } = {}): Promise<StatsResult> {
  const cwd = options.cwd ?? process.cwd();
  const schemas = await environment.schemas();
  const configFile = findConfigFile(cwd);
  const targets =
    ((configFile ? readConfig(configFile, cwd, schemas).config.stats?.targets : undefined) as Target[] | undefined) ??
    DEFAULT_TARGETS;
  const loaded = loadCatalogs(selectCatalogs(paths.length ? paths : ['.'], cwd), cwd);
  const catalogs: CatalogStats[] = [];
  const byLevel = new Map<string, ImplementationItem[]>();
  let skipped = 0;
  for (const source of loaded.sources.filter((s) => s.requested)) {
    const meta = source.meta?.data as CatalogMeta | undefined;
    if (meta?.kind !== 'implementation') {
      for (const _ of source.items); // basic catalogs carry no implementation measures
      continue;
    }
    const items: ImplementationItem[] = [];
    for (const doc of source.items) {
      if (schemas.item('implementation', doc.data).length) skipped++;
      else items.push(doc.data as unknown as ImplementationItem);
    }
    const measures = measure(items);
    catalogs.push({
      label: source.dir,
      name: meta.name,
      level: meta.level ?? null,
      measures,
      targets: checkTargets(measures, meta.level, targets),
    });
    const level = meta.level ?? '—';
    byLevel.set(level, [...(byLevel.get(level) ?? []), ...items]);
  }
  return { catalogs, byLevel: [...byLevel].map(([level, items]) => ({ level, measures: measure(items) })), skipped };
}
