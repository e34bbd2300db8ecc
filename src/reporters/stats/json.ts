/** `tongban stats --format json` (schemas/report-stats.schema.json): measures and targets per catalog and level. */
import type { StatsResult } from '../../app/stats.js';
import type { Reporter } from '../reporter.js';
import { diagnosticJson, reportJson } from '../shared/json.js';

export const json: Reporter<StatsResult> = (result, { version }) =>
  reportJson('stats', version, {
    catalogs: result.catalogs,
    byLevel: result.byLevel,
    problems: result.problems.map(diagnosticJson),
  });
