/** A sub-item names its main item; the main item must exist and share origin, type and main number. */
import { parseBasicCode, type CodeProfile } from '../codes/profile.js';
import { catalogRule, type FileFinding } from './rule.js';

/** Every segment but the sub-item number: what a main item and its sub-items share. */
function stem(code: string, profile: CodeProfile): string | undefined {
  const parsed = parseBasicCode(code, profile);
  if (!('values' in parsed)) return undefined;
  return Object.entries(parsed.values)
    .filter(([name]) => name !== 'sub')
    .map(([, value]) => value)
    .join('');
}

export const subItemParent = catalogRule({
  id: 'sub-item-parent',
  scope: 'catalog',
  codes: ['code/parent-unknown', 'code/parent-mismatch'],
  check(catalog, { profile }) {
    if (catalog.meta.kind !== 'basic') return [];
    const codes = new Set(catalog.items.map((i) => i.code).filter((c) => c !== undefined));
    const out: FileFinding<'code/parent-unknown' | 'code/parent-mismatch'>[] = [];
    for (const { file, code, parent } of catalog.items) {
      if (parent === undefined) continue;
      if (!codes.has(parent)) {
        out.push({ file, code: 'code/parent-unknown', path: '/parent', args: { value: parent } });
        continue;
      }
      if (code === undefined) continue;
      const own = stem(code, profile);
      const main = stem(parent, profile);
      if (own !== undefined && main !== undefined && own !== main) {
        out.push({ file, code: 'code/parent-mismatch', path: '/parent', args: { value: parent, code } });
      }
    }
    return out;
  },
});
