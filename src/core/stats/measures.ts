/**
 * The reform's measures of a catalog (domain.md §1): how much can be done online, how many visits,
 * how many materials and how many of them e-licences replace, how much promised limits compress the
 * statutory ones, how much time hides in uncounted steps, how many items charge fees.
 */
import type { ImplementationItem, TimeLimit } from '../model.js';

export interface Measures {
  items: number;
  /** Share of items handled online at least to acceptance (depth Ⅲ or Ⅳ). */
  onlineRate: number;
  /** Share fully online (全程网办, depth Ⅳ). */
  fullyOnlineRate: number;
  /** Share needing no visit (零跑动). */
  zeroVisitRate: number;
  /** Share needing at most one visit (最多跑一次). */
  atMostOneVisitRate: number;
  /** Share of immediate items (即办件). */
  immediateRate: number;
  materialsPerItem: number;
  /** Share of materials an e-licence can replace. */
  eLicenceRate: number;
  /** Average of 1 − promised/statutory over items whose limits share a unit and whose statutory limit is > 0. */
  timeCompression: number;
  /** Share of statutory time spent in special steps that do not count toward it (uncounted steps / (statutory + uncounted)). */
  uncountedTimeShare: number;
  feeRate: number;
}

const share = (count: number, total: number) => (total === 0 ? 0 : Math.round((count / total) * 1000) / 1000);
const average = (values: number[]) =>
  values.length === 0 ? 0 : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1000) / 1000;

/** Days of a limit in `unit` terms; a limit in another unit cannot be added to it. */
function daysIn(limit: TimeLimit, unit: string): number | undefined {
  return limit.unit === unit ? limit.value : undefined;
}

export function measure(items: readonly ImplementationItem[]): Measures {
  const materials = items.flatMap((i) => i.materials ?? []);
  const compression = items
    .filter((i) => i.statutoryLimit.value > 0 && i.promisedLimit.unit === i.statutoryLimit.unit)
    .map((i) => 1 - i.promisedLimit.value / i.statutoryLimit.value);
  let counted = 0;
  let uncounted = 0;
  for (const item of items) {
    const unit = item.statutoryLimit.unit;
    counted += item.statutoryLimit.value;
    for (const step of item.specialSteps ?? []) if (!step.counted) uncounted += daysIn(step.timeLimit, unit) ?? 0;
  }
  return {
    items: items.length,
    onlineRate: share(items.filter((i) => i.online.depth >= 3).length, items.length),
    fullyOnlineRate: share(items.filter((i) => i.online.depth === 4).length, items.length),
    zeroVisitRate: share(items.filter((i) => i.visits === 0).length, items.length),
    atMostOneVisitRate: share(items.filter((i) => i.visits <= 1).length, items.length),
    immediateRate: share(items.filter((i) => i.handlingType === '即办件').length, items.length),
    materialsPerItem: items.length === 0 ? 0 : Math.round((materials.length / items.length) * 100) / 100,
    eLicenceRate: share(materials.filter((m) => m.eLicence).length, materials.length),
    timeCompression: average(compression),
    uncountedTimeShare: share(uncounted, counted + uncounted),
    feeRate: share(items.filter((i) => i.fee.charged).length, items.length),
  };
}

export type MeasureName = Exclude<keyof Measures, 'items'>;

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
  actual: number;
  met: boolean;
}

export function checkTargets(
  measures: Measures,
  level: string | undefined,
  targets: readonly Target[],
): TargetResult[] {
  return targets
    .filter((t) => !t.levels || (level !== undefined && t.levels.includes(level)))
    .map((t) => ({
      ...t,
      actual: measures[t.measure],
      met: t.atMost ? measures[t.measure] <= t.value : measures[t.measure] >= t.value,
    }));
}
