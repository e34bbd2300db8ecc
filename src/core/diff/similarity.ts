/**
 * Text similarity that works for Chinese: Dice's coefficient over character bigrams (Chinese has no
 * spaces to split words on), after dropping punctuation and spacing and folding full-width forms.
 */
import { toHalfWidth } from '../text.js';

/** Letters, digits and CJK ideographs only: "营业执照（复印件）" and "营业执照复印件" compare equal. */
export function normaliseText(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export function bigrams(text: string): string[] {
  const chars = [...normaliseText(text)];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push((chars[i] as string) + (chars[i + 1] as string));
  return out;
}

/** 1 for the same text (after normalising), 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  if (left.length === 0 && right.length === 0) return 1;
  if (left.length === 0 || right.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const gram of left) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  let shared = 0;
  for (const gram of right) {
    const remaining = counts.get(gram) ?? 0;
    if (remaining > 0) {
      shared++;
      counts.set(gram, remaining - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

export interface SimilarPair<A, B> {
  left: A;
  right: B;
  score: number;
}

/**
 * For each left entry, the most similar right entry scoring at least `threshold`, each right entry used
 * once (best scores first). Candidates come from a bigram index, so the work grows with the entries that
 * share text, not with the product of both sides; bigrams shared by very many entries are skipped.
 */
export function bestMatches<A, B>(
  left: readonly A[],
  right: readonly B[],
  textOf: { left: (a: A) => string; right: (b: B) => string },
  threshold: number,
  /** Only pairs this accepts are scored (e.g. items of the same type). */
  accepts: (a: A, b: B) => boolean = () => true,
): SimilarPair<A, B>[] {
  const index = new Map<string, number[]>();
  right.forEach((entry, position) => {
    for (const gram of new Set(bigrams(textOf.right(entry)))) {
      const list = index.get(gram);
      if (list) list.push(position);
      else index.set(gram, [position]);
    }
  });
  const common = Math.max(50, Math.ceil(right.length * 0.05));
  const candidates: SimilarPair<A, B>[] = [];
  for (const entry of left) {
    const shared = new Map<number, number>();
    for (const gram of new Set(bigrams(textOf.left(entry)))) {
      const list = index.get(gram);
      if (!list || list.length > common) continue;
      for (const position of list) shared.set(position, (shared.get(position) ?? 0) + 1);
    }
    // Only the few acceptable right entries sharing the most bigrams are scored exactly.
    const top = [...shared]
      .filter(([position]) => accepts(entry, right[position] as B))
      .sort((x, y) => y[1] - x[1])
      .slice(0, 5);
    for (const [position] of top) {
      const candidate = right[position] as B;
      const score = similarity(textOf.left(entry), textOf.right(candidate));
      if (score >= threshold) candidates.push({ left: entry, right: candidate, score });
    }
  }
  candidates.sort((x, y) => y.score - x.score);
  const usedLeft = new Set<A>();
  const usedRight = new Set<B>();
  const out: SimilarPair<A, B>[] = [];
  for (const pair of candidates) {
    if (usedLeft.has(pair.left) || usedRight.has(pair.right)) continue;
    usedLeft.add(pair.left);
    usedRight.add(pair.right);
    out.push(pair);
  }
  return out;
}
