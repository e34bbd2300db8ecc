/**
 * `tongban export`: the items of catalogs as records, which the export formats (reporters/export) write as
 * CSV for spreadsheets, JSON, JSON Lines or schema.org JSON-LD.
 */
import type { Diagnostic, Finding } from '../core/diagnostic.js';
import { itemKey } from '../core/diff/catalog-diff.js';
import { provinceOf, type CatalogMeta, type ItemMeta } from '../core/national/records.js';
import type { Bundle } from '../core/bundles/model.js';
import type { CatalogKind, ImplementationItem, Incomplete } from '../core/model.js';
import type { Lang } from '../i18n/index.js';
import { DISK_READER, readUsable } from '../io/item-reader.js';
import type { Catalog, CatalogSet, Workspace } from '../io/workspace.js';
import { validBundles } from './shared/bundle-reads.js';
import { toDiagnostics } from './shared/diagnostics.js';
import { progressReader, type OnProgress } from './shared/progress.js';

export interface ExportOptions {
  paths?: readonly string[];
  /** Export the catalogs' bundles (一件事) instead of their items. */
  bundles?: boolean;
  lang?: Lang;
  /** Called as item files are read: how many of how many. */
  onProgress?: OnProgress;
  /** CSV headers: the standard's element names with plain lists joined by ；(default), or keys and JSON. */
  headers?: CsvHeaders;
}

/** What a CSV export is for: people (element names, readable lists) or machines (keys, JSON cells). */
export type CsvHeaders = 'titles' | 'keys';

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
  /** The catalog's own metadata, which JSON Lines and Parquet exports carry on every record. */
  meta: CatalogMeta;
  /** The item's file, place and comparison key. */
  itemMeta: ItemMeta;
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
  /** How a CSV of the result is headed (default: titles). */
  headers?: CsvHeaders;
}

export async function exportItems(workspace: Workspace, options: ExportOptions = {}): Promise<ExportResult> {
  if (options.bundles) return exportBundles(workspace, workspace.catalogs(options.paths ?? []), options.lang ?? 'en');
  const plan = planExport(workspace, options);
  const records = [...plan.records()];
  return {
    kind: plan.kind,
    records,
    problems: plan.problems(),
    ...(options.headers ? { headers: options.headers } : {}),
  };
}

/**
 * An export read lazily, one item file at a time, so formats that are streams (CSV, JSON Lines, Parquet)
 * never hold the items all at once: `records()` reads the catalogs (once per call), and `problems()` says
 * afterwards which item files could not be read.
 */
export interface ExportPlan {
  kind: ExportResult['kind'];
  /** The catalogs exported, with their metadata, in order. */
  catalogs: { catalog: Catalog; meta: CatalogMeta }[];
  records(): Generator<ExportRecord>;
  problems(): Diagnostic[];
}

export function planExport(workspace: Workspace, options: ExportOptions = {}): ExportPlan {
  const set = workspace.catalogs(options.paths ?? []);
  const kinds = new Set<CatalogKind>();
  const catalogs: ExportPlan['catalogs'] = [];
  for (const catalog of set.requested) {
    if (catalog.kind === undefined) continue;
    kinds.add(catalog.kind);
    catalogs.push({ catalog, meta: catalogMeta(workspace, catalog, catalog.kind, catalogs.length) });
  }
  const problems: Finding[] = [...set.problems];
  return {
    kind: kinds.size > 1 ? 'mixed' : ([...kinds][0] ?? 'implementation'),
    catalogs,
    *records() {
      const reader = progressReader(
        DISK_READER,
        catalogs.map((c) => c.catalog),
        options.onProgress,
      );
      for (const { catalog, meta } of catalogs) {
        let ord = 0;
        for (const read of reader.read(catalog)) {
          if (read.data === undefined) {
            problems.push(...read.findings);
            continue;
          }
          const item = read.data as Record<string, unknown>;
          const key = itemKey(meta.kind, item as Parameters<typeof itemKey>[1], catalog.profile) ?? null;
          yield {
            item,
            catalog: { dir: catalog.dir, kind: meta.kind, region: meta.regionName },
            meta,
            itemMeta: { file: read.file, ord: ord++, key },
          };
        }
      }
    },
    problems: () => toDiagnostics(problems, options.lang ?? 'en'),
  };
}

function catalogMeta(workspace: Workspace, catalog: Catalog, kind: CatalogKind, seq: number): CatalogMeta {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);
  const region = text(catalog.meta?.region);
  return {
    dir: catalog.dir,
    kind,
    name: text(catalog.meta?.name),
    region,
    regionName: region === null ? null : (workspace.regions.get(region)?.fullName ?? null),
    level: text(catalog.meta?.level),
    province: provinceOf(region),
    profile: catalog.profile.id,
    seq,
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
