/** An item in a city's list is exercised at city level: its levels include the catalog's level. */
import { itemRule } from './rule.js';

export const catalogLevel = itemRule({
  id: 'catalog-level',
  scope: 'item',
  appliesTo: ['implementation'],
  codes: ['agency/level-mismatch'],
  check(item, { catalog }) {
    const level = catalog.meta.level;
    if (level === undefined || item.levels === undefined || item.levels.includes(level)) return [];
    return [{ code: 'agency/level-mismatch', path: '/levels', args: { level, levels: item.levels.join('、') } }];
  },
});
