/** 即办 ⇔ 即办件: a promised limit of 0 is an immediate item, and an immediate item promises 0. */
import { itemRule } from './rule.js';

export const handlingType = itemRule({
  id: 'handling-type',
  scope: 'item',
  appliesTo: ['implementation'],
  codes: ['limit/immediate-mismatch'],
  check(item) {
    // Both elements are needed to compare; a missing one is a completeness finding.
    if (item.promisedLimit?.value === undefined || item.handlingType === undefined) return [];
    const immediate = item.promisedLimit.value === 0;
    if (immediate && item.handlingType !== '即办件') {
      return [
        {
          code: 'limit/immediate-mismatch',
          path: '/handlingType',
          args: { handlingType: item.handlingType, promised: 0 },
        },
      ];
    }
    if (!immediate && item.handlingType === '即办件') {
      return [
        {
          code: 'limit/immediate-mismatch',
          path: '/promisedLimit/value',
          args: { handlingType: item.handlingType, promised: item.promisedLimit.value },
        },
      ];
    }
    return [];
  },
});
