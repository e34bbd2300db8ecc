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

/** Days of a limit in `unit` terms; a limit in another unit cannot be added to it. */
function daysIn(limit: Partial<TimeLimit> | undefined, unit: string): number | undefined {
  return limit?.unit === unit ? limit.value : undefined;
}

/** How many items state a value, and for how many of them the test holds. */
interface Tally {
  known: number;
  hits: number;
}

const tally = (): Tally => ({ known: 0, hits: 0 });

function count<T>(into: Tally, value: T | undefined, test: (value: T) => boolean): void {
  if (value === undefined) return;
  into.known++;
  if (test(value)) into.hits++;
}

/**
 * The measures of items given one at a time, in order: what `measure` computes, holding counts instead of
 * the items (a catalog of 100k items is counted as it is read).
 */
export class MeasureCounter {
  private items = 0;
  private readonly online = tally();
  private readonly fullyOnline = tally();
  private readonly zeroVisits = tally();
  private readonly atMostOne = tally();
  private readonly immediate = tally();
  private readonly fees = tally();
  private withMaterials = 0;
  private materials = 0;
  private eLicences = 0;
  private compressionSum = 0;
  private compressionCount = 0;
  private counted = 0;
  private uncounted = 0;
  private timed = 0;

  add(item: Item): void {
    this.items++;
    const depth = item.online?.depth;
    count(this.online, depth, (d) => d >= 3);
    count(this.fullyOnline, depth, (d) => d === 4);
    count(this.zeroVisits, item.visits, (v) => v === 0);
    count(this.atMostOne, item.visits, (v) => v <= 1);
    count(this.immediate, item.handlingType, (t) => t === '即办件');
    count(this.fees, item.fee?.charged, (charged) => charged);
    if (item.materials !== undefined) {
      this.withMaterials++;
      // As flatMap would: a list counts its entries, anything else is one entry.
      const materials: unknown = item.materials ?? [];
      for (const material of Array.isArray(materials) ? materials : [materials]) {
        this.materials++;
        if ((material as { eLicence?: unknown }).eLicence === true) this.eLicences++;
      }
    }
    const [statutory, promised] = [item.statutoryLimit, item.promisedLimit];
    if (statutory?.value !== undefined && promised?.value !== undefined && statutory.value > 0)
      if (promised.unit === statutory.unit) {
        this.compressionSum += 1 - promised.value / statutory.value;
        this.compressionCount++;
      }
    const unit = item.statutoryLimit?.unit;
    if (unit === undefined || item.statutoryLimit?.value === undefined) return;
    this.timed++;
    this.counted += item.statutoryLimit.value;
    for (const step of item.specialSteps ?? [])
      if (step.counted === false) this.uncounted += daysIn(step.timeLimit, unit) ?? 0;
  }

  result(): Measures {
    const rate = (t: Tally) => share(t.hits, t.known);
    return {
      items: this.items,
      onlineRate: rate(this.online),
      fullyOnlineRate: rate(this.fullyOnline),
      zeroVisitRate: rate(this.zeroVisits),
      atMostOneVisitRate: rate(this.atMostOne),
      immediateRate: rate(this.immediate),
      materialsPerItem:
        this.withMaterials === 0 ? undefined : Math.round((this.materials / this.withMaterials) * 100) / 100,
      eLicenceRate: share(this.eLicences, this.materials),
      timeCompression:
        this.compressionCount === 0
          ? undefined
          : Math.round((this.compressionSum / this.compressionCount) * 1000) / 1000,
      uncountedTimeShare: this.timed === 0 ? undefined : share(this.uncounted, this.counted + this.uncounted),
      feeRate: rate(this.fees),
      known: {
        onlineRate: this.online.known,
        fullyOnlineRate: this.fullyOnline.known,
        zeroVisitRate: this.zeroVisits.known,
        atMostOneVisitRate: this.atMostOne.known,
        immediateRate: this.immediate.known,
        materialsPerItem: this.withMaterials,
        eLicenceRate: this.materials,
        timeCompression: this.compressionCount,
        uncountedTimeShare: this.timed,
        feeRate: this.fees.known,
      },
    };
  }
}

export function measure(items: readonly Item[]): Measures {
  const counter = new MeasureCounter();
  for (const item of items) counter.add(item);
  return counter.result();
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
