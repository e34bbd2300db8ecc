/**
 * CSV that opens correctly in Excel: UTF-8 with a byte-order mark, and cells that begin with = + - @ (or
 * a tab or carriage return) prefixed with ' so a spreadsheet does not run them as formulas (reversibly:
 * see core/exchange/formula-guard.ts, which `tongban import` undoes).
 */
import { stringify } from 'csv-stringify/sync';
import { neutralise } from '../../core/exchange/formula-guard.js';

export { neutralise };

export function excelCsv(rows: readonly (readonly string[])[]): string {
  return (
    '\uFEFF' +
    stringify(
      rows.map((row) => row.map(neutralise)),
      { record_delimiter: 'windows' },
    )
  );
}

/** Rows without the byte-order mark, to follow a header written by excelCsv. */
export function excelCsvRows(rows: readonly (readonly string[])[]): string {
  return stringify(
    rows.map((row) => row.map(neutralise)),
    { record_delimiter: 'windows' },
  );
}
