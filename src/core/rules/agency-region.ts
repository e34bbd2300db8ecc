/**
 * The region inside the agency's USCC: a real GB/T 2260 code, and within the catalog's region.
 * A retired code is normal for an agency registered before a boundary change, so it is only noted.
 * Central bodies (海关, 税务, 国家部委 and their branches) are registered under 100000, the whole country:
 * a valid region for an agency anywhere.
 */
import { checkUscc, usccRegion } from '../codes/uscc.js';
import { regionContains } from '../regions.js';
import { itemRule, type RuleFinding } from './rule.js';

/** The region of bodies registered by the central government (GB 32100 registration of 中央机关). */
const CENTRAL = '100000';

/** The codes this rule reports. */
type Code = 'uscc/region-unknown' | 'uscc/region-retired' | 'agency/outside-region';

export const agencyRegion = itemRule({
  id: 'agency-region',
  scope: 'item',
  appliesTo: ['implementation'],
  codes: ['uscc/region-unknown', 'uscc/region-retired', 'agency/outside-region'],
  check(item, { regions, catalog }) {
    const uscc = item.agency?.uscc;
    if (uscc === undefined) return [];
    const problem = checkUscc(uscc);
    if (problem && problem.kind !== 'check-char' && problem.kind !== 'org-check') return [];
    const path = '/agency/uscc';
    const code = usccRegion(uscc);
    if (code === CENTRAL) return [];
    const region = regions.get(code);
    if (!region) return [{ code: 'uscc/region-unknown', path, args: { region: code } }];
    const out: RuleFinding<Code>[] = [];
    if (!region.active)
      out.push({
        code: 'uscc/region-retired',
        path,
        args: { region: code, name: region.fullName, successor: region.successor ?? '—' },
      });
    // An unknown catalog region is reported on catalog.yaml; comparing against it would only add noise.
    const catalogRegion = catalog.meta.region;
    const current = region.active ? code : (region.successor ?? code);
    const comparable = catalogRegion !== undefined && regions.get(catalogRegion) !== undefined;
    if (comparable && !regionContains(catalogRegion, code) && !regionContains(catalogRegion, current)) {
      out.push({ code: 'agency/outside-region', path, args: { region: code, name: region.fullName, catalogRegion } });
    }
    return out;
  },
});
