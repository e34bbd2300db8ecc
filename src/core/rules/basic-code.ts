/** A basic item's own code: well formed under the profile, of the catalog's origin, of the item's type. */
import { checkBasicCodeForm } from '../codes/code-findings.js';
import type { ItemRule, RuleFinding } from './rule.js';

export const basicCode: ItemRule<'basic'> = {
  id: 'basic-code',
  scope: 'item',
  appliesTo: ['basic'],
  codes: {
    'code/not-normalised': 'error',
    'code/basic-length': 'error',
    'code/basic-segment': 'error',
    'code/basic-origin': 'error',
    'code/basic-type': 'error',
  },
  check(item, { profile, catalog }) {
    if (item.code === undefined) return [];
    const { findings, values } = checkBasicCodeForm(item.code, '/code', profile);
    if (!values) return findings;
    const out: RuleFinding[] = [];
    const origin = catalog.meta.origin;
    if (origin !== undefined && values.origin !== undefined && values.origin !== origin) {
      out.push({
        code: 'code/basic-origin',
        path: '/code',
        args: { value: item.code, actual: values.origin, expected: origin },
      });
    }
    const typeCode = profile.typeCodes[item.type];
    if (typeCode !== undefined && values.type !== undefined && values.type !== typeCode) {
      out.push({
        code: 'code/basic-type',
        path: '/code',
        args: { value: item.code, actual: values.type, expected: typeCode, type: item.type },
      });
    }
    return out;
  },
};
