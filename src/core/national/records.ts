/**
 * An exported record that stands alone: the item as its file holds it, plus two reserved fields that say
 * where it came from, so that `compare` and `stats` (or Spark, Trino, any JSON or Parquet reader) can work on
 * exports without the catalog folders. docs/national.md describes the layout.
 *
 * - `$catalog`: the catalog's own metadata (folder, kind, name, region code and name, level, province,
 *   code profile, and the catalog's place in the export).
 * - `$item`: the item's file, its place in the catalog, and the key items are compared by (basic code plus
 *   业务办理项, computed with the catalog's code profile when exported).
 */
import type { CatalogKind } from '../model.js';

export const CATALOG_FIELD = '$catalog';
export const ITEM_FIELD = '$item';

export interface CatalogMeta {
  /** The catalog folder as shown when exported (how compare and stats label the catalog). */
  dir: string;
  kind: CatalogKind;
  /** catalog.yaml's `name`. */
  name: string | null;
  /** catalog.yaml's `region` (GB/T 2260 code). */
  region: string | null;
  /** The region's full name, when the code is a known one. */
  regionName: string | null;
  /** catalog.yaml's `level` (省级, 市级, 县级…). */
  level: string | null;
  /** The province of the region (`440000`), the partition of Parquet exports; null without a region. */
  province: string | null;
  /** The code profile the catalog's keys were computed with. */
  profile: string;
  /** The catalog's position in the export (0, 1, …): the order catalogs are shown in. */
  seq: number;
}

export interface ItemMeta {
  /** The item file as shown when exported. */
  file: string;
  /** Its position in the catalog (file order). */
  ord: number;
  /** What identifies "the same item" across catalogs; null when the item has no basic code. */
  key: string | null;
}

/** `440305` → `440000`; anything that is not a six-digit code has no province. */
export function provinceOf(region: string | null): string | null {
  return region !== null && /^\d{6}$/.test(region) ? `${region.slice(0, 2)}0000` : null;
}

/** One JSON Lines record: the item's own fields, then `$catalog` and `$item` (which win over fields so named). */
export function exportLine(item: Record<string, unknown>, catalog: CatalogMeta, meta: ItemMeta): string {
  return JSON.stringify({ ...item, [CATALOG_FIELD]: catalog, [ITEM_FIELD]: meta }) + '\n';
}

/** The item of an exported record, without the reserved fields (a copy; the record is left as it is). */
export function itemOfRecord(record: Record<string, unknown>): Record<string, unknown> {
  const { [CATALOG_FIELD]: _catalog, [ITEM_FIELD]: _item, ...item } = record;
  return item;
}
