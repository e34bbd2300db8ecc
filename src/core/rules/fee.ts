/** 收费 ⇒ fee items with their standard and legal basis; 不收费 ⇒ nothing to pay online. */
import type { ItemRule, RuleFinding } from './rule.js';

export const fee: ItemRule<'implementation'> = {
  id: 'fee',
  scope: 'item',
  appliesTo: ['implementation'],
  codes: { 'fee/items-missing': 'error', 'fee/basis-missing': 'error', 'fee/payment-without-fee': 'warning' },
  check({ fee }) {
    if (!fee.charged) {
      return fee.onlinePayment ? [{ code: 'fee/payment-without-fee', path: '/fee/onlinePayment', args: {} }] : [];
    }
    if (!fee.items?.length) return [{ code: 'fee/items-missing', path: '/fee/charged', args: {} }];
    const out: RuleFinding[] = [];
    fee.items.forEach((feeItem, index) => {
      if (feeItem.basis === undefined)
        out.push({ code: 'fee/basis-missing', path: `/fee/items/${index}`, args: { name: feeItem.name } });
    });
    return out;
  },
};
