/** catalog.yaml itself: its region code exists and is current; a basic catalog's origin is 00 or a province. */
import { catalogRule, type FileFinding } from './rule.js';

export const catalogMeta = catalogRule({
  id: 'catalog-meta',
  scope: 'catalog',
  codes: ['region/unknown', 'region/retired', 'catalog/origin'],
  check(catalog, { regions }) {
    const { meta, file } = catalog;
    const out: FileFinding<'region/unknown' | 'region/retired' | 'catalog/origin'>[] = [];
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
    return out;
  },
});
