/** An item in a city's list is exercised at city level: its levels include the catalog's level. */
import type { ItemRule } from './rule.js';

export const catalogLevel: ItemRule<'implementation'> = {
  id: 'catalog-level',
  scope: 'item',
  appliesTo: ['implementation'],
  codes: { 'agency/level-mismatch': 'warning' },
  check(item, { catalog }) {
    const level = catalog.meta.level;
    if (level === undefined || item.levels.includes(level)) return [];
    return [{ code: 'agency/level-mismatch', path: '/levels', args: { level, levels: item.levels.join('、') } }];
  },
};
