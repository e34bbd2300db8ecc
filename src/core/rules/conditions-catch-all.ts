/** Conditions must be listed, not closed with a catch-all such as "法律、法规规定的其他条件". */
import { itemRule, type RuleFinding } from './rule.js';

const CATCH_ALL = /(法律|法规|规章|规定)[^。；;]*其他(条件|情形|材料)|其他(法定)?条件$/;

export const conditionsCatchAll = itemRule({
  id: 'conditions-catch-all',
  scope: 'item',
  appliesTo: ['implementation'],
  codes: ['conditions/catch-all'],
  check(item) {
    const out: RuleFinding<'conditions/catch-all'>[] = [];
    item.conditions?.forEach((condition, index) => {
      if (CATCH_ALL.test(condition))
        out.push({ code: 'conditions/catch-all', path: `/conditions/${index}`, args: { text: condition } });
    });
    return out;
  },
});
