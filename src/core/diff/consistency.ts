/**
 * N implementation lists at once: for each item (basic code + 业务办理项), which regions implement it, and
 * for each standard element whether they agree — with the basic catalog where it defines the element
 * (name, type, basis), else with the version most regions agree with — and consistency scores per item,
 * element and region.
 *
 * Only what is stated is scored: a region that does not give an element is "not stated" (neither agreeing
 * nor deviating), and an element stated by one region alone (with no basic catalog to compare with) has
 * nothing to agree with, so it is not scored either. Agreement is judged as `diff` judges differences
 * (materials by name and, where both state them, form and copies). A score below 1 is never shown as 100%.
 */
import type { ImplementationItem } from '../model.js';
import {
  BASIC_ELEMENTS,
  comparable,
  elementValue,
  isListElement,
  LIST_SHAPES,
  type ElementName,
  type FieldPolicy,
} from './elements.js';
import { attributeOf, entriesOf, entryKey, type ListShape } from './list-diff.js';
import { normaliseText } from './similarity.js';
import { keyed, statedName, type CatalogDiff, type DiffSide, type SideEntry } from './catalog-diff.js';
import { detach } from './detach.js';
import { hashOf, sameHash, UNSTATED } from './element-hashes.js';

type AnyItem = Partial<ImplementationItem> & { name: string; type: string };

/** agree / deviate: scored; absent: the region does not state it; alone: stated, but by no one else to compare with. */
export type Cell = 'agree' | 'deviate' | 'absent' | 'alone';

export interface CompareRow {
  key: string;
  name: string;
  /** Region label → element → its cell; regions that do not implement the item are absent. */
  cells: Record<string, Partial<Record<ElementName, Cell>>>;
  /** The reference version of each element: the basic catalog's, the regions' most agreed-with, or none (a tie, or nothing to compare). */
  reference: Partial<Record<ElementName, { value: unknown; from: 'basic' | 'majority' | 'none' }>>;
  deviations: {
    region: string;
    element: ElementName;
    value: unknown;
    /** For list entries that agree by name: the attributes that differ (a material's copies, its forms). */
    attributes?: { entry: string; name: string; value: unknown; majority: unknown }[];
  }[];
  /** Share of scored cells that agree; undefined when nothing of the item could be compared. */
  score: number | undefined;
}

export interface ConsistencyMatrix {
  regions: string[];
  elements: ElementName[];
  rows: CompareRow[];
  elementScores: Partial<Record<ElementName, number>>;
  regionScores: Record<string, number>;
  score: number;
  duplicates: CatalogDiff['duplicates'];
}

/** agree / total, to three decimals, rounded down: 999 of 1000 is 0.999, never 1. */
export function ratio(agreeing: number, total: number): number {
  if (total === 0 || agreeing === total) return 1;
  return Math.floor((agreeing / total) * 1000) / 1000;
}

interface Holder {
  region: string;
  item: AnyItem;
}

/** Attribute values as stated, in one form: a set of forms in any order is the same set. */
function attributeForm(value: unknown): string {
  return JSON.stringify(Array.isArray(value) ? [...value].map(String).sort() : value);
}

/**
 * Which stated versions agree: the most common version (by text, set or list entries) is the reference;
 * a tie for most common has none, and then every version deviates. For lists whose entries have
 * attributes (materials: form, copies…), the versions with the reference's entries are also held to the
 * most common value of each attribute among those that state it: one region's 1 copy against another's
 * 2 is a disagreement (as `diff` reports it), a region that does not state copies is not.
 */
type AttributeDifference = NonNullable<CompareRow['deviations'][number]['attributes']>[number];

function judge(
  element: ElementName,
  stated: readonly Holder[],
  hashes: readonly (number | undefined)[],
): { agrees: boolean[]; reference?: Holder; attributes?: AttributeDifference[][] } {
  // Versions whose hashes agree are the same value (as everywhere in compare), so what is worked out from
  // a version — its comparable form, its attribute slots — is worked out once per value: nationally,
  // 1,000+ regions state an element in a handful of versions.
  const perValue = <T>(work: (h: Holder) => T) => {
    const done = new Map<number, T>();
    return (h: Holder, i: number): T => {
      const hash = hashes[i];
      if (hash === undefined || Number.isNaN(hash)) return work(h);
      let result = done.get(hash);
      if (result === undefined) done.set(hash, (result = work(h)));
      return result;
    };
  };
  const forms = stated.map(perValue((h) => comparable(h.item, element)));
  const votes = new Map<string, number>();
  for (const form of forms) votes.set(form, (votes.get(form) ?? 0) + 1);
  const [first, second] = [...votes].sort((a, b) => b[1] - a[1]);
  if (!first || (second && second[1] === first[1])) return { agrees: stated.map(() => false) };
  const inMajority = forms.map((form) => form === first[0]);
  const reference = stated[inMajority.indexOf(true)];
  const attributes = isListElement(element) ? ((LIST_SHAPES[element] as ListShape<unknown>).attributes ?? []) : [];
  if (attributes.length === 0) return { agrees: inMajority, ...(reference ? { reference } : {}) };
  const shape = LIST_SHAPES[element as keyof typeof LIST_SHAPES] as ListShape<unknown>;
  // Each (entry, attribute) slot: the values stated for it by the versions in the majority.
  const slotsOf = (h: Holder) => {
    const seen = new Map<string, number>();
    const slots: { slot: string; form: string; entry: string; name: string; value: unknown }[] = [];
    for (const entry of entriesOf(elementValue(h.item, element))) {
      const key = normaliseText(entryKey(shape, entry));
      const nth = seen.get(key) ?? 0;
      seen.set(key, nth + 1);
      for (const name of attributes) {
        const value = attributeOf(entry, name);
        if (value !== undefined)
          slots.push({
            slot: `${key}\u0000${nth}\u0000${name}`,
            form: attributeForm(value),
            entry: entryKey(shape, entry),
            name,
            value,
          });
      }
    }
    return slots;
  };
  const tallies = new Map<string, Map<string, { count: number; value: unknown }>>();
  const slotsOfValue = perValue(slotsOf);
  const holderSlots = stated.map((h, i) => (inMajority[i] ? slotsOfValue(h, i) : []));
  for (const slots of holderSlots)
    for (const { slot, form, value } of slots) {
      const tally = tallies.get(slot) ?? new Map<string, { count: number; value: unknown }>();
      tally.set(form, { count: (tally.get(form)?.count ?? 0) + 1, value });
      tallies.set(slot, tally);
    }
  // Each slot's most common value; none (undefined) when two tie.
  const decided = new Map<string, { form: string; value: unknown } | undefined>();
  for (const [slot, tally] of tallies) {
    const [top, next] = [...tally].sort((a, b) => b[1].count - a[1].count);
    decided.set(
      slot,
      top && !(next && next[1].count === top[1].count) ? { form: top[0], value: top[1].value } : undefined,
    );
  }
  const differences = holderSlots.map((slots) =>
    slots
      .filter(({ slot, form }) => decided.get(slot)?.form !== form)
      .map(({ slot, entry, name, value }) => ({ entry, name, value, majority: decided.get(slot)?.value })),
  );
  const agrees = stated.map((_, i) => inMajority[i] === true && (differences[i] ?? []).length === 0);
  return { agrees, ...(reference ? { reference } : {}), attributes: differences };
}

export function compareCatalogs(
  lists: readonly DiffSide[],
  basic: DiffSide | undefined,
  policy: FieldPolicy,
): ConsistencyMatrix {
  const duplicates: CatalogDiff['duplicates'] = [];
  const indexed = lists.map((list) => ({ label: list.label, byKey: keyed(list, 'left', duplicates).byKey }));
  const basicByKey = new Map(basic ? basic.items.map((i) => [i.key, i] as const) : []);
  const elements = [...policy.standard];
  const keys = [...new Set(indexed.flatMap((i) => [...i.byKey.keys()]))].sort();
  const tally = { element: new Map<string, [number, number]>(), region: new Map<string, [number, number]>() };
  const count = (map: Map<string, [number, number]>, key: string, agreeing: boolean) => {
    const [a, t] = map.get(key) ?? [0, 0];
    map.set(key, [a + Number(agreeing), t + 1]);
  };
  const rows: CompareRow[] = keys.map((key) => {
    // A region with several agencies for one key is represented by its first (the rest are in `duplicates`).
    // Items are loaded only when their values are needed: a reference, a deviation, or hashes that differ.
    const entries: { region: string; entry: SideEntry }[] = indexed.flatMap((i) => {
      const first = i.byKey.get(key)?.[0];
      return first ? [{ region: i.label, entry: first }] : [];
    });
    const loaded = new Map<SideEntry, Holder>();
    const holder = ({ region, entry }: { region: string; entry: SideEntry }): Holder => {
      let h = loaded.get(entry);
      if (!h) loaded.set(entry, (h = { region, item: entry.data() }));
      return h;
    };
    const basicEntry = basicByKey.get(key.split('#')[0]);
    let basicLoaded: AnyItem | undefined;
    const basicItem = () => (basicLoaded ??= basicEntry?.data() as AnyItem | undefined);
    const first = entries[0];
    const row: CompareRow = {
      key,
      name: ((basicEntry ? statedName(basicEntry) : undefined) ??
        (first ? statedName(first.entry) : undefined) ??
        key) as string,
      cells: {},
      reference: {},
      deviations: [],
      score: undefined,
    };
    let agreeing = 0;
    let total = 0;
    for (const element of elements) {
      // Whether a region states the element: from its hash, else from its item.
      const states = (e: (typeof entries)[number]) => {
        const hash = hashOf(e.entry.hashes, element);
        return hash === undefined ? elementValue(holder(e).item, element) !== undefined : hash !== UNSTATED;
      };
      const statedEntries = entries.filter(states);
      // A set, not the list: a national compare has 1,000+ regions per key (includes() made it quadratic).
      const stating = new Set(statedEntries);
      for (const e of entries) if (!stating.has(e)) (row.cells[e.region] ??= {})[element] = 'absent';
      const basicHash = hashOf(basicEntry?.hashes, element);
      const basicStates =
        basicEntry !== undefined &&
        BASIC_ELEMENTS.includes(element) &&
        (basicHash === undefined
          ? elementValue(basicItem() as AnyItem, element) !== undefined
          : basicHash !== UNSTATED);
      let agrees: boolean[];
      let attributes: AttributeDifference[][] | undefined;
      if (basicStates) {
        // The basic catalog defines the element: each region agrees with it or not.
        const base = basicItem() as AnyItem;
        const standard = comparable(base, element);
        agrees = statedEntries.map(
          (e) =>
            sameHash(e.entry.hashes, basicEntry?.hashes, element) || comparable(holder(e).item, element) === standard,
        );
        row.reference[element] = { value: elementValue(base, element), from: 'basic' };
      } else if (statedEntries.length < 2) {
        for (const e of statedEntries) (row.cells[e.region] ??= {})[element] = 'alone';
        row.reference[element] = { value: undefined, from: 'none' };
        continue;
      } else if (statedEntries.every((e) => sameHash(e.entry.hashes, statedEntries[0]?.entry.hashes, element))) {
        // The same value everywhere: every region agrees, and the first is the reference.
        agrees = statedEntries.map(() => true);
        row.reference[element] = {
          value: elementValue(holder(statedEntries[0] as (typeof entries)[number]).item, element),
          from: 'majority',
        };
      } else {
        const judged = judge(
          element,
          statedEntries.map(holder),
          statedEntries.map((e) => hashOf(e.entry.hashes, element)),
        );
        agrees = judged.agrees;
        attributes = judged.attributes;
        row.reference[element] = judged.reference
          ? { value: elementValue(judged.reference.item, element), from: 'majority' }
          : { value: undefined, from: 'none' };
      }
      for (const [index, e] of statedEntries.entries()) {
        // With no most common version (a tie), every stated version deviates.
        const agreed = agrees[index] === true;
        (row.cells[e.region] ??= {})[element] = agreed ? 'agree' : 'deviate';
        if (!agreed) {
          const differing = attributes?.[index] ?? [];
          row.deviations.push({
            region: e.region,
            element,
            value: elementValue(holder(e).item, element),
            ...(differing.length ? { attributes: differing } : {}),
          });
        }
        count(tally.element, element, agreed);
        count(tally.region, e.region, agreed);
        agreeing += Number(agreed);
        total++;
      }
    }
    if (total > 0) row.score = ratio(agreeing, total);
    // The row keeps values, not the files they were read from. Its cells are left as they are: they hold
    // the regions' labels and fixed words, nothing of a file, and are most of a row (one per region, 1,000+
    // in a national compare), so copying them was most of the copying.
    return {
      ...row,
      key: detach(row.key),
      name: detach(row.name),
      reference: detach(row.reference),
      deviations: detach(row.deviations),
    };
  });
  const elementScores: ConsistencyMatrix['elementScores'] = {};
  for (const [element, [a, t]] of tally.element) elementScores[element as ElementName] = ratio(a, t);
  const regionScores: Record<string, number> = {};
  for (const list of lists) {
    const [a, t] = tally.region.get(list.label) ?? [0, 0];
    regionScores[list.label] = ratio(a, t);
  }
  const cells = [...tally.region.values()].reduce(([a, t], [x, y]) => [a + x, t + y], [0, 0]);
  return {
    regions: lists.map((l) => l.label),
    elements,
    rows,
    elementScores,
    regionScores,
    score: ratio(cells[0], cells[1]),
    duplicates,
  };
}
