import type { MeasureName } from '../../core/stats/measures.js';
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

/** Rates as percentages; the one count (materials per item) as a number. */
export function showMeasure(name: MeasureName, value: number): string {
  return name === 'materialsPerItem' ? value.toFixed(2) : `${(value * 100).toFixed(1)}%`;
}

export function measureLabel(lang: Lang, name: MeasureName): string {
  return formatMessage(lang, `measure.${name}`);
}
