/** The formats of `tongban diff`. */
import type { DiffResult } from '../../app/diff.js';
import type { ReporterRegistry } from '../reporter.js';

export const DIFF_REPORTERS = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  markdown: async () => (await import('./markdown.js')).markdown,
  csv: async () => (await import('./csv.js')).csv,
  html: async () => (await import('./html.js')).html,
} satisfies ReporterRegistry<DiffResult>;
