/** Small text helpers for data pasted from office documents. */

/** Full-width ASCII variants (０-９, Ａ-Ｚ, ａ-ｚ…) occupy U+FF01–U+FF5E, offset 0xFEE0 from ASCII. */
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export function hasFullWidth(text: string): boolean {
  return /[\uFF01-\uFF5E\u3000]/.test(text);
}

/**
 * What an author most likely meant by a mistyped code: half-width and upper case.
 * Returns undefined when normalising changes nothing, so callers can offer it only as a real suggestion.
 */
export function suggestCode(text: string): string | undefined {
  // Almost every code is already plain: skip the normalising for those.
  if (/^[0-9A-Z]*$/.test(text)) return undefined;
  const fixed = toHalfWidth(text).trim().toUpperCase();
  return fixed !== text ? fixed : undefined;
}
