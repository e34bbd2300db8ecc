/** A sub-item names its main item; the main item must exist and share origin, type and main number. */
import { parseBasicCode } from '../codes/profile.js';
import type { CatalogRule, RuleFinding } from './rule.js';

export const subItemParent: CatalogRule = {
  id: 'sub-item-parent',
  scope: 'catalog',
  codes: { 'code/parent-unknown': 'error', 'code/parent-mismatch': 'error' },
  check(catalog, { profile }) {
    if (catalog.meta.kind !== 'basic') return [];
    const codes = new Set(catalog.items.map((i) => i.data.code).filter((c) => c !== undefined));
    const out: (RuleFinding & { file: string })[] = [];
    for (const { file, data } of catalog.items) {
      const parent = 'parent' in data ? data.parent : undefined;
      if (parent === undefined) continue;
      if (!codes.has(parent)) {
        out.push({ file, code: 'code/parent-unknown', path: '/parent', args: { value: parent } });
        continue;
      }
      if (data.code === undefined) continue;
      const own = parseBasicCode(data.code, profile);
      const main = parseBasicCode(parent, profile);
      if ('values' in own && 'values' in main) {
        const ownStem = own.values.origin! + own.values.type! + own.values.main!;
        const mainStem = main.values.origin! + main.values.type! + main.values.main!;
        if (ownStem !== mainStem) out.push({ file, code: 'code/parent-mismatch', path: '/parent', args: { value: parent, code: data.code } });
      }
    }
    return out;
  },
};
