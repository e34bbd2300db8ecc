/**
 * Compact fingerprints of an item for diff and compare: for each element, a 53-bit hash of its value as
 * the comparison sees it (`elementValue`). Two items whose hashes agree for an element have values that
 * every comparison treats alike (same types, same text, same keys in the same order), so a pair that
 * agrees on every element has no change and need not be loaded again; a pair that differs in a hash is
 * loaded and compared in full, which decides whether the difference matters (a reordered list may not).
 * Sides of 100k items are held as these, not as items. Short values of elements that are not lists (an
 * agency's name, a phone, a time limit) are kept too, as JSON: a pair that differs only in those (two
 * regions' lists always do) is compared without loading either item.
 */
import { ELEMENTS, elementValue, isListElement, type ElementName } from './elements.js';

/** Every element, in a fixed order: index i of a fingerprint is the hash of element i. */
export const HASHED_ELEMENTS: readonly ElementName[] = ELEMENTS;

const INDEX = new Map<ElementName, number>(HASHED_ELEMENTS.map((element, i) => [element, i]));

/** The hash of an element the item does not state. */
export const UNSTATED = -1;

/**
 * A running 53-bit hash (cyrb53) over a stream of characters. Each value is written with a tag for its
 * type, so 1 and "1", null and "null", a list and an object differ.
 */
class Hash {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  text(tag: string, value: string): void {
    this.char(tag.charCodeAt(0));
    for (let i = 0; i < value.length; i++) this.char(value.charCodeAt(i));
    this.char(0);
  }

  char(code: number): void {
    this.h1 = Math.imul(this.h1 ^ code, 2654435761);
    this.h2 = Math.imul(this.h2 ^ code, 1597334677);
  }

  value(): number {
    let h1 = Math.imul(this.h1 ^ (this.h1 >>> 16), 2246822507);
    h1 ^= Math.imul(this.h2 ^ (this.h2 >>> 13), 3266489909);
    let h2 = Math.imul(this.h2 ^ (this.h2 >>> 16), 2246822507);
    h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  }
}

/** Writes `value` into `hash`; false for a value it cannot describe (a function, a cycle…). */
function write(hash: Hash, value: unknown, depth: number): boolean {
  if (depth > 64) return false;
  switch (typeof value) {
    case 'string':
      hash.text('s', value);
      return true;
    case 'number':
      hash.text('n', Object.is(value, -0) ? '-0' : String(value));
      return true;
    case 'boolean':
      hash.text('b', String(value));
      return true;
    case 'undefined':
      hash.text('u', '');
      return true;
    case 'object': {
      if (value === null) {
        hash.text('z', '');
        return true;
      }
      if (Array.isArray(value)) {
        hash.text('[', String(value.length));
        for (const entry of value) if (!write(hash, entry, depth + 1)) return false;
        hash.text(']', '');
        return true;
      }
      if (value instanceof Date) {
        hash.text('d', String(value.getTime()));
        return true;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return false;
      hash.text('{', '');
      for (const key of Object.keys(value)) {
        hash.text('k', key);
        if (!write(hash, (value as Record<string, unknown>)[key], depth + 1)) return false;
      }
      hash.text('}', '');
      return true;
    }
    default:
      return false;
  }
}

/** The hash of one value: UNSTATED for undefined, NaN (equal to nothing, itself included) when it cannot be hashed. */
export function hashValue(value: unknown): number {
  if (value === undefined) return UNSTATED;
  const hash = new Hash();
  return write(hash, value, 0) ? hash.value() : NaN;
}

/**
 * One hash per element of HASHED_ELEMENTS. Sides hold a plain list of numbers (8 bytes each in V8, no
 * buffer behind it: lighter than a typed array for a list this short); a typed array serves as well.
 */
export type Hashes = ArrayLike<number>;

/** What of an item a side holds: its hashes, and the short values kept. */
export interface Fingerprint {
  hashes: Hashes;
  /** JSON of `{ [index]: value }` for the kept elements; undefined when none is kept. */
  kept: string | undefined;
}

/** The longest value (as JSON) kept in a fingerprint. */
const KEPT_LENGTH = 200;

/** Values that come back from JSON exactly as they went in (no NaN, no -0, no objects). */
function survivesJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object':
      if (value === null) return true;
      if (!Array.isArray(value)) return false;
      for (let i = 0; i < value.length; i++) if (!(i in value) || !survivesJson(value[i])) return false;
      return true;
    default:
      return false;
  }
}

/** The item's fingerprint; `keep` false keeps no values (compare needs none). */
export function fingerprint(item: Parameters<typeof elementValue>[0], keep = true): Fingerprint {
  const hashes: number[] = [];
  const kept: Record<number, unknown> = {};
  let any = false;
  HASHED_ELEMENTS.forEach((element, i) => {
    let value: unknown;
    try {
      value = elementValue(item, element);
    } catch {
      hashes.push(NaN);
      return;
    }
    hashes.push(hashValue(value));
    if (!keep || value === undefined || isListElement(element) || !survivesJson(value)) return;
    if (JSON.stringify(value).length > KEPT_LENGTH) return;
    kept[i] = value;
    any = true;
  });
  return { hashes, kept: any ? JSON.stringify(kept) : undefined };
}

/** The item's hashes alone. */
export function elementHashes(item: Parameters<typeof elementValue>[0]): Hashes {
  return fingerprint(item, false).hashes;
}

/**
 * The values a fingerprint knows without its item: those it keeps, and those the item does not state
 * (undefined). `get` says `known: false` for the others.
 */
export function knownValues(
  hashes: Hashes | undefined,
  kept: string | undefined,
): (element: ElementName) => { known: boolean; value?: unknown } {
  let values: Record<string, unknown> | undefined;
  return (element) => {
    const index = INDEX.get(element);
    if (hashes === undefined || index === undefined) return { known: false };
    if (hashes[index] === UNSTATED) return { known: true, value: undefined };
    values ??= kept === undefined ? {} : (JSON.parse(kept) as Record<string, unknown>);
    return String(index) in values ? { known: true, value: values[index] } : { known: false };
  };
}

/** An element's hash in a fingerprint (undefined when there is none). */
export function hashOf(hashes: Hashes | undefined, element: ElementName): number | undefined {
  const index = INDEX.get(element);
  return hashes === undefined || index === undefined ? undefined : hashes[index];
}

/**
 * Whether two fingerprints show the same value of `element`: true only when both are known and equal (a
 * value that cannot be hashed is never the same as anything).
 */
export function sameHash(a: Hashes | undefined, b: Hashes | undefined, element: ElementName): boolean {
  const x = hashOf(a, element);
  return x !== undefined && x === hashOf(b, element);
}
