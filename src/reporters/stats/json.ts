/** `tongban stats --format json` (schemas/report-stats.schema.json): measures and targets per catalog and level. */
import type { StatsResult } from '../../app/stats.js';
import type { Reporter } from '../reporter.js';
import { diagnosticJson, reportJson } from '../shared/json.js';

/** Measures as JSON: one no item could be counted for is null (JSON has no undefined). */
const withNulls = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v === undefined ? null : v])) as T;

export const json: Reporter<StatsResult> = (result, { version }) =>
  reportJson('stats', version, {
    catalogs: result.catalogs.map((c) => ({
      ...c,
      measures: withNulls(c.measures),
      targets: c.targets.map((t) => withNulls(t)),
    })),
    byLevel: result.byLevel.map((l) => ({ ...l, measures: withNulls(l.measures) })),
    bundles: result.bundles,
    problems: result.problems.map(diagnosticJson),
  });
