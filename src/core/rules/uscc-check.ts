/** The implementing (and entrusting) body's 统一社会信用代码: GB 32100 check character and GB 11714 organisation-code check. */
import { checkUscc } from '../codes/uscc.js';
import { suggestCode } from '../text.js';
import { itemRule, type RuleFinding } from './rule.js';

/** The codes this rule reports. */
type Code = 'code/not-normalised' | 'uscc/length' | 'uscc/character' | 'uscc/check-char' | 'uscc/org-check';

function usccFindings(uscc: string, path: string): RuleFinding<Code>[] {
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

export const usccCheck = itemRule({
  id: 'uscc-check',
  scope: 'item',
  appliesTo: ['implementation'],
  codes: ['code/not-normalised', 'uscc/length', 'uscc/character', 'uscc/check-char', 'uscc/org-check'],
  check(item) {
    const out = usccFindings(item.agency.uscc, '/agency/uscc');
    if (item.entrustedAgency) out.push(...usccFindings(item.entrustedAgency.uscc, '/entrustedAgency/uscc'));
    return out;
  },
});
