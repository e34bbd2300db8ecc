/** 全程网办 means no visit at all; any required visit must say why presence is needed. */
import { itemRule, type RuleFinding } from './rule.js';

/** The codes this rule reports. */
type Code = 'visits/full-online' | 'visits/reason-missing';

const FULLY_ONLINE = 4;

export const visits = itemRule({
  id: 'visits',
  scope: 'item',
  appliesTo: ['implementation'],
  codes: ['visits/full-online', 'visits/reason-missing'],
  check(item) {
    if (item.visits === undefined || item.visits === 0) return [];
    const out: RuleFinding<Code>[] = [];
    if (item.online?.depth === FULLY_ONLINE)
      out.push({ code: 'visits/full-online', path: '/visits', args: { visits: item.visits } });
    if (item.visitReason === undefined)
      out.push({ code: 'visits/reason-missing', path: '/visits', args: { visits: item.visits } });
    return out;
  },
});
