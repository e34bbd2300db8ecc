/** Items without a code are legal while they are drafted; say so, so nobody publishes one by accident. */
import { itemRule } from './rule.js';

export const codeMissing = itemRule({
  id: 'code-missing',
  scope: 'item',
  appliesTo: ['basic', 'implementation'],
  codes: ['code/missing'],
  check(item) {
    return item.code === undefined ? [{ code: 'code/missing', path: '', args: {} }] : [];
  },
});
