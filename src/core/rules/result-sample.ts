/** A named result (licence, approval) comes with a sample so applicants know what they will receive. */
import type { ItemRule, RuleFinding } from './rule.js';

export const resultSample: ItemRule<'implementation'> = {
  id: 'result-sample',
  scope: 'item',
  appliesTo: ['implementation'],
  codes: { 'result/sample-missing': 'warning' },
  check(item) {
    const out: RuleFinding[] = [];
    item.results?.forEach((result, index) => {
      if (result.sample === undefined)
        out.push({ code: 'result/sample-missing', path: `/results/${index}`, args: { name: result.name } });
    });
    return out;
  },
};
