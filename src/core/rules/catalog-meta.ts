/**
 * catalog.yaml itself: its region code exists and is current; a basic catalog's origin is 00 or a
 * province; an implementation list without its basic catalog is noted (conformance is not checked).
 */
import { catalogRule, type FileFinding } from './rule.js';

export const catalogMeta = catalogRule({
  id: 'catalog-meta',
  scope: 'catalog',
  codes: ['region/unknown', 'region/retired', 'catalog/origin', 'catalog/no-basic'],
  check(catalog, { regions }) {
    const { meta, file } = catalog;
    const out: FileFinding<'region/unknown' | 'region/retired' | 'catalog/origin' | 'catalog/no-basic'>[] = [];
    if (meta.region !== undefined) {
      const region = regions.get(meta.region);
      if (!region) out.push({ file, code: 'region/unknown', path: '/region', args: { region: meta.region } });
      else if (!region.active) {
        out.push({
          file,
          code: 'region/retired',
          path: '/region',
          args: { region: meta.region, name: region.fullName, successor: region.successor ?? '—' },
        });
      }
    }
    if (meta.kind === 'basic' && meta.origin !== undefined) {
      const origin = meta.origin;
      const province = /^[0-9]{2}$/.test(origin) ? regions.get(origin + '0000') : undefined;
      if (origin !== '00' && !province)
        out.push({ file, code: 'catalog/origin', path: '/origin', args: { value: origin } });
    }
    // Real lists are often published without the basic catalog they implement: say what is then not checked.
    if (meta.kind === 'implementation' && meta.basic === undefined)
      out.push({ file, code: 'catalog/no-basic', path: '', args: {} });
    return out;
  },
});
