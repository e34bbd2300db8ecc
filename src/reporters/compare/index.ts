/** The formats of `tongban compare`. */
import type { CompareResult } from '../../app/compare.js';
import type { ReporterRegistry } from '../reporter.js';

export const COMPARE_REPORTERS = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  csv: async () => (await import('./csv.js')).csv,
  html: async () => (await import('./html.js')).html,
} satisfies ReporterRegistry<CompareResult>;
