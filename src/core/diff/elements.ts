/**
 * The elements of an item that regions are compared on, each with the normalised form that decides
 * whether two regions agree, and the field policy that says which must agree ("standard") and which may
 * differ by region ("vary": agency, address, phone, promised limit within the statutory one…).
 */
import type { Basis, ImplementationItem, Material, ProcessStep, TimeLimit } from '../model.js';
import { entriesOf, entryKey, type ListShape } from './list-diff.js';
import { normaliseText } from './similarity.js';

export type ElementName =
  | 'name'
  | 'type'
  | 'basis'
  | 'levels'
  | 'serviceObjects'
  | 'conditions'
  | 'materials'
  | 'process'
  | 'statutoryLimit'
  | 'promisedLimit'
  | 'handlingType'
  | 'fee'
  | 'visits'
  | 'onlineDepth'
  | 'results'
  | 'agency'
  | 'place'
  | 'hours'
  | 'contacts';

export interface FieldPolicy {
  standard: readonly ElementName[];
  vary: readonly ElementName[];
}

/** Same item, same standard: what the law and the basic catalog fix is standard; local arrangements vary. */
export const DEFAULT_POLICY: FieldPolicy = {
  standard: ['name', 'type', 'basis', 'serviceObjects', 'conditions', 'materials', 'statutoryLimit', 'fee', 'results'],
  vary: [
    'levels',
    'process',
    'promisedLimit',
    'handlingType',
    'visits',
    'onlineDepth',
    'agency',
    'place',
    'hours',
    'contacts',
  ],
};

export const ELEMENTS: readonly ElementName[] = [...DEFAULT_POLICY.standard, ...DEFAULT_POLICY.vary];

/** Elements a basic item has (a basic catalog is compared on these only). */
export const BASIC_ELEMENTS: readonly ElementName[] = ['name', 'type', 'basis', 'levels'];

type AnyItem = Partial<ImplementationItem> & { name: string; type: string };

export const LIST_SHAPES = {
  basis: { key: (b: Basis) => `${b.law} ${b.article ?? ''}` } satisfies ListShape<Basis>,
  conditions: { key: (c: string) => c } satisfies ListShape<string>,
  materials: {
    key: (m: Material) => m.name,
    attributes: ['necessity', 'forms', 'copies', 'source', 'eLicence'],
  } satisfies ListShape<Material>,
  process: { key: (s: ProcessStep) => s.name, attributes: ['timeLimit'] } satisfies ListShape<ProcessStep>,
  results: { key: (r: { name: string }) => r.name, attributes: ['type'] } satisfies ListShape<{
    name: string;
    type: string;
  }>,
} as const;

export type ListElement = keyof typeof LIST_SHAPES;

/** The attributes of list entries whose changes a diff reports (a material's forms, a step's time limit…). */
export type AttributeName = 'necessity' | 'forms' | 'copies' | 'source' | 'eLicence' | 'timeLimit' | 'type';

export function isListElement(name: ElementName): name is ListElement {
  return name in LIST_SHAPES;
}

/**
 * Items are compared as their files hold them, before or without the schema, so every value may have any
 * shape: a time limit written as text, materials as a list of names or a single one. These read them.
 */
function limit(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object') return String(value);
  const { value: amount, unit } = value as Partial<TimeLimit>;
  if (typeof amount !== 'number') return JSON.stringify(value);
  return amount === 0 ? '即办' : `${amount}${unit ?? ''}`;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** The raw value of an element, as shown in reports. */
export function elementValue(item: AnyItem, element: ElementName): unknown {
  switch (element) {
    case 'statutoryLimit':
      return limit(item.statutoryLimit);
    case 'promisedLimit':
      return limit(item.promisedLimit);
    case 'onlineDepth':
      return record(item.online)?.depth ?? (item.online === undefined ? undefined : item.online);
    case 'fee': {
      const fee = record(item.fee);
      if (!fee) return item.fee;
      return fee.charged
        ? entriesOf(fee.items).map((f) =>
            record(f) ? `${String(record(f)?.name)}：${String(record(f)?.standard)}` : String(f),
          )
        : '不收费';
    }
    case 'agency':
      return record(item.agency)?.name ?? item.agency;
    case 'contacts': {
      const contacts = record(item.contacts);
      if (!contacts) return item.contacts;
      const phone = (channel: unknown) => record(channel)?.phone ?? channel;
      return [phone(contacts.consultation), phone(contacts.complaint)].filter(Boolean).map(String).join(' / ');
    }
    default:
      return (item as Record<string, unknown>)[element];
  }
}

/**
 * The form in which two regions' values are compared: text normalised, sets sorted, lists compared by
 * their entries' keys (so a reworded material is a difference, a reordered list of materials is not).
 */
export function comparable(item: AnyItem, element: ElementName): string {
  return comparableValue(elementValue(item, element), element);
}

/** `comparable` of an element's value (as `elementValue` gives it). */
export function comparableValue(value: unknown, element: ElementName): string {
  if (value === undefined) return '∅';
  if (isListElement(element)) {
    const shape = LIST_SHAPES[element] as ListShape<unknown>;
    return JSON.stringify(
      entriesOf(value)
        .map((entry) => normaliseText(entryKey(shape, entry)))
        .sort(),
    );
  }
  if (Array.isArray(value)) return JSON.stringify(value.map((v) => normaliseText(String(v))).sort());
  return typeof value === 'string' ? normaliseText(value) : JSON.stringify(value);
}
