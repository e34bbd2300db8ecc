/**
 * How many terminal columns a text takes (a Chinese character two, a combining mark none): what the
 * stylish tables pad by. string-width does it right (grapheme clusters, emoji), but builds an
 * Intl.Segmenter when imported, a quarter of `tongban --version`'s time; only three table reporters need
 * it, so it is loaded on their first use rather than by every start (require of an ES module: Node ≥ 20.19).
 */
import { createRequire } from 'node:module';

type StringWidth = (text: string) => number;

let stringWidth: StringWidth | undefined;

export function displayWidth(text: string): number {
  stringWidth ??= (createRequire(import.meta.url)('string-width') as { default: StringWidth }).default;
  return stringWidth(text);
}
