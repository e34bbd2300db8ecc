/**
 * `tongban export`: the items of catalogs as records, which the export formats (reporters/export) write as
 * CSV for spreadsheets, JSON, JSON Lines or schema.org JSON-LD.
 */
import type { Diagnostic, Finding } from '../core/diagnostic.js';
import type { Bundle } from '../core/bundles/model.js';
import type { CatalogKind, ImplementationItem, Incomplete } from '../core/model.js';
import type { Lang } from '../i18n/index.js';
import { DISK_READER, readAll, readUsable } from '../io/item-reader.js';
import type { CatalogSet, Workspace } from '../io/workspace.js';
import { validBundles } from './shared/bundle-reads.js';
import { toDiagnostics } from './shared/diagnostics.js';

export interface ExportOptions {
  paths?: readonly string[];
  /** Export the catalogs' bundles (一件事) instead of their items. */
  bundles?: boolean;
  lang?: Lang;
}

export interface ExportRecord {
  /** The item as its file holds it. */
  item: Record<string, unknown>;
  catalog: {
    /** The catalog folder as shown. */
    dir: string;
    kind: CatalogKind;
    /** The full name of the catalog's region (GB/T 2260), when it has one. */
    region: string | null;
  };
}

/** A bundle as exported: as its file holds it (it passed its schema), with its member items for linked data. */
export interface ExportBundle {
  bundle: Bundle;
  file: string;
  catalog: { dir: string; region: string | null };
  /** The member items of the list that could be read, in the bundle's order. */
  members: Incomplete<ImplementationItem>[];
}

export interface ExportResult {
  /** The kind of every catalog exported, or `mixed` (a CSV holds one kind at a time). */
  kind: CatalogKind | 'mixed';
  records: ExportRecord[];
  /** With `bundles`: the bundles exported (and `records` is empty). */
  bundles?: ExportBundle[];
  /** Item files that could not be read, so are not exported. */
  problems: Diagnostic[];
}

export async function exportItems(workspace: Workspace, options: ExportOptions = {}): Promise<ExportResult> {
  const set = workspace.catalogs(options.paths ?? []);
  const records: ExportRecord[] = [];
  const problems: Finding[] = [...set.problems];
  const kinds = new Set<CatalogKind>();
  if (options.bundles) return exportBundles(workspace, set, options.lang ?? 'en');
  for (const catalog of set.requested) {
    if (catalog.kind === undefined) continue;
    kinds.add(catalog.kind);
    const regionCode = catalog.meta?.region;
    const region = typeof regionCode === 'string' ? (workspace.regions.get(regionCode)?.fullName ?? null) : null;
    const read = readAll(DISK_READER, catalog);
    problems.push(...read.problems);
    for (const { data } of read.items)
      records.push({ item: data, catalog: { dir: catalog.dir, kind: catalog.kind, region } });
  }
  return {
    kind: kinds.size > 1 ? 'mixed' : ([...kinds][0] ?? 'implementation'),
    records,
    problems: toDiagnostics(problems, options.lang ?? 'en'),
  };
}

/** The bundles of the implementation lists under the paths, each with its member items (those readable). */
function exportBundles(workspace: Workspace, set: CatalogSet, lang: Lang): ExportResult {
  const problems: Finding[] = [...set.problems];
  const bundles: ExportBundle[] = [];
  for (const catalog of set.requested.filter((c) => c.kind === 'implementation')) {
    const regionCode = catalog.meta?.region;
    const region = typeof regionCode === 'string' ? (workspace.regions.get(regionCode)?.fullName ?? null) : null;
    const valid = validBundles(catalog, workspace.schemas);
    problems.push(...valid.problems);
    if (valid.bundles.length === 0) continue;
    // Members as linked data: what each item states (real items lack elements; their nodes say less).
    const read = readUsable(DISK_READER, catalog, 'implementation', workspace.schemas);
    problems.push(...read.problems);
    const byCode = new Map<string, Incomplete<ImplementationItem>>();
    for (const { data } of read.items)
      if (data.code !== undefined && !byCode.has(data.code)) byCode.set(data.code, data);
    for (const { file, bundle } of valid.bundles)
      bundles.push({
        bundle,
        file,
        catalog: { dir: catalog.dir, region },
        members: bundle.members.flatMap((m) => byCode.get(m.code) ?? []),
      });
  }
  return { kind: 'implementation', records: [], bundles, problems: toDiagnostics(problems, lang) };
}
