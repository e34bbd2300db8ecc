/**
 * Bundles from a sheet with one row per member (`tongban import --map <a bundle mapping>`): the rows of one
 * bundle (same `id`) are joined into one bundle. A mapping (`kind: bundle`) maps columns to the bundle's
 * elements (`id`, `name`, `lead.name`, `promisedLimit`…), given on any of its rows, and to the row's member:
 *
 * - `member.code`, `member.stage`, `member.order` (default: the row's place), `member.condition`;
 * - `member.materials`: the materials this member needs, as a list — joined into the merged list (each
 *   material once, with the members that need it); a name ending in （电子证照）, （数据共享） or （告知承诺）
 *   is not submitted;
 * - `member.formFields`: the form fields this member uses, joined into the form (`form.name` names it).
 *
 * Whole elements may be given as JSON instead (`materials`, `form`, `assisting`), as `tongban export
 * --bundles` writes them. An element given differently on two rows of one bundle is reported, the first kept.
 */
import { isDeepStrictEqual } from 'node:util';
import { materialKey } from './materials.js';
import type { BundleMaterial, ObtainedBy } from './model.js';

type Json = Record<string, unknown>;

export interface BundleRow {
  row: number;
  /** The row as the mapping made it: bundle elements, and `member` for the row's member. */
  item: Json;
}

export interface JoinedBundle {
  id: string;
  /** The first row of the bundle. */
  row: number;
  bundle: Json;
}

export interface JoinProblem {
  row: number;
  /** The element given differently from an earlier row of the same bundle. */
  element: string;
  other: number;
}

const SUFFIX = /（(电子证照|数据共享|告知承诺)）$/;

/** `出生医学证明（电子证照）` → its name, and how it is obtained instead of submitted. */
export function materialEntry(text: string): { name: string; obtainedBy?: ObtainedBy } {
  const match = SUFFIX.exec(text);
  return match ? { name: text.slice(0, match.index), obtainedBy: match[1] as ObtainedBy } : { name: text };
}

const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];

export function joinBundleRows(rows: readonly BundleRow[]): { bundles: JoinedBundle[]; problems: JoinProblem[] } {
  const byId = new Map<
    string,
    { row: number; bundle: Json; origin: Map<string, number>; materials: BundleMaterial[]; fields: Json[] }
  >();
  const problems: JoinProblem[] = [];
  for (const { row, item } of rows) {
    const id = item.id as string;
    let entry = byId.get(id);
    if (!entry) {
      entry = { row, bundle: {}, origin: new Map(), materials: [], fields: [] };
      byId.set(id, entry);
    }
    const { member, ...elements } = item as Json & { member?: Json };
    for (const [key, value] of Object.entries(elements)) {
      if (!(key in entry.bundle)) {
        entry.bundle[key] = value;
        entry.origin.set(key, row);
      } else if (!isDeepStrictEqual(entry.bundle[key], value))
        problems.push({ row, element: key, other: entry.origin.get(key) ?? entry.row });
    }
    if (!member || typeof member.code !== 'string') continue;
    const code = member.code;
    const members = (entry.bundle.members as Json[] | undefined) ?? [];
    members.push({
      code,
      ...(typeof member.stage === 'string' ? { stage: member.stage } : {}),
      order: typeof member.order === 'number' ? member.order : members.length + 1,
      ...(typeof member.condition === 'string' ? { condition: member.condition } : {}),
    });
    entry.bundle.members = members;
    for (const text of texts(member.materials)) {
      const { name, obtainedBy } = materialEntry(text);
      const found = entry.materials.find((m) => materialKey(m.name) === materialKey(name));
      if (found) {
        if (!found.neededBy.includes(code)) found.neededBy.push(code);
        if (obtainedBy && !found.obtainedBy) found.obtainedBy = obtainedBy;
      } else entry.materials.push({ name, neededBy: [code], ...(obtainedBy ? { obtainedBy } : {}) });
    }
    for (const name of texts(member.formFields)) {
      const found = entry.fields.find((f) => f.name === name);
      if (found) (found.usedBy as string[]).push(code);
      else entry.fields.push({ name, usedBy: [code] });
    }
  }
  const bundles = [...byId].map(([id, { row, bundle, materials, fields }]) => {
    // Materials and fields gathered from the members' rows, unless the sheet gave them whole.
    if (bundle.materials === undefined && materials.length) bundle.materials = materials;
    const form = bundle.form as Json | undefined;
    if (fields.length && (form === undefined || form.fields === undefined))
      bundle.form = { name: typeof form?.name === 'string' ? form.name : `${String(bundle.name ?? id)}申请表`, fields };
    return { id, row, bundle };
  });
  return { bundles, problems };
}

/** Elements in the order bundle files are written in, so imported files read like hand-written ones. */
export const BUNDLE_ORDER = [
  'id',
  'name',
  'keyMatter',
  'description',
  'lead',
  'assisting',
  'members',
  'form',
  'materials',
  'promisedLimit',
  'visits',
  'channels',
  'scope',
  'figures',
  'effectiveDate',
];

export function orderedBundle(bundle: Json): Json {
  const rank = (key: string) => BUNDLE_ORDER.indexOf(key) + 1 || 999;
  return Object.fromEntries(Object.entries(bundle).sort(([a], [b]) => rank(a) - rank(b)));
}
