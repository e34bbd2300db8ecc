/**
 * `tongban export`: the items of catalogs as records, which the export formats (reporters/export) write as
 * CSV for spreadsheets, JSON, JSON Lines or schema.org JSON-LD.
 */
import type { Diagnostic, Finding } from '../core/diagnostic.js';
import type { CatalogKind } from '../core/model.js';
import type { Lang } from '../i18n/index.js';
import { DISK_READER, readAll } from '../io/item-reader.js';
import type { Workspace } from '../io/workspace.js';
import { toDiagnostics } from './shared/diagnostics.js';

export interface ExportOptions {
  paths?: readonly string[];
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

export interface ExportResult {
  /** The kind of every catalog exported, or `mixed` (a CSV holds one kind at a time). */
  kind: CatalogKind | 'mixed';
  records: ExportRecord[];
  /** Item files that could not be read, so are not exported. */
  problems: Diagnostic[];
}

export async function exportItems(workspace: Workspace, options: ExportOptions = {}): Promise<ExportResult> {
  const set = workspace.catalogs(options.paths ?? []);
  const records: ExportRecord[] = [];
  const problems: Finding[] = [...set.problems];
  const kinds = new Set<CatalogKind>();
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
