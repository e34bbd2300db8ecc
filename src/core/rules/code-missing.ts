/** Items without a code are legal while they are drafted; say so, so nobody publishes one by accident. */
import type { ItemRule } from './rule.js';

export const codeMissing: ItemRule = {
  id: 'code-missing',
  scope: 'item',
  appliesTo: ['basic', 'implementation'],
  codes: { 'code/missing': 'info' },
  check(item) {
    return item.code === undefined ? [{ code: 'code/missing', path: '', args: {} }] : [];
  },
};
