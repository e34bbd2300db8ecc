/**
 * CSV that opens correctly in Excel: UTF-8 with a byte-order mark, and cells that begin with = + - @ (or
 * a tab or carriage return) prefixed with ' so a spreadsheet does not run them as formulas.
 */
import { stringify } from 'csv-stringify/sync';

const FORMULA = /^[=+\-@\t\r]/;

export function neutralise(cell: string): string {
  return FORMULA.test(cell) ? `'${cell}` : cell;
}

export function excelCsv(rows: readonly (readonly string[])[]): string {
  return (
    '\uFEFF' +
    stringify(
      rows.map((row) => row.map(neutralise)),
      { record_delimiter: 'windows' },
    )
  );
}
