/** 承诺时限 must not exceed 法定时限; comparing them needs the same unit. */
import { itemRule } from './rule.js';

export const timeLimits = itemRule({
  id: 'time-limits',
  scope: 'item',
  appliesTo: ['implementation'],
  codes: ['limit/promised-exceeds-statutory', 'limit/unit-mismatch'],
  check({ statutoryLimit: statutory, promisedLimit: promised }) {
    if (statutory?.value === undefined || promised?.value === undefined) return [];
    if (promised.value === 0) return [];
    if (statutory.unit === undefined || promised.unit === undefined) return [];
    if (promised.unit !== statutory.unit) {
      return [
        {
          code: 'limit/unit-mismatch',
          path: '/promisedLimit/unit',
          args: { promised: promised.unit, statutory: statutory.unit },
        },
      ];
    }
    if (promised.value > statutory.value) {
      return [
        {
          code: 'limit/promised-exceeds-statutory',
          path: '/promisedLimit/value',
          args: { promised: promised.value, statutory: statutory.value, unit: statutory.unit },
        },
      ];
    }
    return [];
  },
});
