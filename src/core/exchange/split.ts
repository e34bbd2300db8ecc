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
const TRAILING = /[；;，,。\s]/u;

/**
 * The entry without the punctuation and spaces that end it. A loop, not `/[…]+$/`: that regex retries at
 * every position of a long run of spaces followed by text, which is quadratic in the cell's length.
 */
function withoutTrailing(entry: string): string {
  let end = entry.length;
  while (end > 0 && TRAILING.test(entry.charAt(end - 1))) end--;
  return entry.slice(0, end);
}

function tidy(entry: string, numbered: boolean): string {
  return withoutTrailing(numbered ? entry.replace(NUMBER_AT_START, '') : entry).trim();
}

function splitOn(parts: string[], separator: RegExp): string[] {
  return parts.flatMap((part) => part.split(separator));
}

/**
 * Splits `text` at `separator` outside brackets only: `营业执照（正本、副本）、身份证` is two names, and
 * `身份证（原件1份，复印件1份）` one. Linear: bracketed text is masked, then the separators looked for.
 */
export function splitOutsideBrackets(text: string, separator: RegExp): string[] {
  if (!/[(（]/u.test(text)) return text.split(separator);
  let depth = 0;
  let masked = '';
  for (const char of text) {
    if (char === '(' || char === '（') depth++;
    const inside = depth > 0;
    if ((char === ')' || char === '）') && depth > 0) depth--;
    masked += inside ? '\u0000'.repeat(char.length) : char;
  }
  const out: string[] = [];
  let start = 0;
  for (const match of masked.matchAll(new RegExp(separator.source, 'gu'))) {
    out.push(text.slice(start, match.index));
    start = match.index + match[0].length;
  }
  out.push(text.slice(start));
  return out;
}

/** An introduction that announces the list: `具备下列条件：` before `（一）…`. */
const INTRODUCTION = /[:：]\s*$/u;

/**
 * Splits a numbered list written on one line: `1.甲 2.乙` → [`1.甲 `, `2.乙`]. An introduction ending in
 * ：before the first number (`具备下列条件：（一）甲；（二）乙`) is an entry of its own, never glued to the first.
 */
function splitNumbered(part: string): string[] {
  const numbers = [...part.matchAll(NUMBER_INSIDE)].map((m) => m.index);
  if (NUMBER_AT_START.test(part)) {
    const starts = [0, ...numbers];
    return starts.map((start, i) => part.slice(start, starts[i + 1]));
  }
  // Only a text that starts with an entry number, or whose first number follows a ：, is a numbered list;
  // otherwise `见附件(1)` stays whole.
  const first = numbers[0];
  if (first === undefined || !INTRODUCTION.test(part.slice(0, first))) return [part];
  return [part.slice(0, first), ...numbers.map((start, i) => part.slice(start, numbers[i + 1]))];
}

export function splitEntries(cell: string, style: SplitStyle = 'auto'): string[] {
  const numbered = style === 'auto' || style === 'numbered' || style === 'enumeration';
  let parts = [cell];
  if (style !== 'semicolons' && style !== 'numbered') parts = splitOn(parts, LINES);
  if (style !== 'lines' && style !== 'numbered') parts = splitOn(parts, SEMICOLONS);
  if (numbered) parts = parts.flatMap(splitNumbered);
  if (style === 'enumeration' || style === 'names')
    parts = parts.flatMap((part) => splitOutsideBrackets(part, ENUMERATION));
  return parts.map((part) => tidy(part, numbered)).filter(Boolean);
}
