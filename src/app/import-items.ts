/**
 * `tongban import`: rows of a spreadsheet or platform export → one YAML item per row. Rows that cannot be
 * read are reported with their row and column, the rest are imported; an existing item (found by its code,
 * whatever its file is called) that differs is a conflict (nothing is written) unless `update` merges the
 * imported elements into it. No file is written that tongban's reader would refuse. The catalog is
 * validated afterwards.
 */
import path from 'node:path';
import { COLUMNS } from '../core/exchange/columns.js';
import { fileNameOf, identityOf, mapRow, type Mapping, type RowProblem } from '../core/exchange/mapping.js';
import type { FindingCode } from '../core/finding-codes.js';
import { formatMessage, type Lang } from '../i18n/index.js';
import { UsageError } from '../io/errors.js';
import { ItemStore, type Target } from '../io/import-target.js';
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
  const format = checkImportFile(file, options.file);
  const mapping = readMapping(options.map, workspace.cwd, workspace.schemas);
  const store = new ItemStore(path.resolve(workspace.cwd, options.out), (absolute) => workspace.display(absolute));
  if (!store.hasCatalog() && !mapping.catalog) throw new UsageError('usage/import-catalog', { path: options.out });
  const encoding: Encoding =
    options.encoding === 'gbk' ? 'gb18030' : options.encoding === 'utf8' ? 'utf8' : detectEncoding(file, options.file);
  const lists = readCodeLists();
  const shown = (absolute: string) => workspace.display(absolute);
  const result: ImportResult = { written: [], updated: [], unchanged: 0, conflicts: [], rows: [] };
  const report = (row: number, p: RowProblem) =>
    result.rows.push({
      row,
      column: p.column,
      code: p.code,
      message: formatMessage(lang, p.code, { ...p.args, column: p.column }),
    });
  const rows = () => readRows(file, encoding, options.file);
  const mapped = (values: Parameters<typeof mapRow>[0]) => mapRow(values, mapping, lists, { csv: format === 'csv' });
  // Existing items are found by their code, whatever their files are called.
  store.indexExisting(mapping.kind);
  const nameColumn = mapping.fileName ?? 'code';

  // Pass 1: read every row, and find conflicts with items already there, writing nothing.
  const rowOf = new Map<string, number>();
  for await (const { row, values, problem } of rows()) {
    if (problem) {
      report(row, problem);
      continue;
    }
    const { item, problems } = mapped(values);
    problems.forEach((p) => report(row, p));
    if (problems.length) continue;
    const name = fileNameOf(item, mapping);
    if (name === undefined) {
      report(row, { column: nameColumn, code: 'import/no-name', args: {} });
      continue;
    }
    const target = store.targetOf(identityOf(item, mapping.kind), name);
    const earlier = rowOf.get(target.file);
    if (earlier !== undefined) {
      report(row, { column: nameColumn, code: 'import/duplicate-row', args: { other: String(earlier) } });
      continue;
    }
    if (target.kind === 'taken' || target.kind === 'ambiguous') {
      report(row, unusable(target, shown));
      continue;
    }
    rowOf.set(target.file, row);
    if (target.kind === 'existing' && !options.update && store.differs(target.file, item)) {
      result.conflicts.push({ row, file: shown(target.file) });
    }
  }
  if (result.conflicts.length) return result;

  // Pass 2: write (or merge) each readable row, unless tongban's reader would refuse the file.
  if (!store.hasCatalog()) store.createCatalog(mapping.catalog);
  const refused = (row: number, target: string, text: string): boolean => {
    const finding = store.refusal(target, text);
    if (!finding) return false;
    const args = Object.fromEntries(Object.entries(finding.args).map(([k, v]) => [k, String(v)]));
    report(row, { column: '—', code: finding.code, args });
    return true;
  };
  for await (const { row, values, problem } of rows()) {
    if (problem) continue;
    const { item, problems } = mapped(values);
    const name = problems.length ? undefined : fileNameOf(item, mapping);
    if (name === undefined) continue;
    const target = store.targetOf(identityOf(item, mapping.kind), name);
    if (rowOf.get(target.file) !== row) continue;
    if (target.kind === 'new') {
      const text = store.render(`tongban import: ${path.basename(file)} row ${row}`, ordered(mapping.kind, item));
      if (refused(row, target.file, text)) continue;
      store.write(target.file, text);
      result.written.push(shown(target.file));
      continue;
    }
    // Only the imported elements change; the author's comments and other elements stay.
    const { text, fields } = store.merged(target.file, item);
    if (fields.length === 0) result.unchanged++;
    else if (!refused(row, target.file, text)) {
      store.write(target.file, text);
      result.updated.push({ file: shown(target.file), fields });
    }
  }
  result.rows.sort((a, b) => a.row - b.row);
  result.validation = await validate(workspace, { paths: [options.out], lang });
  return result;
}

/** A row whose item cannot be placed: its file holds another item, or several items have its code. */
function unusable(
  target: Extract<Target, { kind: 'taken' | 'ambiguous' }>,
  shown: (file: string) => string,
): RowProblem {
  return target.kind === 'taken'
    ? { column: '—', code: 'import/file-taken', args: { file: shown(target.file) } }
    : { column: '—', code: 'import/ambiguous-match', args: { files: target.files.map(shown).join(', ') } };
}
