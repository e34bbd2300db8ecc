/**
 * What real exports contain, turned into item values: lists joined by 、；; or new lines or numbered
 * (1.… （一）…), time limits written "20个工作日", "30(工作日)", "即办", yes/no as 是/否, visits as "0次",
 * code-list values as names, national codes or the other ways exports write them, full-width digits,
 * materials with their form and copies, several phone numbers in one cell. Each transform returns a
 * value, undefined for an empty cell, or a problem to report with the row and column.
 */
import type { FindingCode } from '../diagnostic.js';
import type { CodeListLookup } from './code-list-lookup.js';
import type { TimeLimit } from '../model.js';
import { normalisePhones } from '../phones.js';
import { toHalfWidth } from '../text.js';
import { MAX_VALUE_DEPTH, nestingExceeds } from './limits.js';
import { materialsFromCell, materialsFromObjects, type MaterialFields, type MaterialLists } from './materials.js';
import { splitEntries, type SplitStyle } from './split.js';

export type TransformName =
  | 'text'
  | 'list'
  | 'lawList'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'timeLimit'
  | 'codeList'
  | 'codeListSet'
  | 'onlineDepth'
  | 'json'
  | 'jsonList'
  | 'materials'
  | 'phones';

export type TransformResult =
  { value: unknown; problems?: Problem[] } | { problem: FindingCode; args?: Record<string, string> } | undefined;

interface Problem {
  code: FindingCode;
  args: Record<string, string>;
}

export type { CodeListLookup } from './code-list-lookup.js';

function clean(cell: string): string {
  return cell.replace(/^\uFEFF/, '').trim();
}

/** Sentences (conditions, laws): one per line, ended by ；, or numbered. 、 occurs inside them. */
export function splitList(cell: string): string[] {
  return splitEntries(cell, 'auto');
}

export function parseInteger(cell: string): number | undefined {
  const text = toHalfWidth(clean(cell))
    .replace(/[次个份天日]$/u, '')
    .trim();
  return /^-?\d+$/.test(text) ? Number(text) : undefined;
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '收费']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '不收费', '免费', '无']);

/**
 * Months and years: not units of a time limit (schemas/codelists/time-unit.json has 工作日 and 自然日, and
 * the item schema counts days), and not converted, as a month has no fixed number of days.
 */
const OTHER_UNIT = /^\d+(?:个)?[(（]?(?:月|年|周|星期)[)）]?(?:内)?$/u;

/** "20个工作日", "20工作日", "30(工作日)", "30（自然日）", "即办", "0" → a time limit; "无" → none. */
export function parseTimeLimit(cell: string): TimeLimit | 'none' | 'unit' | undefined {
  // Guides phrase a promised limit "自受理之日起5个工作日内办结": the limit within it is read.
  const text = toHalfWidth(clean(cell))
    .replace(/\s+/g, '')
    .replace(/^自受理之日起(.+)内办结$/, '$1');
  if (text === '即办' || text === '即办件' || text === '0') return { value: 0, unit: '工作日' };
  if (text === '无' || text === '-') return 'none';
  const match = /^(\d+)(?:个)?[(（]?(工作日|自然日|天|日)?[)）]?$/u.exec(text);
  if (!match) return OTHER_UNIT.test(text) ? 'unit' : undefined;
  const unit = match[2] === '自然日' || match[2] === '天' || match[2] === '日' ? '自然日' : '工作日';
  return { value: Number(match[1]), unit };
}

function codeListValue(cell: string, list: CodeListLookup | undefined): unknown {
  const text = toHalfWidth(clean(cell));
  if (!list) return text;
  const found = list.byName.get(text) ?? list.byCode.get(text) ?? list.byCode.get(text.replace(/^0+(?=\d)/, ''));
  if (found !== undefined) return found;
  // Names are compared as cells are, half-width: "Ⅳ级（全程网办）" is read as "Ⅳ级(全程网办)". An alias
  // that two values share says neither, and is refused.
  const matches = new Set<unknown>();
  for (const [name, value] of list.byName)
    if ([name, ...codeListAliases(name)].some((alias) => toHalfWidth(alias) === text)) matches.add(value);
  return matches.size === 1 ? [...matches][0] : undefined;
}

const ROMAN: Record<string, string> = { Ⅰ: 'I', Ⅱ: 'II', Ⅲ: 'III', Ⅳ: 'IV', Ⅴ: 'V' };

/**
 * Other ways a code-list value is written, by guides (tongban's own among them) and platform exports: the
 * parts of a title with a note ("Ⅳ级（全程网办）" is also "Ⅳ级" and "全程网办"), and Roman numerals
 * typed in ASCII ("IV级").
 */
export function codeListAliases(title: string): string[] {
  const aliases = new Set<string>();
  const note = /^(.+?)\s*[（(]([^）)]+)[）)]$/.exec(title);
  const names = note ? [title, (note[1] as string).trim(), (note[2] as string).trim()] : [title];
  for (const name of names) {
    aliases.add(name);
    aliases.add(name.replace(/[ⅠⅡⅢⅣⅤ]/g, (c) => ROMAN[c] ?? c));
  }
  aliases.delete(title);
  return [...aliases];
}

/**
 * The stages of the national multi-select of what is online (/work/shared/domain.md §4: 1 互联网咨询,
 * 2 互联网收件, 3 互联网预审, 4 互联网受理, 5 互联网办理, 6 互联网办理结果信息反馈, 7 互联网电子证照反馈, 8 其他)
 * and the depth each implies. The national texts at hand do not define Ⅰ–Ⅲ stage by stage, so a cell's
 * depth is that of the highest stage it states: consultation only is Ⅰ级; receiving and pre-reviewing the
 * application online Ⅱ级 (the application is not yet accepted); acceptance, handling and the feedback of
 * results online Ⅲ级; only 全程网办 itself is Ⅳ级. 其他 implies nothing.
 */
const STAGES: readonly (readonly [RegExp, number])[] = [
  [/^全(?:程|流程)网(?:上)?办(?:理)?$/u, 4],
  [/^(?:互联网|网上|在线)(?:受理|办理|办理结果信息反馈|办理结果反馈|结果信息反馈|结果反馈|电子证照反馈)$/u, 3],
  [/^(?:互联网|网上|在线)预审$/u, 2],
  [/^(?:互联网|网上|在线)(?:收件|申请|申报)$/u, 2],
  [/^(?:互联网|网上|在线)咨询$/u, 1],
  [/^其他$/u, 0],
];
/** The same stages by their national codes, for a cell that lists several (`1、2、3`). */
const STAGE_CODES: Readonly<Record<string, number>> = { 1: 1, 2: 2, 3: 2, 4: 3, 5: 3, 6: 3, 7: 3, 8: 0 };

/**
 * 网上办理深度 as a code-list value (Ⅳ级, 4, 全程网办) or as the national multi-select of what is online
 * (`互联网咨询、互联网收件、互联网预审` → Ⅱ级): the highest stage stated.
 */
function onlineDepth(cell: string, list: CodeListLookup | undefined): TransformResult {
  const single = codeListValue(cell, list);
  if (single !== undefined) return { value: single };
  const parts = splitEntries(cell, 'names').map((part) => toHalfWidth(part).replace(/\s+/g, ''));
  const numeric = parts.length > 1 && parts.every((part) => Object.hasOwn(STAGE_CODES, part));
  let depth = 0;
  for (const part of parts) {
    const stage = numeric ? STAGE_CODES[part] : STAGES.find(([pattern]) => pattern.test(part))?.[1];
    if (stage === undefined) return { problem: 'import/not-in-code-list', args: { value: part } };
    depth = Math.max(depth, stage);
  }
  if (depth === 0) return { problem: 'import/not-in-code-list', args: { value: cell } };
  const value = list ? list.byCode.get(String(depth)) : depth;
  return value === undefined ? { problem: 'import/not-in-code-list', args: { value: cell } } : { value };
}

export interface TransformOptions {
  /** Trim spaces around text (the default); false keeps text exactly as written, for lossless round trips. */
  trim?: boolean;
  /** The code list named by the field's rule. */
  list?: CodeListLookup;
  /** Every code list, by name (materials look up necessity, form and source). */
  lists?: ReadonlyMap<string, CodeListLookup>;
  /** How a `list` cell is split (default: lines, ；, entry numbers). */
  split?: SplitStyle;
  /** For materials given as an array of objects: which field holds which element. */
  fields?: MaterialFields;
  /** Which texts mean "not given" (the mapping's placeholders). */
  isAbsent?: (text: string) => boolean;
}

function parseJson(cell: string): { value: unknown } | { problem: FindingCode; args: Record<string, string> } {
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

function materials(cell: string, options: TransformOptions): TransformResult {
  const lists: MaterialLists = {};
  const necessity = options.lists?.get('material-necessity');
  const form = options.lists?.get('material-form');
  const source = options.lists?.get('material-source');
  if (necessity) lists.necessity = necessity;
  if (form) lists.form = form;
  if (source) lists.source = source;
  const text = clean(cell);
  // A JSON array (a JSON export's material objects, carried as a cell) maps field by field.
  if (options.fields && (text.startsWith('[') || text.startsWith('{'))) {
    const parsed = parseJson(text);
    if ('problem' in parsed) return parsed;
    if (!Array.isArray(parsed.value)) return { problem: 'import/not-materials', args: { value: text.slice(0, 40) } };
    const isAbsent = options.isAbsent ?? (() => false);
    const result = materialsFromObjects(parsed.value, options.fields, lists, isAbsent);
    const problems = result.problems.map((p) => ({
      code: 'import/material-element' as const,
      args: { element: p.element, value: p.value },
    }));
    if (result.materials.length === 0)
      return problems.length ? { problem: problems[0]!.code, args: problems[0]!.args } : undefined;
    return { value: result.materials, ...(problems.length ? { problems } : {}) };
  }
  const value = materialsFromCell(text, lists);
  return value.length ? { value } : undefined;
}

/** How tongban's CSV export joins the entries of a plain list (core/exchange/columns.ts). */
export const LIST_JOINER = '；';

export function applyTransform(name: TransformName, cell: string, options: TransformOptions = {}): TransformResult {
  if (name === 'text' && options.trim === false) return cell === '' ? undefined : { value: cell };
  if (clean(cell) === '') return undefined;
  const { list } = options;
  switch (name) {
    case 'text':
      return { value: clean(cell) };
    case 'list': {
      const value = splitEntries(cell, options.split ?? 'auto');
      return value.length ? { value } : undefined;
    }
    case 'lawList': {
      // 设定依据 columns list law titles (with articles): each becomes a basis entry.
      const laws = splitEntries(cell, options.split ?? 'auto');
      return laws.length ? { value: laws.map((law) => ({ law })) } : undefined;
    }
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
      if (value === 'unit') return { problem: 'import/time-limit-unit', args: { value: cell } };
      return value === undefined ? { problem: 'import/not-time-limit', args: { value: cell } } : { value };
    }
    case 'codeList': {
      const value = codeListValue(cell, list);
      return value === undefined ? { problem: 'import/not-in-code-list', args: { value: cell } } : { value };
    }
    case 'codeListSet': {
      const parts = splitEntries(cell, 'names');
      const values = parts.map((part) => codeListValue(part, list));
      const bad = parts.find((_, i) => values[i] === undefined);
      return bad !== undefined
        ? { problem: 'import/not-in-code-list', args: { value: bad } }
        : { value: [...new Set(values)] };
    }
    case 'onlineDepth':
      return onlineDepth(cell, list ?? options.lists?.get('online-depth'));
    case 'json':
      return parseJson(cell);
    case 'jsonList':
      // tongban's CSV: a list of plain entries joined by ；, or JSON when an entry would not survive that.
      return cell.trimStart().startsWith('[') ? parseJson(cell) : { value: cell.split(LIST_JOINER) };
    case 'materials':
      return materials(cell, options);
    case 'phones': {
      const result = normalisePhones(clean(cell));
      if (result === undefined) return undefined;
      return 'problem' in result ? { problem: 'import/not-phone', args: { value: result.problem } } : result;
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
