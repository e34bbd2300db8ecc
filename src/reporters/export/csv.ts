/**
 * Items as CSV for spreadsheets: tongban's own columns (core/exchange/columns.ts), text as text and the rest
 * as JSON, so that an export read back with the `tongban` mapping gives the same items. The header and each
 * row can be had one at a time, so an export is written row by row.
 */
import type { ExportRecord, ExportResult } from '../../app/export-items.js';
import { COLUMNS, toCell } from '../../core/exchange/columns.js';
import type { Reporter } from '../reporter.js';
import { bundlesCsv } from './bundles.js';
import { excelCsv, excelCsvRows } from '../shared/csv.js';

/** The columns of an export of `kind`; a mixed export (the CLI refuses one) takes every column of both. */
export function csvColumns(kind: ExportResult['kind']): readonly string[] {
  return kind === 'mixed' ? [...new Set([...COLUMNS.implementation, ...COLUMNS.basic])] : COLUMNS[kind];
}

/** The byte-order mark and the header line. */
export function csvHeader(kind: ExportResult['kind']): string {
  return excelCsv([[...csvColumns(kind)]]);
}

/** One record's line. */
export function csvRow(columns: readonly string[], { item, catalog }: ExportRecord): string {
  return excelCsvRows([columns.map((column) => toCell(catalog.kind, column, item[column]))]);
}

export const csv: Reporter<ExportResult> = (result) => {
  if (result.bundles) return bundlesCsv(result.bundles);
  const columns = csvColumns(result.kind);
  return csvHeader(result.kind) + result.records.map((record) => csvRow(columns, record)).join('');
};
