/**
 * The guard tongban's CSV puts on cells a spreadsheet would run as formulas, and its undoing on import.
 * A cell that begins with = + - @ (or a tab or carriage return) is written with a ' before it, and so is
 * one that already begins with ' followed by those: then removing one ' on import gives back exactly the
 * text that was exported, whatever it was.
 */

/** Cells to guard: a formula start, possibly behind apostrophes that are part of the text. */
const GUARD = /^'*[=+\-@\t\r]/;
/** Guarded cells: one added apostrophe, then what GUARD matched. */
const GUARDED = /^'+[=+\-@\t\r]/;

export function neutralise(cell: string): string {
  return GUARD.test(cell) ? `'${cell}` : cell;
}

/** The cell as it was before `neutralise`. */
export function unneutralise(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}
