import { describe, expect, it } from 'vitest';
import { normalisePhones, parsePhones } from '../../src/core/phones.js';
import { contacts } from '../../src/core/rules/contacts.js';

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
    // 400/800 numbers in every grouping offices write, always stored 3-3-4.
    ['400-830-8888', '400-830-8888'],
    ['4008-123-123', '400-812-3123'],
    ['4008123123', '400-812-3123'],
    ['800-8123123', '800-812-3123'],
    // A note in brackets after a number is kept with it; an area code in brackets still works.
    ['020-12345678（工作日9:00-17:00）', '020-12345678（工作日9:00-17:00）'],
    ['(020)12345678', '020-12345678'],
    ['（020）12345678（总机）', '020-12345678（总机）'],
    ['020-12345678（工作日，9:00-17:00）；12345', '020-12345678（工作日，9:00-17:00）；12345'],
    // Extensions are kept on service numbers dialled with their area code, as on landlines.
    ['028-12345转1', '028-12345转1'],
    ['12366转3', '12366转3'],
    ['020-83130000转123（人工）', '020-83130000转123（人工）'],
  ])('%s → %s', (cell, expected) => {
    expect(normalisePhones(cell)).toEqual({ value: expected });
  });

  it('names a local number without its area code, and text that is no number', () => {
    expect(parsePhones('68631800')).toEqual([{ ok: false, text: '68631800', problem: 'area-code' }]);
    expect(normalisePhones('020-68631800；68631801')).toEqual({ problem: '68631801' });
    expect(parsePhones('见窗口公示')[0]).toMatchObject({ ok: false, problem: 'not-a-number' });
    expect(parsePhones('0999-12345678')[0]).toMatchObject({ ok: true, kind: 'landline' });
    expect(parsePhones('0755-123')[0]).toMatchObject({ ok: false });
    // Other groupings of ten digits are not a 400 number, and a note alone is no number.
    expect(parsePhones('40-0812-3123')[0]).toMatchObject({ ok: false });
    expect(parsePhones('4008-1231-23')[0]).toMatchObject({ ok: false });
    expect(parsePhones('（工作日）')[0]).toMatchObject({ ok: false, problem: 'not-a-number' });
    expect(parsePhones('68631800（工作日）')[0]).toMatchObject({ ok: false, problem: 'area-code' });
  });

  it('is empty for an empty cell', () => {
    expect(parsePhones('  ')).toEqual([]);
    expect(normalisePhones('')).toBeUndefined();
  });

  it('validate reads a noted number, a grouped 400 number and an extension as phones', () => {
    const item = {
      contacts: {
        consultation: { phone: '028-85072345（工作日）；4008-123-123' },
        complaint: { phone: '028-12345转1' },
      },
    };
    const check = contacts.check as unknown as (item: unknown, context: unknown) => { code: string }[];
    expect(check(item, {})).toEqual([]);
    expect(check({ contacts: { ...item.contacts, complaint: { phone: '见窗口（工作日）' } } }, {})).toEqual([
      expect.objectContaining({ code: 'contact/not-a-phone' }),
    ]);
  });

  it('parses a noted number into its parts', () => {
    expect(parsePhones('028-85072345（工作日）')).toEqual([
      { ok: true, text: '028-85072345（工作日）', kind: 'landline', number: '028-85072345', note: '（工作日）' },
    ]);
  });

  it('stays linear on a long hostile cell', () => {
    const started = performance.now();
    parsePhones('0'.repeat(50_000) + '转'.repeat(50_000) + '：'.repeat(10_000));
    parsePhones('（'.repeat(50_000) + '；'.repeat(50_000) + '）'.repeat(50_000));
    expect(performance.now() - started).toBeLessThan(500);
  });
});
