import { describe, expect, it } from 'vitest';
import { regionContains } from '../../src/core/regions.js';
import { loadRegions } from '../../src/io/reference-files.js';

describe('GB/T 2260 regions', () => {
  const regions = loadRegions();

  it('knows current codes with their full names', () => {
    expect(regions.get('440106')).toMatchObject({ active: true, fullName: '广东省 广州市 天河区' });
    expect(regions.get('110101')).toMatchObject({ active: true, fullName: '北京市 东城区' });
  });

  it('knows retired codes and their successors', () => {
    expect(regions.get('110103')).toMatchObject({ name: '崇文区', active: false, successor: '110101' });
  });

  it('prefers the current entry of a code that was retired and reused', () => {
    expect(regions.get('120110')?.active).toBe(true);
  });

  it('does not know made-up codes', () => expect(regions.get('449999')).toBeUndefined());

  it('contains by province, prefecture and county', () => {
    expect(regionContains('440000', '440304')).toBe(true);
    expect(regionContains('440300', '440304')).toBe(true);
    expect(regionContains('440300', '440104')).toBe(false);
    expect(regionContains('440304', '440304')).toBe(true);
    expect(regionContains('440304', '440305')).toBe(false);
  });
});
