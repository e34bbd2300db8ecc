/**
 * Bounds on what `tongban import` takes from a file, so a hostile or broken export cannot exhaust the
 * stack or memory, nor produce an item file the reader would then refuse. Far beyond any real item: a
 * cell of a national export is at most a few KB and an element nests four or five levels.
 */

/** The largest cell (UTF-8 bytes) an import reads into an item. */
export const MAX_CELL_BYTES = 1024 * 1024;

/** The deepest JSON value (arrays and objects inside each other) a cell or JSON entry may hold. */
export const MAX_VALUE_DEPTH = 64;

/** The UTF-8 length of `text`, counted without encoding it; stops counting once past `stopAbove`. */
export function utf8Length(text: string, stopAbove = Infinity): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAbove; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Whether a cell is larger than MAX_CELL_BYTES (cheap for the usual short cell). */
export function cellTooLarge(cell: string): boolean {
  return cell.length * 3 > MAX_CELL_BYTES && utf8Length(cell, MAX_CELL_BYTES) > MAX_CELL_BYTES;
}

/**
 * Whether arrays and objects nest more than `limit` levels in `value` (a scalar is 0 levels, `[]` one).
 * Iterative, so a value nested a million levels deep is measured without exhausting the stack.
 */
export function nestingExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [node, depth] = next;
    if (node === null || typeof node !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}
