/** A mapping file applied to one row: the item it describes, or the columns that could not be read. */
import type { FindingCode } from '../diagnostic.js';
import type { CatalogKind, CatalogMeta } from '../model.js';
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
  fields: Record<string, string | FieldRule>;
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
): { item: Record<string, unknown>; problems: RowProblem[] } {
  const item: Record<string, unknown> = {};
  const problems: RowProblem[] = [];
  for (const [field, rule] of Object.entries(mapping.fields)) {
    const { column, transform = 'text', list } = typeof rule === 'string' ? { column: rule } : rule;
    const cell = row[column];
    if (cell === undefined) continue;
    const result = applyTransform(transform, cell, list ? lists.get(list) : undefined);
    if (result === undefined) continue;
    if ('problem' in result) problems.push({ column, code: result.problem, args: result.args ?? {} });
    else setPath(item, field, result.value);
  }
  return { item, problems };
}

/** The file an imported item is written to (without folder or extension), or undefined if it has no code. */
export function fileNameOf(item: Record<string, unknown>, mapping: Mapping): string | undefined {
  const chosen = mapping.fileName ? item[mapping.fileName] : (item.code ?? item.basicCode);
  return typeof chosen === 'string' && /^[\w-]+$/.test(chosen) ? chosen : undefined;
}
