/** A mapping file applied to one row: the item it describes, or the columns that could not be read. */
import type { FindingCode } from '../diagnostic.js';
import type { CatalogKind, CatalogMeta } from '../model.js';
import { unneutralise } from './formula-guard.js';
import { cellTooLarge, MAX_CELL_BYTES, utf8Length } from './limits.js';
import { applyTransform, setPath, type CodeListLookup, type TransformName } from './transforms.js';

export interface FieldRule {
  column: string;
  transform?: TransformName;
  list?: string;
}

export interface Mapping {
  kind: CatalogKind;
  catalog?: CatalogMeta;
  fileName?: 'code' | 'basicCode';
  /** Trim spaces around text cells (default true); tongban's own presets keep text exactly. */
  trim?: boolean;
  /** The CSV was written by tongban export: remove the ' it put before formula-like cells. */
  formulaGuard?: boolean;
  fields: Record<string, string | FieldRule>;
}

export interface MapOptions {
  /** The row comes from a CSV file (where tongban export guards formula-like cells). */
  csv?: boolean;
}

export interface RowProblem {
  column: string;
  code: FindingCode;
  args: Record<string, string>;
}

export function mapRow(
  row: Readonly<Record<string, string | undefined>>,
  mapping: Mapping,
  lists: ReadonlyMap<string, CodeListLookup>,
  options: MapOptions = {},
): { item: Record<string, unknown>; problems: RowProblem[] } {
  const item: Record<string, unknown> = {};
  const problems: RowProblem[] = [];
  const unguard = options.csv === true && mapping.formulaGuard === true;
  for (const [field, rule] of Object.entries(mapping.fields)) {
    const { column, transform = 'text', list } = typeof rule === 'string' ? { column: rule } : rule;
    // Own cells only: a column named like an Object method (toString) is not inherited from the prototype.
    const raw = Object.hasOwn(row, column) ? row[column] : undefined;
    if (typeof raw !== 'string') continue;
    if (cellTooLarge(raw)) {
      const size = String(utf8Length(raw));
      problems.push({ column, code: 'import/cell-too-large', args: { size, limit: String(MAX_CELL_BYTES) } });
      continue;
    }
    const cell = unguard ? unneutralise(raw) : raw;
    const result = applyTransform(transform, cell, list ? lists.get(list) : undefined, {
      trim: mapping.trim !== false,
    });
    if (result === undefined) continue;
    if ('problem' in result) problems.push({ column, code: result.problem, args: result.args ?? {} });
    else setPath(item, field, result.value);
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
