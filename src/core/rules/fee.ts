/** 收费 ⇒ fee items with their standard and legal basis; 不收费 ⇒ nothing to pay online. */
import { itemRule, type RuleFinding } from './rule.js';

/** The codes this rule reports. */
type Code = 'fee/items-missing' | 'fee/basis-missing' | 'fee/payment-without-fee';

export const fee = itemRule({
  id: 'fee',
  scope: 'item',
  appliesTo: ['implementation'],
  codes: ['fee/items-missing', 'fee/basis-missing', 'fee/payment-without-fee'],
  check({ fee }) {
    // Whether a fee is charged may be unknown (no fee element, or charged not stated): nothing to judge.
    if (fee?.charged === undefined) return [];
    if (!fee.charged) {
      return fee.onlinePayment ? [{ code: 'fee/payment-without-fee', path: '/fee/onlinePayment', args: {} }] : [];
    }
    if (!fee.items?.length) return [{ code: 'fee/items-missing', path: '/fee/charged', args: {} }];
    const out: RuleFinding<Code>[] = [];
    fee.items.forEach((feeItem, index) => {
      if (feeItem.basis === undefined)
        out.push({
          code: 'fee/basis-missing',
          path: `/fee/items/${index}`,
          args: { name: feeItem.name ?? `#${index + 1}` },
        });
    });
    return out;
  },
});
