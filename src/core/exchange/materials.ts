/**
 * 申请材料 as exports give them: a cell with one material per line, numbered, or split by ；/、, each name
 * perhaps followed by its form and copies (`营业执照（原件1份）`, `身份证明(原件、复印件各1份)`,
 * `身份证（原件1份，复印件1份）`) or by `（电子证照）`; or an array of objects whose fields (named by the
 * mapping) hold the name, necessity, form and copies. What a cell says is kept; what it does not say stays
 * absent for validation to report, never guessed.
 */
import { toHalfWidth } from '../text.js';
import { splitEntries } from './split.js';
import type { CodeListLookup } from './code-list-lookup.js';

export interface ImportedMaterial {
  name: string;
  necessity?: unknown;
  forms?: unknown[];
  copies?: number;
  source?: unknown;
  issuer?: string;
  paperFormat?: string;
  /** Can be fetched as an 电子证照 instead of submitted. */
  eLicence?: boolean;
}

/** Which field of a material object holds each element (e.g. name: clmc, necessity: sfbx). */
export type MaterialFields = Partial<
  Record<'name' | 'necessity' | 'forms' | 'copies' | 'source' | 'issuer' | 'paperFormat', string>
>;

export interface MaterialProblem {
  /** The element that could not be read (necessity, forms, copies, source). */
  element: string;
  value: string;
}

export interface MaterialLists {
  necessity?: CodeListLookup;
  form?: CodeListLookup;
  source?: CodeListLookup;
}

/**
 * A bracket at the end of a name that holds only forms and copies: `（原件1份）`, `(原件、复印件各1份)`,
 * `（原件1份，复印件1份）`, `（电子证照）`.
 */
const HINT = /[（(]([^（）()]{1,40})[)）]$/u;
/** 电子证照 first: it is a form (电子) and says the material can be fetched instead of submitted. */
const FORM_WORDS = /电子证照|原件|复印件|电子(?:版|件)?/gu;
const COPIES = /([0-9]{1,2}|[一两二三四五六七八九十])\s*份/gu;
/** What may be in a hint besides forms and copies: separators and 各/共/每. */
const HINT_REST = /^[\s、，,；;各共每及和]*$/u;
const CHINESE_COUNT: Record<string, number> = {
  一: 1,
  两: 2,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

function lookUp(list: CodeListLookup | undefined, text: string): unknown {
  if (!list) return text;
  return list.byName.get(text) ?? list.byCode.get(text);
}

/**
 * Name + forms and copies from a hint bracket, when the bracket holds nothing else. Several counts
 * (`原件1份，复印件2份`) give the largest: the paper copies asked of any one form. `电子证照` is the
 * electronic form of a licence a government department issued, which can be fetched by data sharing
 * (eLicence) instead of submitted.
 */
function nameAndHints(entry: string, lists: MaterialLists): ImportedMaterial {
  const hint = HINT.exec(entry);
  if (!hint) return { name: entry };
  const inside = toHalfWidth(hint[1] as string);
  const words = [...inside.matchAll(FORM_WORDS)].map((m) => m[0]);
  const forms = words.map((word) => lookUp(lists.form, word));
  const counts = [...inside.matchAll(COPIES)].map((m) => CHINESE_COUNT[m[1] as string] ?? Number(m[1]));
  const rest = inside.replace(FORM_WORDS, '').replace(COPIES, '');
  if ((forms.length === 0 && counts.length === 0) || !HINT_REST.test(rest) || forms.includes(undefined))
    return { name: entry };
  const name = entry.slice(0, hint.index).trim();
  if (!name) return { name: entry };
  const eLicence = words.includes('电子证照');
  const source = eLicence ? lookUp(lists.source, '政府部门核发') : undefined;
  return {
    name,
    ...(forms.length ? { forms: [...new Set(forms)] } : {}),
    ...(counts.length ? { copies: Math.max(...counts) } : {}),
    ...(source !== undefined ? { source } : {}),
    ...(eLicence ? { eLicence: true } : {}),
  };
}

export function materialsFromCell(cell: string, lists: MaterialLists): ImportedMaterial[] {
  let entries = splitEntries(cell, 'auto');
  // Names joined by 、 on one line (`申请书、营业执照、身份证明`) are several materials; where the author
  // already listed them one per line or numbered, a 、 inside an entry belongs to that material.
  if (entries.length === 1) entries = splitEntries(cell, 'enumeration');
  return entries.map((entry) => nameAndHints(entry, lists));
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

/**
 * Materials from an array of objects. `isAbsent` says which texts mean "not given" (the mapping's
 * placeholders). An entry without a name is skipped and reported; a field that cannot be read is left
 * out of its material and reported.
 */
export function materialsFromObjects(
  entries: readonly unknown[],
  fields: MaterialFields,
  lists: MaterialLists,
  isAbsent: (text: string) => boolean,
): { materials: ImportedMaterial[]; problems: MaterialProblem[] } {
  const materials: ImportedMaterial[] = [];
  const problems: MaterialProblem[] = [];
  for (const entry of entries) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push({ element: 'name', value: JSON.stringify(entry) ?? String(entry) });
      continue;
    }
    const record = entry as Record<string, unknown>;
    const field = (element: keyof MaterialFields): string | undefined => {
      const key = fields[element];
      if (key === undefined || !Object.hasOwn(record, key)) return undefined;
      const text = textOf(record[key]);
      return text === undefined || isAbsent(text) ? undefined : text;
    };
    const name = field('name');
    if (name === undefined) {
      problems.push({ element: 'name', value: JSON.stringify(record).slice(0, 60) });
      continue;
    }
    const material: ImportedMaterial = { name };
    const coded = (element: 'necessity' | 'source', list: CodeListLookup | undefined) => {
      const text = field(element);
      if (text === undefined) return;
      const value = lookUp(list, toHalfWidth(text));
      if (value === undefined) problems.push({ element, value: text });
      else material[element] = value;
    };
    coded('necessity', lists.necessity);
    coded('source', lists.source);
    const forms = field('forms');
    if (forms !== undefined) {
      const values = splitEntries(forms, 'enumeration').map((f) => lookUp(lists.form, toHalfWidth(f)));
      if (values.includes(undefined)) problems.push({ element: 'forms', value: forms });
      else material.forms = [...new Set(values)];
    }
    const copies = field('copies');
    if (copies !== undefined) {
      const match = /^(\d{1,2})\s*份?$/u.exec(toHalfWidth(copies));
      if (match) material.copies = Number(match[1]);
      else problems.push({ element: 'copies', value: copies });
    }
    const issuer = field('issuer');
    if (issuer !== undefined) material.issuer = issuer;
    const paperFormat = field('paperFormat');
    if (paperFormat !== undefined) material.paperFormat = paperFormat;
    materials.push(material);
  }
  return { materials, problems };
}
