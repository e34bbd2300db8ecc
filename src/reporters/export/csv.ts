/**
 * Items as CSV for spreadsheets: tongban's own columns (core/exchange/columns.ts), text as text and the rest
 * as JSON, so that an export read back with the `tongban` mapping gives the same items.
 */
import type { ExportResult } from '../../app/export-items.js';
import { COLUMNS, toCell } from '../../core/exchange/columns.js';
import type { Reporter } from '../reporter.js';
import { bundlesCsv } from './bundles.js';
import { excelCsv } from '../shared/csv.js';

export const csv: Reporter<ExportResult> = (result) => {
  if (result.bundles) return bundlesCsv(result.bundles);
  // A mixed export (the CLI refuses one) takes every column of both kinds.
  const columns =
    result.kind === 'mixed' ? [...new Set([...COLUMNS.implementation, ...COLUMNS.basic])] : COLUMNS[result.kind];
  const rows = result.records.map(({ item, catalog }) =>
    columns.map((column) => toCell(catalog.kind, column, item[column])),
  );
  return excelCsv([[...columns], ...rows]);
};
