/**
 * Two lists of things (materials, conditions, steps…) compared as lists: entries matched by their key,
 * then by similar text (a material named slightly differently is *renamed*, not removed and added), the
 * rest added or removed; matched entries out of their relative order are *moved*.
 */
import { bestMatches, normaliseText } from './similarity.js';

export interface ListEntryChange<T> {
  kind: 'added' | 'removed' | 'renamed' | 'changed' | 'moved';
  before?: T;
  after?: T;
  /** For renamed: how similar the names are (0–1). */
  score?: number;
  /** Attribute changes of a matched entry (form, copies, necessity…). */
  attributes?: { name: string; before: unknown; after: unknown }[];
}

export interface ListShape<T> {
  key: (entry: T) => string;
  /** Attributes compared for matched entries; none for lists of plain strings. */
  attributes?: readonly (keyof T & string)[];
}

/** A list element's entries: a lone value is a one-entry list, nothing an empty one. */
export function entriesOf(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

/** What names a list entry of any shape: text is its own name, an object its shape's key, else its JSON. */
export function entryKey(shape: ListShape<unknown>, entry: unknown): string {
  if (typeof entry === 'string') return entry;
  if (typeof entry === 'object' && entry !== null && !Array.isArray(entry)) {
    const key = shape.key(entry);
    if (typeof key === 'string' && !key.startsWith('undefined')) return key;
  }
  return JSON.stringify(entry) ?? String(entry);
}

const RENAME_THRESHOLD = 0.5;

/** Indices (into `sequence`) of a longest strictly increasing subsequence. */
function longestIncreasing(sequence: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array(sequence.length).fill(-1);
  for (let i = 0; i < sequence.length; i++) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((sequence[tails[mid] as number] as number) < (sequence[i] as number)) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1] as number;
    tails[low] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i] as number) keep.add(i);
  return keep;
}

/** An attribute of a list entry of any shape: an attribute of text or of nothing is absent. */
export function attributeOf(entry: unknown, name: string): unknown {
  return typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)[name] : undefined;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function diffLists<T>(before: readonly T[], after: readonly T[], shape: ListShape<T>): ListEntryChange<T>[] {
  const changes: ListEntryChange<T>[] = [];
  const keyOf = (entry: T) => normaliseText(entryKey(shape as ListShape<unknown>, entry));
  // Entries of `after` by key, in order, each taken once (a queue with a read position: no copies, no shifts).
  const afterByKey = new Map<string, { indices: number[]; next: number }>();
  after.forEach((entry, index) => {
    const key = keyOf(entry);
    const queue = afterByKey.get(key);
    if (queue) queue.indices.push(index);
    else afterByKey.set(key, { indices: [index], next: 0 });
  });
  const pairs: { b: number; a: number; score?: number }[] = [];
  const unmatchedBefore: number[] = [];
  before.forEach((entry, index) => {
    const queue = afterByKey.get(keyOf(entry));
    const taken = queue ? queue.indices[queue.next++] : undefined;
    if (taken !== undefined) pairs.push({ b: index, a: taken });
    else unmatchedBefore.push(index);
  });
  const matchedAfter = new Set(pairs.map((p) => p.a));
  const unmatchedAfter = after.map((_, index) => index).filter((index) => !matchedAfter.has(index));
  for (const pair of bestMatches(
    unmatchedBefore,
    unmatchedAfter,
    {
      left: (i) => entryKey(shape as ListShape<unknown>, before[i]),
      right: (i) => entryKey(shape as ListShape<unknown>, after[i]),
    },
    RENAME_THRESHOLD,
  )) {
    pairs.push({ b: pair.left, a: pair.right, score: pair.score });
  }
  pairs.sort((x, y) => x.b - y.b);
  const inOrder = longestIncreasing(pairs.map((p) => p.a));
  const pairedBefore = new Set(pairs.map((p) => p.b));
  const pairedAfter = new Set(pairs.map((p) => p.a));
  pairs.forEach((pair, position) => {
    const b = before[pair.b] as T;
    const a = after[pair.a] as T;
    // An attribute one side does not state (copies not given) is not a difference: only stated values
    // are compared, here as in `compare`.
    const attributes = (shape.attributes ?? [])
      .filter((name) => {
        const [x, y] = [attributeOf(b, name), attributeOf(a, name)];
        return x !== undefined && y !== undefined && !same(x, y);
      })
      .map((name) => ({ name, before: attributeOf(b, name), after: attributeOf(a, name) }));
    if (pair.score !== undefined)
      changes.push({
        kind: 'renamed',
        before: b,
        after: a,
        score: Math.round(pair.score * 100) / 100,
        ...(attributes.length ? { attributes } : {}),
      });
    else if (attributes.length) changes.push({ kind: 'changed', before: b, after: a, attributes });
    if (!inOrder.has(position)) changes.push({ kind: 'moved', before: b, after: a });
  });
  before.forEach((entry, index) => {
    if (!pairedBefore.has(index)) changes.push({ kind: 'removed', before: entry });
  });
  after.forEach((entry, index) => {
    if (!pairedAfter.has(index)) changes.push({ kind: 'added', after: entry });
  });
  return changes;
}
