/**
 * `tongban import`: rows of a spreadsheet or platform export → one YAML item per row. A cell that cannot
 * be read is reported with its row and column and only its element is left out: the row is still
 * imported. Rows the mapping's filter leaves out are counted. An existing item (found by its code,
 * whatever its file is called) that differs is a conflict (nothing is written) unless `update` merges the
 * imported elements into it. No file is written that tongban's reader would refuse. The catalog is
 * validated afterwards, unless no row could be read at all.
 */
import path from 'node:path';
import { COLUMNS } from '../core/exchange/columns.js';
import {
  compileMapping,
  fileNameOf,
  identityOf,
  mapRow,
  rowPasses,
  type Mapping,
  type RowProblem,
} from '../core/exchange/mapping.js';
import type { CodeListLookup } from '../core/exchange/code-list-lookup.js';
import type { CatalogMeta } from '../core/model.js';
import type { SchemaValidator } from '../core/schema/validator.js';
import { formatMessage, type Lang } from '../i18n/index.js';
import { UsageError } from '../io/errors.js';
import { ItemStore, type Target } from '../io/import-target.js';
import { readCodeLists, readMapping } from '../io/read-mapping.js';
import { checkImportFile, readRows } from '../io/read-rows.js';
import type { Workspace } from '../io/workspace.js';
import { importBundles } from './import-bundles.js';
import { emptyImportResult, importEncoding, rowReporter, type ImportResult } from './shared/import-result.js';
import { validate } from './validate.js';
import type { OnProgress } from './shared/progress.js';

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
  /** For a folder without catalog.yaml: what to write into it (over the mapping's catalog section). */
  catalog?: Partial<Pick<CatalogMeta, 'kind' | 'name' | 'region' | 'level' | 'basic' | 'origin'>>;
  lang?: Lang;
  /** Called as item files are written (the second pass): how many of how many rows. */
  onProgress?: OnProgress;
}

export type { ImportResult, RowReport } from './shared/import-result.js';

/** Elements in schema order, so imported files read like hand-written ones. */
function ordered(kind: Mapping['kind'], item: Record<string, unknown>): Record<string, unknown> {
  const order = COLUMNS[kind];
  return Object.fromEntries(
    Object.entries(item).sort(([a], [b]) => (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999)),
  );
}

/**
 * The catalog.yaml to create: the mapping's catalog section under the flags; or which flags are missing, or
 * which value the catalog schema would refuse (so import never writes a catalog.yaml that validate rejects).
 * A level may be given as the code list writes it (省级), by its national code (2) or an alias (province).
 */
function catalogToCreate(
  mapping: Mapping,
  options: ImportOptions,
  lists: ReadonlyMap<string, CodeListLookup>,
  schemas: SchemaValidator,
  lang: Lang,
): Record<string, unknown> {
  const meta: Record<string, unknown> = { kind: mapping.kind, ...mapping.catalog, ...options.catalog };
  const levels = lists.get('level');
  if (typeof meta.level === 'string' && levels)
    meta.level =
      levels.byName.get(meta.level) ??
      levels.byName.get(meta.level.toLowerCase()) ??
      levels.byCode.get(meta.level) ??
      meta.level;
  if (meta.kind !== mapping.kind)
    throw new UsageError('usage/import-catalog-flags', { path: options.out, missing: `--kind ${mapping.kind}` });
  const needed = meta.kind === 'implementation' ? ['name', 'region', 'level'] : ['name', 'origin'];
  const missing = needed.filter((key) => meta[key] === undefined || meta[key] === '');
  if (missing.length)
    throw new UsageError('usage/import-catalog-flags', {
      path: options.out,
      missing: missing.map((key) => `--${key}`).join(', '),
    });
  const refused = schemas.catalog(meta)[0];
  if (refused) {
    const key = refused.path.split('/')[1] ?? '';
    const value = Object.hasOwn(meta, key) ? meta[key] : undefined;
    const problem = formatMessage(lang, refused.code, refused.args);
    // A flag given on the command line is named as such; anything else came from the mapping's catalog
    // section, named by its key there, with its value as YAML data (a number, a list, an object).
    if (options.catalog && Object.hasOwn(options.catalog, key))
      throw new UsageError('usage/import-catalog-value', {
        path: options.out,
        flag: `--${key}`,
        value: String(value),
        problem,
      });
    const shown = (JSON.stringify(value) ?? String(value)).slice(0, 200);
    throw new UsageError('usage/import-mapping-catalog-value', { path: options.out, key, value: shown, problem });
  }
  return meta;
}

export async function importItems(workspace: Workspace, options: ImportOptions): Promise<ImportResult> {
  const lang = options.lang ?? 'en';
  const file = path.resolve(workspace.cwd, options.file);
  const format = checkImportFile(file, options.file);
  const mapping = readMapping(options.map, workspace.cwd, workspace.schemas);
  // A bundle mapping (one row per member of a 一件事) makes bundle files, not items: app/import-bundles.ts.
  if ((mapping.kind as string) === 'bundle') return importBundles(workspace, options, mapping);
  const compiled = compileMapping(mapping);
  const store = new ItemStore(path.resolve(workspace.cwd, options.out), (absolute) => workspace.display(absolute));
  const lists = readCodeLists();
  const newCatalog = store.hasCatalog() ? undefined : catalogToCreate(mapping, options, lists, workspace.schemas, lang);
  const encoding = importEncoding(file, options.file, options.encoding);
  const shown = (absolute: string) => workspace.display(absolute);
  const result = emptyImportResult();
  const report = rowReporter(result, lang);
  const rows = () => readRows(file, encoding, options.file, mapping.records);
  const mapped = (values: Parameters<typeof mapRow>[0]) => mapRow(values, compiled, lists, { csv: format === 'csv' });
  // Existing items are found by their code, whatever their files are called.
  store.indexExisting(mapping.kind);
  const nameColumn = mapping.fileName ?? 'code';

  // Pass 1: read every row, and find conflicts with items already there, writing nothing.
  const rowOf = new Map<string, number>();
  const skip = (row: number, p: RowProblem, at?: string) => {
    report(row, p, at);
    result.skipped++;
  };
  for await (const { row, at, values, problem, problems: cellProblems } of rows()) {
    if (problem) {
      skip(row, problem, at);
      continue;
    }
    if (!rowPasses(values, compiled)) {
      result.filtered++;
      continue;
    }
    const { item, problems } = mapped(values);
    // A cell that cannot be read costs its element only: reported here, the row is imported.
    [...(cellProblems ?? []), ...problems].forEach((p) => report(row, p, at));
    const name = fileNameOf(item, mapping);
    if (name === undefined) {
      skip(row, { column: nameColumn, code: 'import/no-name', args: {} }, at);
      continue;
    }
    const target = store.targetOf(identityOf(item, mapping.kind), name);
    const earlier = rowOf.get(target.file);
    if (earlier !== undefined) {
      skip(row, { column: nameColumn, code: 'import/duplicate-row', args: { other: String(earlier) } }, at);
      continue;
    }
    if (target.kind === 'taken' || target.kind === 'ambiguous') {
      skip(row, unusable(target, shown), at);
      continue;
    }
    rowOf.set(target.file, row);
    if (target.kind === 'existing' && !options.update && store.differs(target.file, item)) {
      result.conflicts.push({ row, file: shown(target.file) });
    }
  }
  if (result.conflicts.length) return result;

  // Pass 2: write (or merge) each imported row, unless tongban's reader would refuse the file.
  if (newCatalog) store.createCatalog(newCatalog);
  const refused = (row: number, target: string, text: string): boolean => {
    const finding = store.refusal(target, text);
    if (!finding) return false;
    const args = Object.fromEntries(Object.entries(finding.args).map(([k, v]) => [k, String(v)]));
    skip(row, { column: '—', code: finding.code, args });
    return true;
  };
  let handled = 0;
  for await (const { row, values, problem } of rows()) {
    if (problem || !rowPasses(values, compiled)) continue;
    const { item } = mapped(values);
    const name = fileNameOf(item, mapping);
    if (name === undefined) continue;
    const target = store.targetOf(identityOf(item, mapping.kind), name);
    if (rowOf.get(target.file) !== row) continue;
    options.onProgress?.(++handled, rowOf.size);
    if (target.kind === 'new') {
      const text = store.render(`tongban import: ${path.basename(file)} row ${row}`, ordered(mapping.kind, item));
      if (refused(row, target.file, text)) continue;
      store.writeNew(target.file, text);
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
  await store.flush();
  result.rows.sort((a, b) => a.row - b.row);
  // Nothing read from the file, only problems: a validation of the catalog as it was would read as if the
  // import had gone well.
  const imported = result.written.length + result.updated.length + result.unchanged;
  if (imported === 0 && result.rows.length > 0) return result;
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
