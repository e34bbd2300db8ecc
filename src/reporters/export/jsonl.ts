/**
 * Items as JSON Lines: one item per line, each carrying its catalog's metadata (`$catalog`) and its own
 * (`$item`: file, place, comparison key), so a line stands alone (core/national/records.ts).
 */
import type { ExportRecord, ExportResult } from '../../app/export-items.js';
import { exportLine } from '../../core/national/records.js';
import type { Reporter } from '../reporter.js';
import { bundlesJsonl } from './bundles.js';

export const jsonlLine = (record: ExportRecord): string => exportLine(record.item, record.meta, record.itemMeta);

export const jsonl: Reporter<ExportResult> = (result) =>
  result.bundles ? bundlesJsonl(result.bundles) : result.records.map(jsonlLine).join('');
