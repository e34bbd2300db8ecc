/**
 * What real exports contain, turned into item values: lists joined by 、；; or newlines, time limits
 * written "20个工作日", "30(工作日)", "即办", yes/no as 是/否, visits as "0次", code-list values as names
 * or national codes, full-width digits. Each transform returns a value, undefined for an empty cell, or
 * a problem to report with the row and column.
 */
import type { FindingCode } from '../diagnostic.js';
import type { TimeLimit } from '../model.js';
import { toHalfWidth } from '../text.js';
import { MAX_VALUE_DEPTH, nestingExceeds } from './limits.js';

export type TransformName =
  'text' | 'list' | 'lawList' | 'integer' | 'number' | 'boolean' | 'timeLimit' | 'codeList' | 'codeListSet' | 'json';

export type TransformResult = { value: unknown } | { problem: FindingCode; args?: Record<string, string> } | undefined;

/** A code list as the transforms need it: each value by its name and by its national code. */
export interface CodeListLookup {
  byName: ReadonlyMap<string, unknown>;
  byCode: ReadonlyMap<string, unknown>;
}

/** Sentences (conditions, laws) are separated by ；; or new lines; 、 occurs inside them. */
const SENTENCE_SEPARATORS = /[；;\n\r]+/;
/** Short names (levels, service objects) are also separated by 、 and commas. */
const NAME_SEPARATORS = /[、；;，,\n\r]+/;

function clean(cell: string): string {
  return cell.replace(/^\uFEFF/, '').trim();
}

export function splitList(cell: string, separators: RegExp = SENTENCE_SEPARATORS): string[] {
  return cell
    .split(separators)
    .map((part) => part.trim())
    .filter(Boolean);
}

export function parseInteger(cell: string): number | undefined {
  const text = toHalfWidth(clean(cell))
    .replace(/[次个份天日]$/u, '')
    .trim();
  return /^-?\d+$/.test(text) ? Number(text) : undefined;
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '收费']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '不收费', '无']);

/** "20个工作日", "20工作日", "30(工作日)", "30（自然日）", "即办", "0" → a time limit; "无" → none. */
export function parseTimeLimit(cell: string): TimeLimit | 'none' | undefined {
  const text = toHalfWidth(clean(cell)).replace(/\s+/g, '');
  if (text === '即办' || text === '0') return { value: 0, unit: '工作日' };
  if (text === '无' || text === '-') return 'none';
  const match = /^(\d+)(?:个)?[(（]?(工作日|自然日|天|日)?[)）]?$/u.exec(text);
  if (!match) return undefined;
  const unit = match[2] === '自然日' || match[2] === '天' || match[2] === '日' ? '自然日' : '工作日';
  return { value: Number(match[1]), unit };
}

function codeListValue(cell: string, list: CodeListLookup | undefined): unknown {
  const text = toHalfWidth(clean(cell));
  if (!list) return text;
  return list.byName.get(text) ?? list.byCode.get(text) ?? list.byCode.get(text.replace(/^0+(?=\d)/, ''));
}

export interface TransformOptions {
  /** Trim spaces around text (the default); false keeps text exactly as written, for lossless round trips. */
  trim?: boolean;
}

export function applyTransform(
  name: TransformName,
  cell: string,
  list?: CodeListLookup,
  options: TransformOptions = {},
): TransformResult {
  if (name === 'text' && options.trim === false) return cell === '' ? undefined : { value: cell };
  if (clean(cell) === '') return undefined;
  switch (name) {
    case 'text':
      return { value: clean(cell) };
    case 'list':
      return { value: splitList(cell) };
    case 'lawList':
      // 设定依据 columns list law titles (with articles): each becomes a basis entry.
      return { value: splitList(cell).map((law) => ({ law })) };
    case 'integer': {
      const value = parseInteger(cell);
      return value === undefined ? { problem: 'import/not-integer', args: { value: cell } } : { value };
    }
    case 'number': {
      const value = Number(toHalfWidth(clean(cell)));
      return Number.isNaN(value) ? { problem: 'import/not-number', args: { value: cell } } : { value };
    }
    case 'boolean': {
      const text = clean(cell).toLowerCase();
      if (YES.has(text)) return { value: true };
      if (NO.has(text)) return { value: false };
      return { problem: 'import/not-boolean', args: { value: cell } };
    }
    case 'timeLimit': {
      const value = parseTimeLimit(cell);
      if (value === 'none') return undefined;
      return value === undefined ? { problem: 'import/not-time-limit', args: { value: cell } } : { value };
    }
    case 'codeList': {
      const value = codeListValue(cell, list);
      return value === undefined ? { problem: 'import/not-in-code-list', args: { value: cell } } : { value };
    }
    case 'codeListSet': {
      const parts = splitList(cell, NAME_SEPARATORS);
      const values = parts.map((part) => codeListValue(part, list));
      const bad = parts.find((_, i) => values[i] === undefined);
      return bad !== undefined
        ? { problem: 'import/not-in-code-list', args: { value: bad } }
        : { value: [...new Set(values)] };
    }
    case 'json': {
      let value: unknown;
      try {
        value = JSON.parse(cell);
      } catch {
        return { problem: 'import/not-json', args: { value: cell.slice(0, 40) } };
      }
      // JSON.parse takes any depth; what handles the value next (YAML, the reader) would not.
      if (nestingExceeds(value, MAX_VALUE_DEPTH))
        return { problem: 'import/too-deep', args: { limit: String(MAX_VALUE_DEPTH) } };
      return { value };
    }
  }
}

/**
 * What a segment of a mapping target may be: letters and digits, starting with a letter, and not a name
 * that reaches an object's prototype. schemas/mapping.schema.json says the same for mapping files.
 */
const SAFE_SEGMENT = /^[A-Za-z][A-Za-z0-9]*$/;
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isSafeKey(segment: string): boolean {
  return SAFE_SEGMENT.test(segment) && !PROTOTYPE_KEYS.has(segment);
}

/**
 * Sets `value` at a dotted path (`agency.uscc`) in `target`, creating objects on the way. Only own
 * properties are followed, and a path with a segment that is not a plain key is refused (throws): a
 * mapping must never write to Object.prototype (`__proto__.x`, `constructor.prototype.x`).
 */
export function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  if (!parts.every(isSafeKey)) throw new Error(`refused mapping target "${dotted}": not a plain dotted key`);
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const child = Object.hasOwn(node, part) ? node[part] : undefined;
    if (typeof child !== 'object' || child === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1) as string] = value;
}
