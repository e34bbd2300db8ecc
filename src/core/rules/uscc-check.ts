/** The implementing (and entrusting) body's 统一社会信用代码: GB 32100 check character and GB 11714 organisation-code check. */
import { splitImplementationCode, type CodeProfile } from '../codes/profile.js';
import { checkUscc } from '../codes/uscc.js';
import { suggestCode } from '../text.js';
import { itemRule, type RuleFinding } from './rule.js';

/** The codes this rule reports. */
export type UsccCode = 'code/not-normalised' | 'uscc/length' | 'uscc/character' | 'uscc/check-char' | 'uscc/org-check';

/** Why a USCC is wrong, at `path`; also used for the agencies a bundle names. */
export function usccFindings(uscc: string, path: string): RuleFinding<UsccCode>[] {
  const suggestion = suggestCode(uscc);
  if (suggestion !== undefined && !checkUscc(suggestion)) {
    return [{ code: 'code/not-normalised', path, args: { value: uscc, suggestion } }];
  }
  const problem = checkUscc(uscc);
  if (!problem) return [];
  switch (problem.kind) {
    case 'length':
      return [{ code: 'uscc/length', path, args: { value: uscc, actual: problem.actual } }];
    case 'character':
      return [{ code: 'uscc/character', path, args: { value: uscc, char: problem.char, position: problem.index } }];
    case 'check-char':
      return [
        { code: 'uscc/check-char', path, args: { value: uscc, expected: problem.expected, actual: problem.actual } },
      ];
    case 'org-check':
      return [
        { code: 'uscc/org-check', path, args: { value: uscc, expected: problem.expected, actual: problem.actual } },
      ];
  }
}

/** Whether the item's code holds `uscc` as its agency segment (and so reports a wrong one itself). */
function inCode(code: string | undefined, uscc: string, profile: CodeProfile): boolean {
  return code !== undefined && splitImplementationCode(code, profile)?.uscc === uscc;
}

export const usccCheck = itemRule({
  id: 'uscc-check',
  scope: 'item',
  appliesTo: ['implementation'],
  codes: ['code/not-normalised', 'uscc/length', 'uscc/character', 'uscc/check-char', 'uscc/org-check'],
  check(item, { profile }) {
    const out: RuleFinding<UsccCode>[] = [];
    const uscc = item.agency?.uscc;
    // The USCC written in the implementation code too is checked there, once, naming the code's segment.
    if (uscc !== undefined && !inCode(item.code, uscc, profile)) out.push(...usccFindings(uscc, '/agency/uscc'));
    const entrusted = item.entrustedAgency?.uscc;
    if (entrusted !== undefined) out.push(...usccFindings(entrusted, '/entrustedAgency/uscc'));
    return out;
  },
});
