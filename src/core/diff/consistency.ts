/**
 * N implementation lists at once: for each basic item, which regions implement it, and for each standard
 * element whether they agree — with the basic catalog where it defines the element (name, type, basis),
 * else with the majority (modal) version — and consistency scores per item, element and region.
 */
import type { ImplementationItem } from '../model.js';
import { BASIC_ELEMENTS, comparable, elementValue, type ElementName, type FieldPolicy } from './elements.js';
import { keyed, type CatalogDiff, type DiffSide } from './catalog-diff.js';

type AnyItem = Partial<ImplementationItem> & { name: string; type: string };

export type Cell = 'agree' | 'deviate';

export interface CompareRow {
  key: string;
  name: string;
  /** Region label → element → agreement; regions that do not implement the item are absent. */
  cells: Record<string, Partial<Record<ElementName, Cell>>>;
  /** The reference version of each element: the basic catalog's, the regions' most common, or none (a tie). */
  reference: Partial<Record<ElementName, { value: unknown; from: 'basic' | 'majority' | 'none' }>>;
  deviations: { region: string; element: ElementName; value: unknown }[];
  score: number;
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

function ratio(agree: number, total: number): number {
  return total === 0 ? 1 : Math.round((agree / total) * 1000) / 1000;
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
  const tally = { element: new Map<ElementName, [number, number]>(), region: new Map<string, [number, number]>() };
  const count = (map: Map<string, [number, number]>, key: string, agree: boolean) => {
    const [a, t] = map.get(key) ?? [0, 0];
    map.set(key, [a + Number(agree), t + 1]);
  };
  const rows: CompareRow[] = keys.map((key) => {
    const holders = indexed
      .filter((i) => i.byKey.has(key))
      .map((i) => ({ region: i.label, item: (i.byKey.get(key) as { data(): AnyItem }).data() }));
    const basicItem = basicByKey.get(key.split('#')[0])?.data() as AnyItem | undefined;
    const row: CompareRow = {
      key,
      name: basicItem?.name ?? holders[0]?.item.name ?? key,
      cells: {},
      reference: {},
      deviations: [],
      score: 1,
    };
    let agreeing = 0;
    let total = 0;
    for (const element of elements) {
      let reference: string;
      if (basicItem && BASIC_ELEMENTS.includes(element)) {
        reference = comparable(basicItem, element);
        row.reference[element] = { value: elementValue(basicItem, element), from: 'basic' };
      } else {
        const votes = new Map<string, number>();
        for (const h of holders)
          votes.set(comparable(h.item, element), (votes.get(comparable(h.item, element)) ?? 0) + 1);
        const [first, second] = [...votes].sort((a, b) => b[1] - a[1]);
        // A tie for most common (two regions that disagree, say) has no majority: every region deviates.
        const tie = second !== undefined && first !== undefined && second[1] === first[1];
        reference = tie ? '\u0000no majority' : (first?.[0] ?? '');
        const holder = holders.find((h) => comparable(h.item, element) === reference);
        row.reference[element] = tie
          ? { value: undefined, from: 'none' }
          : { value: holder ? elementValue(holder.item, element) : undefined, from: 'majority' };
      }
      for (const h of holders) {
        const agree = comparable(h.item, element) === reference;
        (row.cells[h.region] ??= {})[element] = agree ? 'agree' : 'deviate';
        if (!agree) row.deviations.push({ region: h.region, element, value: elementValue(h.item, element) });
        count(tally.element as Map<string, [number, number]>, element, agree);
        count(tally.region, h.region, agree);
        agreeing += Number(agree);
        total++;
      }
    }
    row.score = ratio(agreeing, total);
    return row;
  });
  const elementScores: ConsistencyMatrix['elementScores'] = {};
  for (const [element, [a, t]] of tally.element) elementScores[element] = ratio(a, t);
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
