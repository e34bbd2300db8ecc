/** The formats of `tongban import`'s report. */
import type { ImportResult } from '../../app/import-items.js';
import type { ReporterRegistry } from '../reporter.js';

export const IMPORT_REPORTERS = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
} satisfies ReporterRegistry<ImportResult>;
