/** The formats of `tongban stats`. */
import type { StatsResult } from '../../app/stats.js';
import type { ReporterRegistry } from '../reporter.js';

export const STATS_REPORTERS = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  csv: async () => (await import('./csv.js')).csv,
  html: async () => (await import('./html.js')).html,
} satisfies ReporterRegistry<StatsResult>;
