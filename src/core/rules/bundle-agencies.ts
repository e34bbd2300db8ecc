/**
 * A bundle's lead agency (牵头部门) and assisting agencies (配合部门): valid USCCs, each implementing at
 * least one member (an agency with no part in the matter is a wrong name or a stale list), and every
 * member's agency among them (one missing from the list is not told it takes part). Agencies are matched
 * by USCC, which names them unambiguously where names vary (深圳市卫健委 / 深圳市卫生健康委员会).
 */
import { checkUscc } from '../codes/uscc.js';
import { toPointer } from '../pointer.js';
import { bundleRule, type RuleFinding } from './rule.js';
import { usccFindings, type UsccCode } from './uscc-check.js';

type Code = UsccCode | 'bundle/agency-no-member' | 'bundle/agency-not-listed';

export const bundleAgencies = bundleRule({
  id: 'bundle-agencies',
  scope: 'bundle',
  codes: [
    'code/not-normalised',
    'uscc/length',
    'uscc/character',
    'uscc/check-char',
    'uscc/org-check',
    'bundle/agency-no-member',
    'bundle/agency-not-listed',
  ],
  check(bundle, { members }) {
    const out: RuleFinding<Code>[] = [];
    const agencies = [
      { agency: bundle.lead, role: 'bundle.lead', at: ['lead'] },
      ...(bundle.assisting ?? []).map((agency, i) => ({ agency, role: 'bundle.assisting', at: ['assisting', i] })),
    ];
    for (const { agency, at } of agencies) out.push(...usccFindings(agency.uscc, toPointer([...at, 'uscc'])));
    // Which agency implements what can be said only when every member is a readable item of the list whose
    // USCC is valid: a mistyped one is reported on the item, and would only echo here as a mismatch.
    const items = bundle.members.map((m) => members.get(m.code));
    if (items.some((item) => !item?.agency || checkUscc(item.agency.uscc) !== undefined)) return out;
    const implementing = new Set(items.map((item) => item?.agency?.uscc));
    for (const { agency, role, at } of agencies) {
      if (!implementing.has(agency.uscc))
        out.push({
          code: 'bundle/agency-no-member',
          path: toPointer([...at, 'uscc']),
          args: { role, name: agency.name, uscc: agency.uscc },
        });
    }
    const listed = new Set(agencies.map((a) => a.agency.uscc));
    bundle.members.forEach((member, index) => {
      const agency = items[index]?.agency;
      if (agency && !listed.has(agency.uscc))
        out.push({
          code: 'bundle/agency-not-listed',
          path: toPointer(['members', index, 'code']),
          args: { member: items[index]?.name ?? member.code, name: agency.name, uscc: agency.uscc },
        });
    });
    return out;
  },
});
