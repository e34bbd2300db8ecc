/**
 * Item names as lists write them. A 业务办理项 is named after its item with the handling in brackets at
 * the end (`食品经营许可（变更）`, `食品经营许可(变更)`): that is the same item as `食品经营许可`, not a
 * different name. Brackets and spaces are compared in one width.
 */
import { toHalfWidth } from './text.js';

/** Half-width brackets, no spaces: how two names are compared. */
export function nameKey(name: string): string {
  return toHalfWidth(name).replace(/\s+/g, '');
}

/** A trailing bracket of a name: `（变更）` → `变更`; undefined when there is none. */
const TRAILING_BRACKET = /\(([^()]{1,16})\)$/;

/** The handling-item suffix of a name and the name without it, when it has one. */
export function splitHandlingSuffix(name: string): { base: string; suffix: string } | undefined {
  const key = nameKey(name);
  const match = TRAILING_BRACKET.exec(key);
  if (!match) return undefined;
  return { base: key.slice(0, match.index), suffix: match[1] as string };
}

/**
 * Whether `name` names the standard item `standard`: the same name, or (for a handling item) the same
 * name followed by its handling in brackets. When the item states its handling item, the bracket must
 * say that one.
 */
export function sameItemName(
  name: string,
  standard: string,
  item: { handlingItem?: string | undefined } = {},
): boolean {
  const key = nameKey(name);
  const standardKey = nameKey(standard);
  if (key === standardKey) return true;
  const split = splitHandlingSuffix(name);
  if (!split || split.base !== standardKey) return false;
  return item.handlingItem === undefined || nameKey(item.handlingItem) === split.suffix;
}
