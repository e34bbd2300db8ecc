/**
 * 同一事项、同一标准: an implementation item implements an item that exists in its basic catalog,
 * under the same name and type, at levels the basic item allows.
 */
import { sameItemName } from '../item-names.js';
import { itemRule, type RuleFinding } from './rule.js';

/** The codes this rule reports. */
type Code =
  'basic/unknown-code' | 'basic/name-mismatch' | 'basic/type-mismatch' | 'basic/level-mismatch' | 'basic/cancelled';

export const basicConformance = itemRule({
  id: 'basic-conformance',
  scope: 'item',
  appliesTo: ['implementation'],
  codes: [
    'basic/unknown-code',
    'basic/name-mismatch',
    'basic/type-mismatch',
    'basic/level-mismatch',
    'basic/cancelled',
  ],
  check(item, { basicItems }) {
    // Without a readable basic catalog there is nothing to compare with; that is reported on catalog.yaml.
    if (!basicItems || item.basicCode === undefined) return [];
    const basic = basicItems.get(item.basicCode);
    if (!basic) return [{ code: 'basic/unknown-code', path: '/basicCode', args: { value: item.basicCode } }];
    const standard = basic.data;
    const out: RuleFinding<Code>[] = [];
    // An element missing on either side is a completeness finding of its own, not a disagreement.
    if (item.name !== undefined && standard.name !== undefined && !sameItemName(item.name, standard.name, item))
      out.push({
        code: 'basic/name-mismatch',
        path: '/name',
        args: { actual: item.name, expected: standard.name, file: basic.file },
      });
    if (item.type !== undefined && standard.type !== undefined && item.type !== standard.type)
      out.push({
        code: 'basic/type-mismatch',
        path: '/type',
        args: { actual: item.type, expected: standard.type, file: basic.file },
      });
    const allowed = standard.levels;
    if (allowed)
      item.levels?.forEach((level, index) => {
        if (!allowed.includes(level)) {
          out.push({
            code: 'basic/level-mismatch',
            path: `/levels/${index}`,
            args: { level, allowed: allowed.join('、') },
          });
        }
      });
    if (standard.status === '取消')
      out.push({ code: 'basic/cancelled', path: '/basicCode', args: { value: item.basicCode } });
    return out;
  },
});
