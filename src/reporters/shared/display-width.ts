/**
 * How many terminal columns a text takes (a Chinese character two, a combining mark none): what the
 * stylish tables pad by. string-width does it right (grapheme clusters, emoji), but builds an
 * Intl.Segmenter when imported, a quarter of `tongban --version`'s time; only the table reporters need
 * it, so it is loaded on their first use rather than by every start (require of an ES module: Node ≥ 20.19).
 * It is also slow per call (segmenting every text): a report of 40k findings measures ~120k cells, most
 * of them ASCII (paths, codes) or repeated (severities, messages), so those are answered without it.
 */
import { createRequire } from 'node:module';

type StringWidth = (text: string) => number;

let stringWidth: StringWidth | undefined;
/** Widths already measured; cleared when large, so a long-running process does not keep every text. */
const measured = new Map<string, number>();
const MEASURED_LIMIT = 50_000;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  const known = measured.get(text);
  if (known !== undefined) return known;
  stringWidth ??= (createRequire(import.meta.url)('string-width') as { default: StringWidth }).default;
  const width = stringWidth(text);
  if (measured.size >= MEASURED_LIMIT) measured.clear();
  measured.set(text, width);
  return width;
}
