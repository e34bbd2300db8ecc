/** A named result (licence, approval) comes with a sample so applicants know what they will receive. */
import { itemRule, type RuleFinding } from './rule.js';

export const resultSample = itemRule({
  id: 'result-sample',
  scope: 'item',
  appliesTo: ['implementation'],
  codes: ['result/sample-missing'],
  check(item) {
    const out: RuleFinding<'result/sample-missing'>[] = [];
    item.results?.forEach((result, index) => {
      if (result.sample === undefined)
        out.push({ code: 'result/sample-missing', path: `/results/${index}`, args: { name: result.name ?? '' } });
    });
    return out;
  },
});
