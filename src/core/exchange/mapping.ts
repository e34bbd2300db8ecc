/**
 * A mapping file applied to one row: the item it describes, and the cells that could not be read. A cell
 * that cannot be read costs only its own element (left absent and reported), never the row.
 */
import isSafeRegex from 'safe-regex2';
import type { FindingCode, RuleFinding } from '../diagnostic.js';
import { toPointer } from '../pointer.js';
import type { CatalogKind, CatalogMeta } from '../model.js';
import { toHalfWidth } from '../text.js';
import { unneutralise } from './formula-guard.js';
import { htmlToText } from './html-text.js';
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
   * A label to remove from the start of the cell (`办理地点：…`): a regular expression, or true for the
   * column's own name (or its end, `地点：`) followed by ：/:.
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
  captureRe?: RegExp;
}

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
    if (!isSafeRegex(pattern)) out.push({ code: 'mapping/pattern-unsafe', path: toPointer(path), args: { pattern } });
  }
  return out;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compileRule(spec: string | FieldRule): CompiledRule {
  const rule: CompiledRule = typeof spec === 'string' ? { column: spec } : { ...spec };
  if (rule.strip === true && rule.column !== undefined) {
    // The column's name or its last two or more characters (办理地点 → 地点), then ：/:.
    const name = escapeRegExp(rule.column);
    rule.stripRe = new RegExp(`^\\s*(?:${name}|${escapeRegExp(rule.column.slice(-2))})\\s*[:：]\\s*`, 'u');
  } else if (typeof rule.strip === 'string') rule.stripRe = new RegExp(`^\\s*(?:${rule.strip})\\s*`, 'u');
  if (rule.capture !== undefined) rule.captureRe = new RegExp(rule.capture, 'u');
  return rule;
}

export function compileMapping(mapping: Mapping): CompiledMapping {
  const placeholders = new Set((mapping.placeholders ?? DEFAULT_PLACEHOLDERS).map((p) => toHalfWidth(p).trim()));
  const isAbsent = (text: string) => placeholders.size > 0 && placeholders.has(toHalfWidth(text).trim());
  const fields = Object.entries(mapping.fields).map(
    ([field, spec]) => [field, (Array.isArray(spec) ? spec : [spec]).map(compileRule)] as [string, CompiledRule[]],
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
  if (rule.value !== undefined) return { value: rule.value, problems: [] };
  const column = rule.column as string;
  const raw = cellOf(row, column);
  if (raw === undefined) return undefined;
  if (cellTooLarge(raw)) {
    const size = String(utf8Length(raw));
    return { problem: { column, code: 'import/cell-too-large', args: { size, limit: String(MAX_CELL_BYTES) } } };
  }
  let cell = unguard ? unneutralise(raw) : raw;
  if (mapping.html) cell = htmlToText(cell);
  if (rule.stripRe) cell = cell.replace(rule.stripRe, '');
  if (isAbsent(cell)) return undefined;
  if (rule.captureRe) {
    const match = rule.captureRe.exec(cell);
    if (!match) return undefined;
    cell = match[1] ?? match[0];
  }
  const transform = rule.transform ?? 'text';
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
