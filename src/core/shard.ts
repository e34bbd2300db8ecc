/**
 * `validate --shard i/n`: which catalogs a shard checks. A catalog belongs to shard `hash(path) mod n + 1`,
 * its path taken relative to the project (the config file's folder, else the working folder), so every
 * machine of a CI matrix agrees whatever order it finds the catalogs in.
 */

export interface Shard {
  /** 1-based: 1 ≤ index ≤ count. */
  index: number;
  count: number;
}

/** The most shards a run can be split into. */
export const MAX_SHARDS = 1000;

/** `2/4` → { index: 2, count: 4 }; undefined for anything else (`0/4`, `5/4`, `a/b`, `2/4/1`). */
export function parseShard(text: string): Shard | undefined {
  const match = /^([0-9]{1,4})\/([0-9]{1,4})$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS || index < 1 || index > count) return undefined;
  return { index, count };
}

/** 32-bit FNV-1a of the path's UTF-8 bytes: small, stable across platforms and Node versions. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The shard (1-based) of a catalog, by its path relative to the project with `/` separators. */
export function shardOf(projectPath: string, count: number): number {
  return (fnv1a(projectPath) % count) + 1;
}
