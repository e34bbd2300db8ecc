/**
 * An implementation item's codes: its basic code is well formed, and its implementation code is
 * agency USCC + level digit + basic code (+ handling item), each part agreeing with the item itself.
 */
import { checkBasicCodeForm, codeProblemFinding, notNormalised } from '../codes/code-findings.js';
import { checkImplementationCode, levelForDigit, splitImplementationCode, typeCodeFor } from '../codes/profile.js';
import { itemRule, type RuleFinding } from './rule.js';

/** The codes this rule reports. */
type Code =
  | 'code/not-normalised'
  | 'code/basic-length'
  | 'code/basic-segment'
  | 'code/basic-type'
  | 'code/impl-length'
  | 'code/impl-segment'
  | 'code/impl-shape'
  | 'code/impl-agency-check'
  | 'code/impl-agency-id'
  | 'code/impl-agency'
  | 'code/impl-basic'
  | 'code/impl-level';

export const implementationCode = itemRule({
  id: 'implementation-code',
  scope: 'item',
  appliesTo: ['implementation'],
  codes: [
    'code/not-normalised',
    'code/basic-length',
    'code/basic-segment',
    'code/basic-type',
    'code/impl-length',
    'code/impl-segment',
    'code/impl-shape',
    'code/impl-agency-check',
    'code/impl-agency-id',
    'code/impl-agency',
    'code/impl-basic',
    'code/impl-level',
  ],
  check(item, { profile }) {
    const basic = item.basicCode === undefined ? undefined : checkBasicCodeForm(item.basicCode, '/basicCode', profile);
    const out: RuleFinding<Code>[] = basic ? [...basic.findings] : [];
    // The basic code's type segment names the item's type (a province numbers its own items' types its own
    // way: typeCodesByOrigin), with or without a basic catalog to compare with.
    const values = basic?.values;
    const typeCode = item.type === undefined ? undefined : typeCodeFor(profile, values?.origin, item.type);
    if (typeCode !== undefined && values?.type !== undefined && values.type !== typeCode)
      out.push({
        code: 'code/basic-type',
        path: '/basicCode',
        args: { value: item.basicCode ?? '', actual: values.type, expected: typeCode, type: item.type ?? '' },
      });
    if (item.code === undefined) return out;
    const normalise = notNormalised(item.code, '/code');
    if (normalise) return [...out, normalise];
    // A wrong code is reported once, by its first wrong segment (a wrong USCC in it: here, not also as the agency's).
    const problem = checkImplementationCode(item.code, profile);
    if (problem) return [...out, codeProblemFinding(problem, item.code, '/code', 'impl')];
    const parts = splitImplementationCode(item.code, profile);
    if (!parts) return out;
    const uscc = item.agency?.uscc;
    // An organisation code in the agency's place is the USCC's characters 9–17.
    const agencyInCode = parts.agencyKind === 'org' ? uscc?.slice(8, 17) : uscc;
    if (uscc !== undefined && agencyInCode !== parts.agencyId) {
      out.push({ code: 'code/impl-agency', path: '/code', args: { actual: parts.agencyId, expected: uscc } });
    }
    if (item.basicCode !== undefined && parts.basicCode !== item.basicCode) {
      out.push({ code: 'code/impl-basic', path: '/code', args: { actual: parts.basicCode, expected: item.basicCode } });
    }
    const level = parts.levelDigit === undefined ? undefined : levelForDigit(profile, parts.levelDigit);
    if (level !== undefined && item.levels !== undefined && !item.levels.includes(level)) {
      out.push({
        code: 'code/impl-level',
        path: '/code',
        args: { digit: parts.levelDigit ?? '', level, levels: item.levels.join('、') },
      });
    }
    return out;
  },
});
