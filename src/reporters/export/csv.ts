/**
 * Items as CSV for spreadsheets: tongban's own columns (core/exchange/columns.ts), headed by the standard's
 * element names, text as text, plain lists as entries joined by ；and the rest as JSON — or, with
 * `--headers keys`, keys and JSON for machines. Either way an export read back with the `tongban` mapping
 * gives the same items. The header and each row can be had one at a time, so an export is written row by row.
 */
import type { CsvHeaders, ExportRecord, ExportResult } from '../../app/export-items.js';
import { COLUMN_TITLES, COLUMNS, toCell } from '../../core/exchange/columns.js';
import type { Reporter } from '../reporter.js';
import { bundlesCsv } from './bundles.js';
import { excelCsv, excelCsvRows } from '../shared/csv.js';

/** The columns of an export of `kind`; a mixed export (the CLI refuses one) takes every column of both. */
export function csvColumns(kind: ExportResult['kind']): readonly string[] {
  return kind === 'mixed' ? [...new Set([...COLUMNS.implementation, ...COLUMNS.basic])] : COLUMNS[kind];
}

/** The byte-order mark and the header line. */
export function csvHeader(kind: ExportResult['kind'], headers: CsvHeaders = 'titles'): string {
  const columns = csvColumns(kind);
  const titles = kind === 'mixed' ? undefined : COLUMN_TITLES[kind];
  return excelCsv([headers === 'keys' || !titles ? [...columns] : columns.map((c) => titles[c] ?? c)]);
}

/** One record's line. */
export function csvRow(
  columns: readonly string[],
  { item, catalog }: ExportRecord,
  headers: CsvHeaders = 'titles',
): string {
  const readable = headers === 'titles';
  return excelCsvRows([columns.map((column) => toCell(catalog.kind, column, item[column], readable))]);
}

export const csv: Reporter<ExportResult> = (result) => {
  if (result.bundles) return bundlesCsv(result.bundles);
  const columns = csvColumns(result.kind);
  const headers = result.headers ?? 'titles';
  return csvHeader(result.kind, headers) + result.records.map((record) => csvRow(columns, record, headers)).join('');
};
