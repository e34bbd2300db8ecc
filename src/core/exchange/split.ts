/**
 * Lists written into one cell, the ways office exports write them: one entry per line; entries ended by
 * ；or ;; numbered `1.… 2.…`, `1、…`, `（一）…（二）…`, `(1)…`, `①…` (on one line or several); short names
 * joined by 、. Entry numbers and the ；/。 that end entries are removed; nothing else is changed.
 */

/**
 * How a cell's list is split: `auto` = lines, ；/; and entry numbers; `enumeration` also on 、 and commas;
 * `names` (code-list values such as levels, where `2、3` are two codes, not a numbered entry) = lines, ；/;,
 * 、 and commas, without entry numbers.
 */
export type SplitStyle = 'auto' | 'lines' | 'semicolons' | 'numbered' | 'enumeration' | 'names';

const LINES = /[\n\r]+/;
const SEMICOLONS = /[；;]+/;
const ENUMERATION = /[、，,]+/;

/**
 * The number that opens an entry: `1.` `1．` `1、` `1)` (not `1.5`), `（一）` `(1)` `一、` `①`. Only at the start
 * of the text or after a space or punctuation, so `第3条` and `2.5米` are left alone. Bounded and without
 * nested repetition: it runs on every cell of every import.
 */
const ENTRY_NUMBER = String.raw`(?:\d{1,2}[.．、)）](?!\d)|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|[一二三四五六七八九十]{1,3}、|[①-⑳])`;
const NUMBER_AT_START = new RegExp(`^\\s*${ENTRY_NUMBER}\\s*`, 'u');
/**
 * Where a numbered entry begins inside a line: a number after a space or punctuation; a circled number
 * (①②) anywhere, as nothing else is written with one.
 */
const NUMBER_INSIDE = new RegExp(`(?<=[\\s；;。，,:：])${ENTRY_NUMBER}|[①-⑳]`, 'gu');

/** Punctuation that ends an entry and is not part of it. */
const TRAILING = /[；;，,。\s]+$/u;

function tidy(entry: string, numbered: boolean): string {
  return (numbered ? entry.replace(NUMBER_AT_START, '') : entry).replace(TRAILING, '').trim();
}

function splitOn(parts: string[], separator: RegExp): string[] {
  return parts.flatMap((part) => part.split(separator));
}

/** Splits a numbered list written on one line: `1.甲 2.乙` → [`1.甲 `, `2.乙`]. */
function splitNumbered(part: string): string[] {
  // Only a text that itself starts with an entry number is a numbered list; otherwise `见附件(1)` stays whole.
  if (!NUMBER_AT_START.test(part)) return [part];
  const starts = [0, ...[...part.matchAll(NUMBER_INSIDE)].map((m) => m.index)];
  return starts.map((start, i) => part.slice(start, starts[i + 1]));
}

export function splitEntries(cell: string, style: SplitStyle = 'auto'): string[] {
  const numbered = style === 'auto' || style === 'numbered' || style === 'enumeration';
  let parts = [cell];
  if (style !== 'semicolons' && style !== 'numbered') parts = splitOn(parts, LINES);
  if (style !== 'lines' && style !== 'numbered') parts = splitOn(parts, SEMICOLONS);
  if (numbered) parts = parts.flatMap(splitNumbered);
  if (style === 'enumeration' || style === 'names') parts = splitOn(parts, ENUMERATION);
  return parts.map((part) => tidy(part, numbered)).filter(Boolean);
}
