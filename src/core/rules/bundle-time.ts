/**
 * The promised limit of the whole matter is no longer than its members' promised limits added up: joining
 * items may run them in parallel and share steps, never make the applicant wait longer than applying for
 * each in turn. Limits in different units (工作日, 自然日) cannot be added, so such bundles are not judged.
 */
import { bundleRule } from './rule.js';

export const bundleTime = bundleRule({
  id: 'bundle-time',
  scope: 'bundle',
  codes: ['bundle/time-exceeds-members'],
  check(bundle, { members }) {
    const { value, unit } = bundle.promisedLimit;
    let sum = 0;
    for (const code of new Set(bundle.members.map((m) => m.code))) {
      const limit = members.get(code)?.promisedLimit;
      if (!limit || limit.unit !== unit) return [];
      sum += limit.value;
    }
    return value > sum
      ? [{ code: 'bundle/time-exceeds-members', path: '/promisedLimit/value', args: { promised: value, sum, unit } }]
      : [];
  },
});
