/**
 * What an import reports, for items (app/import-items.ts) and bundles (app/import-bundles.ts) alike, so
 * every report of import shows either: the files written or updated, and each cell or row it could not read.
 */
import type { RowProblem } from '../../core/exchange/mapping.js';
import type { FindingCode } from '../../core/finding-codes.js';
import { formatMessage, type Lang } from '../../i18n/index.js';
import { detectEncoding, type Encoding } from '../../io/read-rows.js';
import type { ValidationResult } from '../validate.js';

export interface RowReport {
  /** The spreadsheet row (1 = the header) or JSON entry number. */
  row: number;
  /** For a nested JSON record: where it is (`departments[1].items[3]`). */
  at?: string;
  column: string;
  code: FindingCode;
  message: string;
}

export interface ImportResult {
  /** Files written, as shown. */
  written: string[];
  updated: { file: string; fields: string[] }[];
  unchanged: number;
  /** Rows whose item exists with other content (nothing was written). */
  conflicts: { row: number; file: string }[];
  /** Cells and rows that could not be read. */
  rows: RowReport[];
  /** Rows that are not imported at all (unreadable, no code, duplicate, conflicting file). */
  skipped: number;
  /** Rows the mapping's filter left out. */
  filtered: number;
  /** The catalog validated after the import (absent when conflicts stopped it). */
  validation?: ValidationResult;
}

/** A result with nothing imported yet. */
export function emptyImportResult(): ImportResult {
  return { written: [], updated: [], unchanged: 0, conflicts: [], rows: [], skipped: 0, filtered: 0 };
}

/** Records a row's problem in `result`, worded in `lang`. */
export function rowReporter(result: ImportResult, lang: Lang): (row: number, p: RowProblem, at?: string) => void {
  return (row, p, at) => {
    result.rows.push({
      row,
      ...(at !== undefined ? { at } : {}),
      column: p.column,
      code: p.code,
      message: formatMessage(lang, p.code, { ...p.args, column: p.column }),
    });
  };
}

/** The encoding asked for (`gbk` read as GB18030, its superset), or the one the file's bytes show. */
export function importEncoding(file: string, shown: string, asked: 'auto' | 'utf8' | 'gbk' | undefined): Encoding {
  return asked === 'gbk' ? 'gb18030' : asked === 'utf8' ? 'utf8' : detectEncoding(file, shown);
}
