import { describe, expect, it } from 'vitest';
import { normalisePhones, parsePhones } from '../../src/core/phones.js';

describe('phone cells as offices write them', () => {
  it.each([
    ['020-68631800', '020-68631800'],
    ['02068631800', '020-68631800'],
    ['0755 1234 5678', '0755-12345678'],
    ['0755-8888-0000', '0755-88880000'],
    ['（020）68631800', '020-68631800'],
    ['(0755)12345678', '0755-12345678'],
    ['咨询电话：020-68631800', '020-68631800'],
    ['0755-12345678转123', '0755-12345678转123'],
    ['020-83130000-123', '020-83130000转123'],
    ['０２０－６８６３１８００', '020-68631800'],
    ['12345', '12345'],
    ['400-123-4567', '400-123-4567'],
    ['8001234567', '800-123-4567'],
    ['95598', '95598'],
    ['0755-12366', '0755-12366'],
    ['13812345678', '13812345678'],
    ['020-68631800；020-68631801', '020-68631800；020-68631801'],
    ['12315、12345', '12315；12345'],
    ['028-85487918或12345', '028-85487918；12345'],
  ])('%s → %s', (cell, expected) => {
    expect(normalisePhones(cell)).toEqual({ value: expected });
  });

  it('names a local number without its area code, and text that is no number', () => {
    expect(parsePhones('68631800')).toEqual([{ ok: false, text: '68631800', problem: 'area-code' }]);
    expect(normalisePhones('020-68631800；68631801')).toEqual({ problem: '68631801' });
    expect(parsePhones('见窗口公示')[0]).toMatchObject({ ok: false, problem: 'not-a-number' });
    expect(parsePhones('0999-12345678')[0]).toMatchObject({ ok: true, kind: 'landline' });
    expect(parsePhones('0755-123')[0]).toMatchObject({ ok: false });
  });

  it('is empty for an empty cell', () => {
    expect(parsePhones('  ')).toEqual([]);
    expect(normalisePhones('')).toBeUndefined();
  });

  it('stays linear on a long hostile cell', () => {
    const started = performance.now();
    parsePhones('0'.repeat(50_000) + '转'.repeat(50_000) + '：'.repeat(10_000));
    expect(performance.now() - started).toBeLessThan(500);
  });
});
