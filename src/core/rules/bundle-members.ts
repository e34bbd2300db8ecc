/**
 * A bundle's members: at least two, each an item of the list that is not retired, none twice; and the
 * form fields and materials name only members. A retired member names what replaced it, so the fix is
 * plain (or `tongban code retire|merge|split --update-bundles` makes it).
 */
import { toPointer } from '../pointer.js';
import { bundleRule, type RuleFinding } from './rule.js';

type Code =
  | 'bundle/too-few-members'
  | 'bundle/member-unknown'
  | 'bundle/member-retired'
  | 'bundle/member-duplicate'
  | 'bundle/not-a-member';

export const bundleMembers = bundleRule({
  id: 'bundle-members',
  scope: 'bundle',
  codes: [
    'bundle/too-few-members',
    'bundle/member-unknown',
    'bundle/member-retired',
    'bundle/member-duplicate',
    'bundle/not-a-member',
  ],
  check(bundle, { members, retired }) {
    const out: RuleFinding<Code>[] = [];
    if (bundle.members.length < 2)
      out.push({ code: 'bundle/too-few-members', path: '/members', args: { count: bundle.members.length } });
    const seen = new Map<string, number>();
    bundle.members.forEach(({ code }, index) => {
      const path = toPointer(['members', index, 'code']);
      const first = seen.get(code);
      if (first !== undefined) {
        out.push({ code: 'bundle/member-duplicate', path, args: { value: code, other: first + 1 } });
        return;
      }
      seen.set(code, index);
      const item = members.get(code);
      const retirement = retired.get(code);
      if (retirement || item?.status === '取消') {
        const replacedBy = retirement?.replacedBy.length ? retirement.replacedBy.join('、') : '';
        out.push({
          code: 'bundle/member-retired',
          path,
          args: {
            value: code,
            name: item?.name ?? '—',
            date: retirement?.date ?? '取消',
            replacedBy: replacedBy ? ` → ${replacedBy}` : '',
          },
        });
      } else if (!item) out.push({ code: 'bundle/member-unknown', path, args: { value: code } });
    });
    const check = (codes: readonly string[], at: (j: number) => string) =>
      codes.forEach((code, j) => {
        if (!seen.has(code)) out.push({ code: 'bundle/not-a-member', path: at(j), args: { value: code } });
      });
    bundle.form?.fields.forEach((field, i) =>
      check(field.usedBy, (j) => toPointer(['form', 'fields', i, 'usedBy', j])),
    );
    bundle.materials.forEach((material, i) =>
      check(material.neededBy, (j) => toPointer(['materials', i, 'neededBy', j])),
    );
    return out;
  },
});
