/**
 * `tongban import` with a bundle mapping (`kind: bundle`): a sheet with one row per member of a 一件事 →
 * one bundle file per bundle (`bundles/<id>.yaml`) in an existing implementation list. Rows are read and
 * mapped by the same machinery as items (core/exchange/mapping.ts) and joined by bundle id
 * (core/bundles/import-rows.ts); assisting agencies not given are the members' agencies other than the
 * lead. An existing bundle that differs is a conflict (nothing is written) unless `update` replaces it.
 * The list is validated afterwards, so a member code that does not exist is reported at its line.
 */
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { joinBundleRows, orderedBundle, type BundleRow } from '../core/bundles/import-rows.js';
import { compileMapping, mapRow, rowPasses, type Mapping } from '../core/exchange/mapping.js';
import { bundleFile, bundleText, existingBundle, writeBundle } from '../io/bundle-files.js';
import { UsageError } from '../io/errors.js';
import { DISK_READER, readAll } from '../io/item-reader.js';
import { readCodeLists } from '../io/read-mapping.js';
import { checkImportFile, readRows } from '../io/read-rows.js';
import type { Workspace } from '../io/workspace.js';
import { emptyImportResult, importEncoding, rowReporter, type ImportResult } from './shared/import-result.js';
import { validate } from './validate.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** What the import is asked (the options of importItems it uses). */
export interface BundleImportOptions {
  file: string;
  out: string;
  encoding?: 'auto' | 'utf8' | 'gbk';
  /** Replace bundles that exist with other content instead of reporting conflicts. */
  update?: boolean;
  lang?: 'zh-CN' | 'en';
}

/** The same shape as an item import's result, so every report of import shows it. */
export type BundleImportResult = ImportResult;

export async function importBundles(
  workspace: Workspace,
  options: BundleImportOptions,
  mapping: Mapping,
): Promise<BundleImportResult> {
  const lang = options.lang ?? 'en';
  const file = path.resolve(workspace.cwd, options.file);
  const format = checkImportFile(file, options.file);
  // Bundles join items of a list: the list must be there.
  const out = path.resolve(workspace.cwd, options.out);
  const catalog = workspace.catalogs([out]).requested.find((c) => c.absoluteDir === out);
  if (catalog?.kind !== 'implementation') throw new UsageError('usage/import-bundles', { path: options.out });
  const encoding = importEncoding(file, options.file, options.encoding);
  const compiled = compileMapping(mapping);
  const lists = readCodeLists();
  const result = emptyImportResult();
  const report = rowReporter(result, lang);
  const idColumn = (() => {
    const spec = mapping.fields.id;
    return typeof spec === 'string'
      ? spec
      : !Array.isArray(spec) && spec
        ? ((spec as { column?: string }).column ?? 'id')
        : 'id';
  })();

  const rows: BundleRow[] = [];
  for await (const { row, at, values, problem, problems } of readRows(file, encoding, options.file, mapping.records)) {
    if (problem) {
      report(row, problem, at);
      result.skipped++;
      continue;
    }
    if (!rowPasses(values, compiled)) {
      result.filtered++;
      continue;
    }
    const mapped = mapRow(values, compiled, lists, { csv: format === 'csv' });
    [...(problems ?? []), ...mapped.problems].forEach((p) => report(row, p, at));
    if (typeof mapped.item.id !== 'string' || !ID.test(mapped.item.id)) {
      report(row, { column: idColumn, code: 'import/no-name', args: {} }, at);
      result.skipped++;
      continue;
    }
    rows.push({ row, item: mapped.item });
  }
  const joined = joinBundleRows(rows);
  for (const p of joined.problems)
    report(p.row, {
      column: p.element,
      code: 'import/bundle-mismatch',
      args: { element: p.element, other: String(p.other) },
    });

  // Agencies not given: the members' agencies other than the lead, from the list's items.
  const agencies = new Map<string, { name: string; uscc: string }>();
  for (const { data } of readAll(DISK_READER, catalog).items) {
    const agency = data.agency as { name?: unknown; uscc?: unknown } | undefined;
    if (typeof data.code === 'string' && typeof agency?.name === 'string' && typeof agency.uscc === 'string')
      agencies.set(data.code, { name: agency.name, uscc: agency.uscc });
  }
  const planned: { row: number; file: string; text: string; fields: string[] | undefined }[] = [];
  for (const { row, bundle } of joined.bundles) {
    if (bundle.assisting === undefined) {
      const lead = (bundle.lead as { uscc?: unknown } | undefined)?.uscc;
      const members = (bundle.members as { code: string }[] | undefined) ?? [];
      const assisting = [
        ...new Map(
          members
            .map((m) => agencies.get(m.code))
            .filter((a): a is { name: string; uscc: string } => a !== undefined && a.uscc !== lead)
            .map((a) => [a.uscc, a]),
        ).values(),
      ];
      if (assisting.length) bundle.assisting = assisting;
    }
    const data = orderedBundle(bundle);
    const target = bundleFile(catalog.absoluteDir, String(data.id));
    const shown = workspace.display(target);
    const existing = existingBundle(target, shown);
    if (
      existing === 'unreadable' ||
      (existing !== undefined && !options.update && !isDeepStrictEqual(existing, data))
    ) {
      result.conflicts.push({ row, file: shown });
      continue;
    }
    if (existing !== undefined && isDeepStrictEqual(existing, data)) {
      result.unchanged++;
      continue;
    }
    const fields =
      existing === undefined ? undefined : Object.keys(data).filter((k) => !isDeepStrictEqual(existing[k], data[k]));
    planned.push({
      row,
      file: target,
      text: bundleText(`tongban import: ${path.basename(file)} row ${row}`, data),
      fields,
    });
  }
  if (result.conflicts.length) return result;
  for (const { file: target, text, fields } of planned) {
    writeBundle(target, text);
    if (fields === undefined) result.written.push(workspace.display(target));
    else result.updated.push({ file: workspace.display(target), fields });
  }
  result.rows.sort((a, b) => a.row - b.row);
  result.validation = await validate(workspace, { paths: [options.out], lang });
  return result;
}
