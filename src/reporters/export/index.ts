/** The formats `tongban export` writes items in. */
import type { ExportResult } from '../../app/export-items.js';
import type { ReporterRegistry } from '../reporter.js';

export const EXPORT_REPORTERS = {
  csv: async () => (await import('./csv.js')).csv,
  json: async () => (await import('./json.js')).json,
  jsonl: async () => (await import('./jsonl.js')).jsonl,
  jsonld: async () => (await import('./jsonld.js')).jsonld,
} satisfies ReporterRegistry<ExportResult>;
