import type { MeasureName, Measures } from '../../core/stats/measures.js';
import { formatMessage, type Lang } from '../../i18n/index.js';

export const MEASURES: readonly MeasureName[] = [
  'onlineRate',
  'fullyOnlineRate',
  'zeroVisitRate',
  'atMostOneVisitRate',
  'immediateRate',
  'materialsPerItem',
  'eLicenceRate',
  'timeCompression',
  'uncountedTimeShare',
  'feeRate',
];

/**
 * Rates as percentages, rounded down (only all of them is 100%); the one count (materials per item) as a
 * number; a measure no item could be counted for as —.
 */
export function showMeasure(name: MeasureName, value: number | undefined): string {
  if (value === undefined) return '—';
  if (name === 'materialsPerItem') return value.toFixed(2);
  return value >= 1 ? '100.0%' : `${(Math.floor(value * 1000) / 10).toFixed(1)}%`;
}

/** The measures of a catalog counted over fewer than all its items: `网上可办率 85/98`, for a note. */
export function partialMeasures(lang: Lang, measures: Measures, separator: string): string | undefined {
  const partial = MEASURES.filter((m) => m !== 'eLicenceRate' && measures.known[m] < measures.items);
  if (partial.length === 0) return undefined;
  return partial.map((m) => `${measureLabel(lang, m)} ${measures.known[m]}/${measures.items}`).join(separator);
}

export function measureLabel(lang: Lang, name: MeasureName): string {
  return formatMessage(lang, `measure.${name}`);
}
