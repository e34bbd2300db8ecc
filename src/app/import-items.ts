/**
 * `tongban import`: rows of a spreadsheet or platform export → one YAML item per row. Rows that cannot be
 * read are reported with their row and column, the rest are imported; an existing item that differs is a
 * conflict (nothing is written) unless `update` merges the imported elements into it. The catalog is
 * validated afterwards.
 */
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { COLUMNS } from '../core/exchange/columns.js';
import { fileNameOf, mapRow, type Mapping, type RowProblem } from '../core/exchange/mapping.js';
import type { FindingCode } from '../core/finding-codes.js';
import { formatMessage, type Lang } from '../i18n/index.js';
import { UsageError } from '../io/errors.js';
import { ItemStore } from '../io/import-target.js';
import { readCodeLists, readMapping } from '../io/read-mapping.js';
import { checkImportFile, detectEncoding, readRows, type Encoding } from '../io/read-rows.js';
import type { Workspace } from '../io/workspace.js';
import { validate, type ValidationResult } from './validate.js';

export interface ImportOptions {
  /** The CSV, JSON or JSON Lines file to import. */
  file: string;
  /** A preset name (national, tongban, tongban-basic) or the path of a mapping file. */
  map: string;
  /** The catalog folder to write to; created (with the mapping's catalog section) when missing. */
  out: string;
  encoding?: 'auto' | 'utf8' | 'gbk';
  /** Merge imported elements into existing items instead of reporting conflicts. */
  update?: boolean;
  lang?: Lang;
}

export interface RowReport {
  /** The spreadsheet row (1 = the header) or JSON entry number. */
  row: number;
  column: string;
  code: FindingCode;
  message: string;
}

export interface ImportResult {
  /** Item files written, as shown. */
  written: string[];
  updated: { file: string; fields: string[] }[];
  unchanged: number;
  /** Rows whose item exists with other content (nothing was written). */
  conflicts: { row: number; file: string }[];
  /** Cells and rows that could not be read. */
  rows: RowReport[];
  /** The catalog validated after the import (absent when conflicts stopped it). */
  validation?: ValidationResult;
}

/** Elements in schema order, so imported files read like hand-written ones. */
function ordered(kind: Mapping['kind'], item: Record<string, unknown>): Record<string, unknown> {
  const order = COLUMNS[kind];
  return Object.fromEntries(
    Object.entries(item).sort(([a], [b]) => (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999)),
  );
}

export async function importItems(workspace: Workspace, options: ImportOptions): Promise<ImportResult> {
  const lang = options.lang ?? 'en';
  const file = path.resolve(workspace.cwd, options.file);
  checkImportFile(file, options.file);
  const mapping = readMapping(options.map, workspace.cwd, workspace.schemas);
  const store = new ItemStore(path.resolve(workspace.cwd, options.out));
  if (!store.hasCatalog() && !mapping.catalog) throw new UsageError('usage/import-catalog', { path: options.out });
  const encoding: Encoding =
    options.encoding === 'gbk' ? 'gb18030' : options.encoding === 'utf8' ? 'utf8' : detectEncoding(file);
  const lists = readCodeLists();
  const shown = (name: string) => workspace.display(store.fileOf(name));
  const result: ImportResult = { written: [], updated: [], unchanged: 0, conflicts: [], rows: [] };
  const report = (row: number, p: RowProblem) =>
    result.rows.push({
      row,
      column: p.column,
      code: p.code,
      message: formatMessage(lang, p.code, { ...p.args, column: p.column }),
    });
  const rows = () => readRows(file, encoding, options.file);

  // Pass 1: read every row, and find conflicts with items already there, writing nothing.
  const rowOf = new Map<string, number>();
  for await (const { row, values, problem } of rows()) {
    if (problem) {
      report(row, problem);
      continue;
    }
    const { item, problems } = mapRow(values, mapping, lists);
    problems.forEach((p) => report(row, p));
    if (problems.length) continue;
    const name = fileNameOf(item, mapping);
    if (name === undefined) {
      report(row, { column: mapping.fileName ?? 'code', code: 'import/no-name', args: {} });
      continue;
    }
    const earlier = rowOf.get(name);
    if (earlier !== undefined) {
      report(row, {
        column: mapping.fileName ?? 'code',
        code: 'import/duplicate-row',
        args: { other: String(earlier) },
      });
      continue;
    }
    rowOf.set(name, row);
    if (!options.update && store.has(name) && !isDeepStrictEqual(store.read(name), item)) {
      result.conflicts.push({ row, file: shown(name) });
    }
  }
  if (result.conflicts.length) return result;

  // Pass 2: write (or merge) each readable row.
  if (!store.hasCatalog()) store.createCatalog(mapping.catalog);
  for await (const { row, values, problem } of rows()) {
    if (problem) continue;
    const { item, problems } = mapRow(values, mapping, lists);
    const name = problems.length ? undefined : fileNameOf(item, mapping);
    if (name === undefined || rowOf.get(name) !== row) continue;
    if (!store.has(name)) {
      store.create(name, `tongban import: ${path.basename(file)} row ${row}`, ordered(mapping.kind, item));
      result.written.push(shown(name));
      continue;
    }
    // Only the imported elements change; the author's comments and other elements stay.
    const fields = store.update(name, item);
    if (fields.length) result.updated.push({ file: shown(name), fields });
    else result.unchanged++;
  }
  result.validation = await validate(workspace, { paths: [options.out], lang });
  return result;
}
