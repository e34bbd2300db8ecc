/**
 * File and folder names of a guide site, made from catalogue data: an item's code, a catalog's folder.
 * Both are hostile input — a code `../../../x` or `a/b`, a folder named `javascript:alert(1)` — so a name
 * is used as it is only when it is plainly a name (letters, digits, `.`, `_`, `-`, not starting with a dot,
 * not a Windows device name, short enough for any file system); anything else becomes its safe characters
 * plus a short hash of the original, which is stable from run to run and tells apart names that differ
 * only in their unsafe characters.
 */
import { createHash } from 'node:crypto';

/** A letter or digit, then letters, digits, `.`, `_`, `-`. */
const NAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
/** Names Windows reserves for devices, with or without an extension. */
const DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
/** Longest name used as it is: 64 characters are at most 192 bytes of UTF-8, under every file system's 255. */
const PLAIN_LENGTH = 64;

export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

function nameLike(name: string, length: number): boolean {
  return name.length <= length && NAME.test(name) && !name.endsWith('.') && !DEVICE.test(name);
}

/** Whether `name` is used as it is (what `safeName` keeps unchanged). */
export function isPlainName(name: string): boolean {
  return nameLike(name, PLAIN_LENGTH);
}

/** Whether `name` could be a folder or page name that `safeName` or `uniqueNames` made. */
export function isSiteName(name: string): boolean {
  return nameLike(name, 100);
}

/** `name` itself when plain; else its safe characters (at most 40) and a hash of the whole: `a_b-1f2e3d4c`. */
export function safeName(name: string): string {
  if (isPlainName(name)) return name;
  const kept = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._-]+/, '')
    .slice(0, 40)
    .replace(/[._-]+$/, '');
  return `${!kept ? 'x' : DEVICE.test(kept) ? `x${kept}` : kept}-${shortHash(name)}`;
}

/**
 * A name for each of `wanted` (same order) that is safe and unique, ignoring case (macOS and Windows do):
 * the safe name when no other claims it, else the safe name of `<parent>-<name>` from `parents`, else the
 * safe name with a hash of `keys[i]` (which should differ between entries, e.g. their full paths).
 */
export function uniqueNames(wanted: readonly string[], parents: readonly string[], keys: readonly string[]): string[] {
  const fold = (name: string) => name.toLowerCase();
  const count = (names: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const name of names) counts.set(fold(name), (counts.get(fold(name)) ?? 0) + 1);
    return counts;
  };
  const first = wanted.map(safeName);
  const firstCounts = count(first);
  const second = first.map((name, i) =>
    firstCounts.get(fold(name)) === 1 || !parents[i] ? name : safeName(`${parents[i]}-${wanted[i]}`),
  );
  const secondCounts = count(second);
  const third = second.map((name, i) =>
    secondCounts.get(fold(name)) === 1 ? name : `${first[i]}-${shortHash(keys[i] ?? String(i))}`,
  );
  // A name crafted to equal another's hashed name (or keys that repeat) still gets a name of its own.
  const used = new Set<string>();
  return third.map((name) => {
    let unique = name;
    for (let n = 2; used.has(fold(unique)); n++) unique = `${name}-${n}`;
    used.add(fold(unique));
    return unique;
  });
}

/** Whether `page` is a page path the guide makes: `<folder>/<name>.html` or `.md`, both site names. */
export function isPagePath(page: string): boolean {
  const match = /^([^/]+)\/([^/]+)\.(html|md)$/.exec(page);
  return match !== null && isSiteName(match[1] as string) && isSiteName(match[2] as string);
}
