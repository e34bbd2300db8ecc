/**
 * The measures of core/stats/measures.ts, added up item by item: what `measure(items)` gives for a list of
 * items, without holding the list (a national set has a million). It keeps the same counts and sums, in
 * the same order, so the result is the same number for number (test/national.test.ts holds it to that).
 */
import type { ImplementationItem, Incomplete } from '../model.js';
import type { Measures } from '../stats/measures.js';

type Item = Incomplete<ImplementationItem>;

const share = (count: number, total: number) =>
  total === 0 ? undefined : count === total ? 1 : Math.floor((count / total) * 1000) / 1000;

/** How many state a value, and for how many the test holds. */
class Tally {
  known = 0;
  hits = 0;
  add(stated: boolean, hit: unknown): void {
    if (!stated) return;
    this.known++;
    if (hit) this.hits++;
  }
  get rate(): number | undefined {
    return share(this.hits, this.known);
  }
}

export class MeasureSums {
  private items = 0;
  private online = new Tally();
  private fullyOnline = new Tally();
  private zeroVisits = new Tally();
  private atMostOne = new Tally();
  private immediate = new Tally();
  private fees = new Tally();
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
    this.online.add(depth !== undefined, depth !== undefined && depth >= 3);
    this.fullyOnline.add(depth !== undefined, depth === 4);
    const visits = item.visits;
    this.zeroVisits.add(visits !== undefined, visits === 0);
    this.atMostOne.add(visits !== undefined, visits !== undefined && visits <= 1);
    const handling = item.handlingType;
    this.immediate.add(handling !== undefined, handling === '即办件');
    const charged = item.fee?.charged;
    this.fees.add(charged !== undefined, charged);
    if (item.materials !== undefined) {
      this.withMaterials++;
      // As flatMap takes them: the entries of a list, or the value itself.
      const value: unknown = item.materials ?? [];
      const entries: unknown[] = Array.isArray(value) ? value : [value];
      this.materials += entries.length;
      for (const m of entries) if ((m as { eLicence?: unknown } | null)?.eLicence === true) this.eLicences++;
    }
    const [statutory, promised] = [item.statutoryLimit, item.promisedLimit];
    if (
      statutory?.value !== undefined &&
      promised?.value !== undefined &&
      statutory.value > 0 &&
      promised.unit === statutory.unit
    ) {
      this.compressionSum += 1 - promised.value / statutory.value;
      this.compressionCount++;
    }
    const unit = statutory?.unit;
    if (unit !== undefined && statutory?.value !== undefined) {
      this.timed++;
      this.counted += statutory.value;
      for (const step of item.specialSteps ?? [])
        if (step.counted === false) this.uncounted += step.timeLimit?.unit === unit ? (step.timeLimit.value ?? 0) : 0;
    }
  }

  measures(): Measures {
    return {
      items: this.items,
      onlineRate: this.online.rate,
      fullyOnlineRate: this.fullyOnline.rate,
      zeroVisitRate: this.zeroVisits.rate,
      atMostOneVisitRate: this.atMostOne.rate,
      immediateRate: this.immediate.rate,
      materialsPerItem:
        this.withMaterials === 0 ? undefined : Math.round((this.materials / this.withMaterials) * 100) / 100,
      eLicenceRate: share(this.eLicences, this.materials),
      timeCompression:
        this.compressionCount === 0
          ? undefined
          : Math.round((this.compressionSum / this.compressionCount) * 1000) / 1000,
      uncountedTimeShare: this.timed === 0 ? undefined : share(this.uncounted, this.counted + this.uncounted),
      feeRate: this.fees.rate,
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
