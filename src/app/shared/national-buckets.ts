/**
 * compare on the DuckDB engine, one bucket at a time (io/national-source.ts spreads the records over
 * buckets by key): the lists that hold each key go through compareCatalogs, the core code of the in-memory
 * engine, with the basic catalog's item of the key as the reference. A bucket's result depends on that
 * bucket alone, so buckets can be compared on this thread or on worker threads (national-worker.ts) and
 * give the same rows.
 */
import type { CatalogDiff, DiffSide, SideEntry } from '../../core/diff/catalog-diff.js';
import { compareCatalogs, type CompareRow } from '../../core/diff/consistency.js';
import { HASHED_ELEMENTS, hashValue } from '../../core/diff/element-hashes.js';
import { elementValue, type ElementName, type FieldPolicy } from '../../core/diff/elements.js';
import { CATALOG_FIELD, ITEM_FIELD } from '../../core/national/records.js';
import type { Bucket, SourceCatalog, SourceRow } from '../../io/national-source.js';

/** What every bucket is compared with: the catalogs, the basic catalog, the elements held to the standard. */
export interface BucketContext {
  catalogs: readonly SourceCatalog[];
  basic: SourceCatalog | undefined;
  policy: FieldPolicy;
  /** Each list's place among the lists (by catalog idx), for the order of duplicates. */
  order: ReadonlyMap<number, number>;
}

/** A duplicate (a list holding a key twice) and where it sorts: its list's place, then its first item's. */
export interface PlacedDuplicate {
  at: [number, number];
  duplicate: CatalogDiff['duplicates'][number];
}

export interface BucketResult {
  /** One row per key, in the bucket's key order (the caller sorts all rows as the in-memory engine does). */
  rows: CompareRow[];
  duplicates: PlacedDuplicate[];
}

/**
 * The item of a record. A JSON Lines record ends with `$catalog` and `$item`: deleting the last properties
 * added is cheap, and leaves the object as fast as one parsed without them (a copy would cost 10% more).
 */
export function recordItem(row: SourceRow): Record<string, unknown> {
  const record = JSON.parse(row.text) as Record<string, unknown>;
  if (ITEM_FIELD in record) delete record[ITEM_FIELD];
  if (CATALOG_FIELD in record) delete record[CATALOG_FIELD];
  return record;
}

export async function compareBucket(context: BucketContext, bucket: Bucket): Promise<BucketResult> {
  const { catalogs, basic, policy, order } = context;
  const rows: CompareRow[] = [];
  const duplicates: PlacedDuplicate[] = [];
  // The basic catalog's items of this bucket by code (the last of a code, as a Map of its items keeps it).
  const basicByKey = new Map<string, SideEntry>();
  for (const row of bucket.basic)
    if (row.key !== null) basicByKey.set(row.key, entry(row, recordItem(row), basic?.dir ?? '', policy.standard));
  const flush = (key: string, group: SourceRow[]) => {
    const sides = new Map<number, SideEntry[]>();
    for (const row of group) {
      const entries = sides.get(row.idx);
      const e = entry(row, recordItem(row), (catalogs[row.idx] as SourceCatalog).dir, policy.standard);
      if (entries) entries.push(e);
      else sides.set(row.idx, [e]);
    }
    const held = [...sides].map(([idx, items]) => {
      const c = catalogs[idx] as SourceCatalog;
      const side: DiffSide = { label: c.dir, kind: 'implementation', region: c.region ?? undefined, items };
      return { idx, side, first: group.find((r) => r.idx === idx)?.ord ?? 0 };
    });
    const reference = basicByKey.get(key.split('#')[0] as string);
    const matrix = compareCatalogs(
      held.map((h) => h.side),
      reference && basic ? { label: basic.dir, kind: 'basic', items: [reference] } : undefined,
      policy,
    );
    rows.push(...matrix.rows);
    // compareCatalogs names the duplicates list by list: one for each list holding the key more than once.
    const several = held.filter((h) => h.side.items.length > 1);
    for (const [n, duplicate] of matrix.duplicates.entries()) {
      const h = several[n];
      duplicates.push({ at: [order.get(h?.idx ?? -1) ?? 0, h?.first ?? 0], duplicate });
    }
  };
  let key: string | undefined;
  let group: SourceRow[] = [];
  for await (const row of bucket.rows) {
    if (row.key !== key) {
      if (key !== undefined) flush(key, group);
      key = row.key as string;
      group = [];
    }
    group.push(row);
  }
  if (key !== undefined) flush(key, group);
  return { rows, duplicates };
}

/**
 * An item as compare holds it, like io/read-diff-side.ts makes it: its file within its catalog, its
 * name, key and fingerprint (so elements whose hashes agree are not compared value by value).
 */
function entry(
  row: SourceRow,
  data: Record<string, unknown>,
  dir: string,
  elements: readonly ElementName[],
): SideEntry {
  const item = data as ReturnType<SideEntry['data']>;
  // Hashes of the elements compared only (the others are never looked at): NaN, the same as nothing.
  const hashes = new Float64Array(HASHED_ELEMENTS.length).fill(NaN);
  for (const element of elements) {
    const index = HASHED_ELEMENTS.indexOf(element);
    if (index < 0) continue;
    try {
      hashes[index] = hashValue(elementValue(item, element));
    } catch {
      // An element that cannot be read has no hash (NaN): it is compared value by value.
    }
  }
  const prefix = dir === '.' ? '' : `${dir}/`;
  return {
    file: row.file.startsWith(prefix) ? row.file.slice(prefix.length) : row.file,
    name: String(item.name),
    ...(typeof item.name === 'string' ? {} : { rawName: item.name }),
    key: row.key ?? undefined,
    hashes,
    data: () => item,
  };
}
