/** The one format of a shard's partial report (`tongban validate --shard`): JSON, for `merge-reports`. */
import type { PartialReport } from '../../core/partial-report.js';
import type { ReporterRegistry } from '../reporter.js';

export const PARTIAL_REPORTERS = {
  json: async () => (await import('./json.js')).json,
} satisfies ReporterRegistry<PartialReport>;
