/** 全程网办 means no visit at all; any required visit must say why presence is needed. */
import type { ItemRule, RuleFinding } from './rule.js';

const FULLY_ONLINE = 4;

export const visits: ItemRule<'implementation'> = {
  id: 'visits',
  scope: 'item',
  appliesTo: ['implementation'],
  codes: { 'visits/full-online': 'error', 'visits/reason-missing': 'error' },
  check(item) {
    if (item.visits === 0) return [];
    const out: RuleFinding[] = [];
    if (item.online.depth === FULLY_ONLINE)
      out.push({ code: 'visits/full-online', path: '/visits', args: { visits: item.visits } });
    if (item.visitReason === undefined)
      out.push({ code: 'visits/reason-missing', path: '/visits', args: { visits: item.visits } });
    return out;
  },
};
