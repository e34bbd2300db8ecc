/** The formats of `tongban code explain`. */
import type { ExplainResult } from '../../app/explain-codes.js';
import type { ReporterRegistry } from '../reporter.js';

export const EXPLAIN_REPORTERS = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
} satisfies ReporterRegistry<ExplainResult>;
