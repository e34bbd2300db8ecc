/** A basic item's own code: well formed under the profile, of the catalog's origin, of the item's type. */
import { checkBasicCodeForm } from '../codes/code-findings.js';
import { typeCodeFor } from '../codes/profile.js';
import { itemRule, type RuleFinding } from './rule.js';

/** The codes this rule reports. */
type Code =
  'code/not-normalised' | 'code/basic-length' | 'code/basic-segment' | 'code/basic-origin' | 'code/basic-type';

export const basicCode = itemRule({
  id: 'basic-code',
  scope: 'item',
  appliesTo: ['basic'],
  codes: ['code/not-normalised', 'code/basic-length', 'code/basic-segment', 'code/basic-origin', 'code/basic-type'],
  check(item, { profile, catalog }) {
    if (item.code === undefined) return [];
    const { findings, values } = checkBasicCodeForm(item.code, '/code', profile);
    if (!values) return findings;
    const out: RuleFinding<Code>[] = [];
    const origin = catalog.meta.origin;
    if (origin !== undefined && values.origin !== undefined && values.origin !== origin) {
      out.push({
        code: 'code/basic-origin',
        path: '/code',
        args: { value: item.code, actual: values.origin, expected: origin },
      });
    }
    const typeCode = item.type === undefined ? undefined : typeCodeFor(profile, values.origin, item.type);
    if (typeCode !== undefined && values.type !== undefined && values.type !== typeCode) {
      out.push({
        code: 'code/basic-type',
        path: '/code',
        args: { value: item.code, actual: values.type, expected: typeCode, type: item.type ?? '' },
      });
    }
    return out;
  },
});
