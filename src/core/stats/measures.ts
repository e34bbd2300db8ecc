/**
 * The reform's measures of a catalog (domain.md §1): how much can be done online, how many visits,
 * how many materials and how many of them e-licences replace, how much promised limits compress the
 * statutory ones, how much time hides in uncounted steps, how many items charge fees.
 *
 * Real lists lack whole elements. Each measure counts only the items that state what it needs (an item
 * without an online depth is neither online nor offline) and says how many those are: `known` of
 * `items`. A measure no item can be counted for is unknown (undefined), never 0.
 */
import type { ImplementationItem, Incomplete, TimeLimit } from '../model.js';

export interface Measures {
  items: number;
  /** Share of items handled online at least to acceptance (depth Ⅲ or Ⅳ). */
  onlineRate: number | undefined;
  /** Share fully online (全程网办, depth Ⅳ). */
  fullyOnlineRate: number | undefined;
  /** Share needing no visit (零跑动). */
  zeroVisitRate: number | undefined;
  /** Share needing at most one visit (最多跑一次). */
  atMostOneVisitRate: number | undefined;
  /** Share of immediate items (即办件). */
  immediateRate: number | undefined;
  materialsPerItem: number | undefined;
  /** Share of materials an e-licence can replace (one that does not say so cannot be). */
  eLicenceRate: number | undefined;
  /** Average of 1 − promised/statutory over items whose limits share a unit and whose statutory limit is > 0. */
  timeCompression: number | undefined;
  /** Share of statutory time spent in special steps that do not count toward it (uncounted steps / (statutory + uncounted)). */
  uncountedTimeShare: number | undefined;
  feeRate: number | undefined;
  /** For each measure, how many items (for eLicenceRate: materials) it could be counted over. */
  known: Record<MeasureName, number>;
}

type Item = Incomplete<ImplementationItem>;

/** count / total to three decimals, rounded down (only all of them is 1); undefined when there is nothing to count. */
const share = (count: number, total: number) =>
  total === 0 ? undefined : count === total ? 1 : Math.floor((count / total) * 1000) / 1000;
const average = (values: number[]) =>
  values.length === 0 ? undefined : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1000) / 1000;

/** Days of a limit in `unit` terms; a limit in another unit cannot be added to it. */
function daysIn(limit: Partial<TimeLimit> | undefined, unit: string): number | undefined {
  return limit?.unit === unit ? limit.value : undefined;
}

/** The share of `items` stating `value` for which `test` holds, and how many state it. */
function shareOf<T>(items: readonly Item[], value: (item: Item) => T | undefined, test: (value: T) => boolean) {
  const stated = items.map(value).filter((v): v is T => v !== undefined);
  return { rate: share(stated.filter(test).length, stated.length), known: stated.length };
}

export function measure(items: readonly Item[]): Measures {
  const depth = (i: Item) => i.online?.depth;
  const online = shareOf(items, depth, (d) => d >= 3);
  const fullyOnline = shareOf(items, depth, (d) => d === 4);
  const zeroVisits = shareOf(
    items,
    (i) => i.visits,
    (v) => v === 0,
  );
  const atMostOne = shareOf(
    items,
    (i) => i.visits,
    (v) => v <= 1,
  );
  const immediate = shareOf(
    items,
    (i) => i.handlingType,
    (t) => t === '即办件',
  );
  const fees = shareOf(
    items,
    (i) => i.fee?.charged,
    (charged) => charged,
  );
  const withMaterials = items.filter((i) => i.materials !== undefined);
  const materials = withMaterials.flatMap((i) => i.materials ?? []);
  const compression = items.flatMap((i) => {
    const [statutory, promised] = [i.statutoryLimit, i.promisedLimit];
    if (statutory?.value === undefined || promised?.value === undefined || !(statutory.value > 0)) return [];
    return promised.unit === statutory.unit ? [1 - promised.value / statutory.value] : [];
  });
  let counted = 0;
  let uncounted = 0;
  let timed = 0;
  for (const item of items) {
    const unit = item.statutoryLimit?.unit;
    if (unit === undefined || item.statutoryLimit?.value === undefined) continue;
    timed++;
    counted += item.statutoryLimit.value;
    for (const step of item.specialSteps ?? [])
      if (step.counted === false) uncounted += daysIn(step.timeLimit, unit) ?? 0;
  }
  return {
    items: items.length,
    onlineRate: online.rate,
    fullyOnlineRate: fullyOnline.rate,
    zeroVisitRate: zeroVisits.rate,
    atMostOneVisitRate: atMostOne.rate,
    immediateRate: immediate.rate,
    materialsPerItem:
      withMaterials.length === 0 ? undefined : Math.round((materials.length / withMaterials.length) * 100) / 100,
    eLicenceRate: share(materials.filter((m) => m.eLicence === true).length, materials.length),
    timeCompression: average(compression),
    uncountedTimeShare: timed === 0 ? undefined : share(uncounted, counted + uncounted),
    feeRate: fees.rate,
    known: {
      onlineRate: online.known,
      fullyOnlineRate: fullyOnline.known,
      zeroVisitRate: zeroVisits.known,
      atMostOneVisitRate: atMostOne.known,
      immediateRate: immediate.known,
      materialsPerItem: withMaterials.length,
      eLicenceRate: materials.length,
      timeCompression: compression.length,
      uncountedTimeShare: timed,
      feeRate: fees.known,
    },
  };
}

export type MeasureName = Exclude<keyof Measures, 'items' | 'known'>;

export interface Target {
  measure: MeasureName;
  /** At least (or, with `atMost`, at most) this value. */
  value: number;
  atMost?: boolean;
  /** Only for catalogs of these levels (e.g. 网上可办率: provinces 90%, cities and counties 70%). */
  levels?: string[];
}

/** The 2019 targets of 国办发〔2018〕45号 that a catalog can be measured against (domain.md §1). */
export const DEFAULT_TARGETS: readonly Target[] = [
  { measure: 'onlineRate', value: 0.9, levels: ['国家级', '省级'] },
  { measure: 'onlineRate', value: 0.7, levels: ['市级', '县级', '乡镇级'] },
];

export interface TargetResult extends Target {
  /** Undefined when no item states what the measure needs: the target is then neither met nor missed. */
  actual: number | undefined;
  met: boolean | undefined;
}

export function checkTargets(
  measures: Measures,
  level: string | undefined,
  targets: readonly Target[],
): TargetResult[] {
  return targets
    .filter((t) => !t.levels || (level !== undefined && t.levels.includes(level)))
    .map((t) => {
      const actual = measures[t.measure];
      const met = actual === undefined ? undefined : t.atMost ? actual <= t.value : actual >= t.value;
      return { ...t, actual, met };
    });
}
