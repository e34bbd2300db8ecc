/**
 * A mapping file applied to one row: the item it describes, and the cells that could not be read. A cell
 * that cannot be read costs only its own element (left absent and reported), never the row.
 */
import type { FindingCode, RuleFinding } from '../diagnostic.js';
import { toPointer } from '../pointer.js';
import { isSafePattern } from '../regex-structure.js';
import type { CatalogKind, CatalogMeta } from '../model.js';
import { toHalfWidth } from '../text.js';
import { unneutralise } from './formula-guard.js';
import { htmlToText } from './html-text.js';
import { labelsOf, stripLabel } from './labels.js';
import { cellTooLarge, MAX_CELL_BYTES, utf8Length } from './limits.js';
import type { MaterialFields } from './materials.js';
import type { SplitStyle } from './split.js';
import { applyTransform, setPath, type CodeListLookup, type TransformName } from './transforms.js';

export interface FieldRule {
  /** The cell: a CSV header or a JSON field (a record's own, or carried down from its parents). */
  column?: string;
  /** A constant, for every row (instead of a column). */
  value?: string | number | boolean;
  transform?: TransformName;
  list?: string;
  /** How a list cell is split (default: lines, ；, entry numbers). */
  split?: SplitStyle;
  /**
   * A label to remove from the start of the cell (`办理地点：…`): a regular expression, or true for a label
   * that resembles the column's name or the element's (`地址：`, `地点：` for place; see labels.ts) followed
   * by ：/:. Cells read as time limits, numbers, flags, code-list values or phones lose such a label anyway.
   */
  strip?: string | true;
  /** A regular expression: its first group (or the whole match) is the value; no match → absent. */
  capture?: string;
  /** The value when the cell is missing, empty or a placeholder. */
  default?: unknown;
  /** For materials given as objects: which field holds the name, necessity, forms, copies, source. */
  fields?: MaterialFields;
  /** Each entry of a list becomes an object with the entry under this key (收费标准 → fee.items[].standard). */
  each?: string;
}

/** One element's source: a column, a rule, or alternatives tried in order (the first with a value wins). */
export type FieldSpec = string | FieldRule | readonly (string | FieldRule)[];

/** Keeps a row only if the column's text is one of `in`, none of `notIn`, or matches `matches`. */
export interface RowFilter {
  column: string;
  in?: string[];
  notIn?: string[];
  matches?: string;
}

export interface Mapping {
  kind: CatalogKind;
  catalog?: CatalogMeta;
  fileName?: 'code' | 'basicCode';
  /** Trim spaces around text cells (default true); tongban's own presets keep text exactly. */
  trim?: boolean;
  /** The CSV was written by tongban export: remove the ' it put before formula-like cells. */
  formulaGuard?: boolean;
  /** Texts that mean "not given" (default DEFAULT_PLACEHOLDERS); [] keeps every text. */
  placeholders?: string[];
  /** Text cells hold HTML fragments: clean them to plain text. */
  html?: boolean;
  /** For JSON: where the records are (arrays walked from the top) and their sub-records. */
  records?: { path: string[]; children?: string };
  /** Only rows that pass every filter are imported. */
  filter?: RowFilter | RowFilter[];
  fields: Record<string, FieldSpec>;
}

/** What offices write for "none" or "not given": never kept as the element's text. */
export const DEFAULT_PLACEHOLDERS: readonly string[] = [
  '无',
  '无。',
  '暂无',
  '/',
  '-',
  '--',
  '—',
  '——',
  '空',
  '不涉及',
  'null',
  'NULL',
  'N/A',
  'n/a',
];

export interface MapOptions {
  /** The row comes from a CSV file (where tongban export guards formula-like cells). */
  csv?: boolean;
}

export interface RowProblem {
  column: string;
  code: FindingCode;
  args: Record<string, string>;
}

/** A mapping compiled once per import: its regular expressions and placeholder set. */
export interface CompiledMapping {
  mapping: Mapping;
  isAbsent: (text: string) => boolean;
  fields: [string, CompiledRule[]][];
  filters: { column: string; accepts: (text: string) => boolean }[];
}

interface CompiledRule extends FieldRule {
  stripRe?: RegExp;
  /** The names a label before the value may have (the column's, the element's). */
  labels: string[];
  captureRe?: RegExp;
}

/** Transforms whose values never begin with a label: one that resembles the column's name is removed. */
const LABEL_FREE: ReadonlySet<TransformName> = new Set([
  'integer',
  'number',
  'boolean',
  'timeLimit',
  'codeList',
  'codeListSet',
  'onlineDepth',
  'phones',
]);

/** Every regular expression of a mapping, with where it is: read-mapping checks them before use. */
export function mappingPatterns(mapping: Mapping): { path: (string | number)[]; pattern: string }[] {
  const out: { path: (string | number)[]; pattern: string }[] = [];
  for (const [field, spec] of Object.entries(mapping.fields)) {
    const rules = Array.isArray(spec) ? spec : [spec];
    rules.forEach((rule, index) => {
      if (typeof rule !== 'object' || rule === null) return;
      const at = Array.isArray(spec) ? ['fields', field, index] : ['fields', field];
      if (typeof rule.strip === 'string') out.push({ path: [...at, 'strip'], pattern: rule.strip });
      if (rule.capture !== undefined) out.push({ path: [...at, 'capture'], pattern: rule.capture });
    });
  }
  const filters = mapping.filter === undefined ? [] : Array.isArray(mapping.filter) ? mapping.filter : [mapping.filter];
  filters.forEach((f, index) => {
    if (f.matches !== undefined)
      out.push({
        path: Array.isArray(mapping.filter) ? ['filter', index, 'matches'] : ['filter', 'matches'],
        pattern: f.matches,
      });
  });
  return out;
}

/** The keys each part of a mapping may have (schemas/mapping.schema.json says the same). */
const MAPPING_KEYS = {
  top: ['kind', 'catalog', 'fileName', 'trim', 'formulaGuard', 'fields', 'placeholders', 'html', 'records', 'filter'],
  rule: ['column', 'value', 'default', 'transform', 'list', 'split', 'strip', 'capture', 'fields', 'each'],
  materialFields: ['name', 'necessity', 'forms', 'copies', 'source', 'issuer', 'paperFormat'],
  records: ['path', 'children'],
  filter: ['column', 'in', 'notIn', 'matches'],
} as const;

const TRANSFORMS: readonly TransformName[] = [
  'text',
  'list',
  'lawList',
  'integer',
  'number',
  'boolean',
  'timeLimit',
  'codeList',
  'codeListSet',
  'onlineDepth',
  'json',
  'jsonList',
  'materials',
  'phones',
];
const SPLITS: readonly SplitStyle[] = ['auto', 'lines', 'semicolons', 'numbered', 'enumeration', 'names'];

/** Edit distance with transpositions (`transfrom` is one step from `transform`), case ignored. */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) =>
    Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= s.length; i++)
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const above = d[i - 1] as number[];
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  return (d[s.length] as number[])[t.length] as number;
}

/** The known word nearest to `word`, if near enough to be what was meant. */
export function nearest(word: string, known: readonly string[]): string | undefined {
  if (word.length > 40) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(word, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  if (best !== undefined && bestDistance <= Math.max(1, Math.min(3, Math.floor(best.length / 3)))) return best;
  // A key cut short or run on (`child` for children).
  const lower = word.toLowerCase();
  return lower.length >= 3
    ? known.find((k) => k.toLowerCase().startsWith(lower) || lower.startsWith(k.toLowerCase()))
    : undefined;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Where a part of a mapping is, as its author reads it: `fields.levels`, `fields.name[1]`, `(top)`. */
function dotted(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(top)';
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part),
    '',
  );
}

/**
 * Keys and words a mapping misspells, each named once with where it is and what was likely meant
 * (`transfrom` → transform), before the schema is asked: a misspelt key inside `fields` would otherwise
 * surface as several unrelated "must match exactly one schema in oneOf" errors.
 */
export function mappingKeyProblems(data: unknown): RuleFinding[] {
  const out: RuleFinding[] = [];
  const keys = (node: unknown, path: (string | number)[], known: readonly string[]) => {
    if (!isPlainObject(node)) return;
    for (const key of Object.keys(node)) {
      if (known.includes(key)) continue;
      const suggestion = nearest(key, known);
      out.push({
        code: suggestion ? 'mapping/misspelt-key' : 'mapping/unknown-key',
        path: toPointer([...path, key]),
        target: 'key',
        args: { key, at: dotted(path), known: known.join(', '), ...(suggestion ? { suggestion } : {}) },
      });
    }
  };
  const word = (node: Record<string, unknown>, path: (string | number)[], key: string, allowed: readonly string[]) => {
    const value = node[key];
    if (typeof value !== 'string' || allowed.includes(value)) return;
    out.push({
      code: 'schema/enum',
      path: toPointer([...path, key]),
      args: { actual: value, allowed: allowed.join('、') },
    });
  };
  if (!isPlainObject(data)) return out;
  keys(data, [], MAPPING_KEYS.top);
  keys(data.records, ['records'], MAPPING_KEYS.records);
  if (Array.isArray(data.filter)) data.filter.forEach((f, i) => keys(f, ['filter', i], MAPPING_KEYS.filter));
  else keys(data.filter, ['filter'], MAPPING_KEYS.filter);
  if (!isPlainObject(data.fields)) return out;
  for (const [field, spec] of Object.entries(data.fields)) {
    const rules = Array.isArray(spec)
      ? spec.map((rule, i) => [rule, ['fields', field, i]] as const)
      : [[spec, ['fields', field]] as const];
    for (const [rule, at] of rules) {
      if (!isPlainObject(rule)) continue;
      const path = [...at];
      keys(rule, path, MAPPING_KEYS.rule);
      keys(rule.fields, [...path, 'fields'], MAPPING_KEYS.materialFields);
      word(rule, path, 'transform', TRANSFORMS);
      word(rule, path, 'split', SPLITS);
    }
  }
  return out;
}

/** Each rule of the mapping given as an object, with where it stands (`fields/levels` or `fields/levels/1`). */
function* objectRules(mapping: Mapping): Generator<{ rule: FieldRule; at: (string | number)[] }> {
  for (const [field, spec] of Object.entries(mapping.fields)) {
    const rules = Array.isArray(spec) ? spec : [spec];
    for (const [index, rule] of rules.entries()) {
      if (typeof rule !== 'object' || rule === null) continue;
      yield { rule, at: Array.isArray(spec) ? ['fields', field, index] : ['fields', field] };
    }
  }
}

/** A rule's `list` names a code list that exists (a misspelt one would let every cell through unread). */
export function listProblems(mapping: Mapping, lists: ReadonlyMap<string, CodeListLookup>): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const { rule, at } of objectRules(mapping)) {
    if (rule.list === undefined || lists.has(rule.list)) continue;
    out.push({
      code: 'mapping/unknown-list',
      path: toPointer([...at, 'list']),
      args: { list: rule.list, lists: [...lists.keys()].sort().join(', ') },
    });
  }
  return out;
}

/**
 * Constants with a transform, read as a row would read them (`{ value: 县级, transform: codeListSet,
 * list: level }` is [县级]): one the transform cannot read is a mistake in the mapping, said once.
 */
export function constantProblems(mapping: Mapping, lists: ReadonlyMap<string, CodeListLookup>): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const { rule, at } of objectRules(mapping)) {
    if (rule.value === undefined || rule.transform === undefined) continue;
    const result = applyTransform(rule.transform, String(rule.value), {
      ...(rule.list ? { list: lists.get(rule.list) } : {}),
      lists,
      ...(rule.split ? { split: rule.split } : {}),
    });
    if (result !== undefined && !('problem' in result)) continue;
    out.push({
      code: 'mapping/constant',
      path: toPointer([...at, 'value']),
      args: {
        at: dotted(at),
        value: String(rule.value),
        transform: rule.transform,
        reason: result === undefined ? 'empty' : result.problem,
      },
    });
  }
  return out;
}

/**
 * What the mapping schema cannot say: every pattern compiles, and none can backtrack catastrophically
 * (a pattern runs on every cell of a 100k-row import; a mapping may come from anyone).
 */
export function mappingProblems(mapping: Mapping): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const { path, pattern } of mappingPatterns(mapping)) {
    try {
      new RegExp(pattern, 'u');
    } catch (error) {
      out.push({ code: 'mapping/pattern', path: toPointer(path), args: { pattern, detail: (error as Error).message } });
      continue;
    }
    if (!isSafePattern(pattern)) out.push({ code: 'mapping/pattern-unsafe', path: toPointer(path), args: { pattern } });
  }
  return out;
}

function compileRule(field: string, spec: string | FieldRule): CompiledRule {
  const base: FieldRule = typeof spec === 'string' ? { column: spec } : spec;
  const rule: CompiledRule = { ...base, labels: labelsOf(field, base.column) };
  if (typeof rule.strip === 'string') rule.stripRe = new RegExp(`^\\s*(?:${rule.strip})\\s*`, 'u');
  if (rule.capture !== undefined) rule.captureRe = new RegExp(rule.capture, 'u');
  return rule;
}

export function compileMapping(mapping: Mapping): CompiledMapping {
  const placeholders = new Set((mapping.placeholders ?? DEFAULT_PLACEHOLDERS).map((p) => toHalfWidth(p).trim()));
  const isAbsent = (text: string) => placeholders.size > 0 && placeholders.has(toHalfWidth(text).trim());
  const fields = Object.entries(mapping.fields).map(
    ([field, spec]) =>
      [field, (Array.isArray(spec) ? spec : [spec]).map((rule) => compileRule(field, rule))] as [
        string,
        CompiledRule[],
      ],
  );
  const filterList =
    mapping.filter === undefined ? [] : Array.isArray(mapping.filter) ? mapping.filter : [mapping.filter];
  const filters = filterList.map((f) => {
    const matches = f.matches !== undefined ? new RegExp(f.matches, 'u') : undefined;
    return {
      column: f.column,
      accepts: (text: string) =>
        (f.in === undefined || f.in.includes(text)) &&
        (f.notIn === undefined || !f.notIn.includes(text)) &&
        (matches === undefined || matches.test(text)),
    };
  });
  return { mapping, isAbsent, fields, filters };
}

function cellOf(row: Readonly<Record<string, string | undefined>>, column: string): string | undefined {
  // Own cells only: a column named like an Object method (toString) is not inherited from the prototype.
  const raw = Object.hasOwn(row, column) ? row[column] : undefined;
  return typeof raw === 'string' ? raw : undefined;
}

/** Whether the row passes the mapping's filters (a row without the filtered column does not). */
export function rowPasses(row: Readonly<Record<string, string | undefined>>, compiled: CompiledMapping): boolean {
  return compiled.filters.every((f) => {
    const cell = cellOf(row, f.column);
    return cell !== undefined && f.accepts(cell.trim());
  });
}

type RuleOutcome = { value: unknown; problems: RowProblem[] } | { problem: RowProblem } | undefined;

function applyRule(
  row: Readonly<Record<string, string | undefined>>,
  rule: CompiledRule,
  compiled: CompiledMapping,
  lists: ReadonlyMap<string, CodeListLookup>,
  unguard: boolean,
): RuleOutcome {
  const { mapping, isAbsent } = compiled;
  const transform = rule.transform ?? 'text';
  let column: string;
  let cell: string;
  if (rule.value !== undefined) {
    // A constant is a value as it is, or, with a transform, the text it turns into (县级 → [县级]).
    if (rule.transform === undefined) return { value: rule.value, problems: [] };
    column = String(rule.value);
    cell = String(rule.value);
  } else {
    column = rule.column as string;
    const raw = cellOf(row, column);
    if (raw === undefined) return undefined;
    if (cellTooLarge(raw)) {
      const size = String(utf8Length(raw));
      return { problem: { column, code: 'import/cell-too-large', args: { size, limit: String(MAX_CELL_BYTES) } } };
    }
    cell = unguard ? unneutralise(raw) : raw;
    if (mapping.html) cell = htmlToText(cell);
    if (rule.stripRe) cell = cell.replace(rule.stripRe, '');
    else if (rule.strip === true || LABEL_FREE.has(transform)) cell = stripLabel(cell, rule.labels);
    if (isAbsent(cell)) return undefined;
    if (rule.captureRe) {
      const match = rule.captureRe.exec(cell);
      if (!match) return undefined;
      cell = match[1] ?? match[0];
    }
  }
  const result = applyTransform(transform, cell, {
    trim: mapping.trim !== false,
    ...(rule.list ? { list: lists.get(rule.list) } : {}),
    lists,
    ...(rule.split ? { split: rule.split } : {}),
    ...(rule.fields ? { fields: rule.fields } : {}),
    isAbsent,
  });
  if (result === undefined) return undefined;
  if ('problem' in result) return { problem: { column, code: result.problem, args: { ...result.args } } };
  const problems = (result.problems ?? []).map((p) => ({ column, code: p.code, args: p.args }));
  // A list whose every entry was a placeholder (`无；/`) says nothing.
  if (Array.isArray(result.value)) {
    const kept = result.value.filter((v) => typeof v !== 'string' || !isAbsent(v));
    if (kept.length === 0) return undefined;
    const { each } = rule;
    return { value: each === undefined ? kept : kept.map((entry) => ({ [each]: entry })), problems };
  }
  return { value: result.value, problems };
}

export function mapRow(
  row: Readonly<Record<string, string | undefined>>,
  mapping: Mapping | CompiledMapping,
  lists: ReadonlyMap<string, CodeListLookup>,
  options: MapOptions = {},
): { item: Record<string, unknown>; problems: RowProblem[] } {
  const compiled =
    'fields' in mapping && Array.isArray(mapping.fields)
      ? (mapping as CompiledMapping)
      : compileMapping(mapping as Mapping);
  const item: Record<string, unknown> = {};
  const problems: RowProblem[] = [];
  const unguard = options.csv === true && compiled.mapping.formulaGuard === true;
  for (const [field, rules] of compiled.fields) {
    let firstProblem: RowProblem | undefined;
    let chosen: { value: unknown; problems: RowProblem[] } | undefined;
    for (const rule of rules) {
      const outcome = applyRule(row, rule, compiled, lists, unguard);
      if (outcome === undefined) continue;
      if ('problem' in outcome) {
        firstProblem ??= outcome.problem;
        continue;
      }
      chosen = outcome;
      break;
    }
    if (chosen) {
      problems.push(...chosen.problems);
      setPath(item, field, chosen.value);
      continue;
    }
    // No alternative gave a value: the default stands in, and a cell that could not be read is reported.
    if (firstProblem) problems.push(firstProblem);
    const fallback = rules.find((r) => r.default !== undefined)?.default;
    if (fallback !== undefined) setPath(item, field, fallback);
  }
  return { item, problems };
}

/**
 * What identifies an item in a catalog, whatever its file is called: its code; an implementation item
 * without one, its basic code and handling item. Undefined parts are absent.
 */
export interface ItemIdentity {
  code?: string;
  basic?: string;
}

export function identityOf(item: Readonly<Record<string, unknown>>, kind: CatalogKind): ItemIdentity {
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const identity: ItemIdentity = {};
  const code = text(item.code);
  if (code !== undefined) identity.code = code;
  const basicCode = kind === 'implementation' ? text(item.basicCode) : undefined;
  if (basicCode !== undefined) identity.basic = `${basicCode}/${text(item.handlingItem) ?? ''}`;
  return identity;
}

/** The file an imported item is written to (without folder or extension), or undefined if it has no code. */
export function fileNameOf(item: Record<string, unknown>, mapping: Mapping): string | undefined {
  const chosen = mapping.fileName ? item[mapping.fileName] : (item.code ?? item.basicCode);
  return typeof chosen === 'string' && /^[\w-]+$/.test(chosen) ? chosen : undefined;
}
