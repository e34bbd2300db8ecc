import { describe, expect, it } from 'vitest';
import { profileForCatalog, profileForCode } from '../../src/core/codes/pick-profile.js';
import {
  checkImplementationCode,
  levelForDigit,
  parseBasicCode,
  profileProblems,
  splitImplementationCode,
  typeCodesFor,
} from '../../src/core/codes/profile.js';
import { loadBuiltinProfile } from '../../src/io/reference-files.js';

const national = loadBuiltinProfile('national');

describe('national code profile', () => {
  it('splits a basic code into named segments', () => {
    expect(parseBasicCode('000117051000', national)).toEqual({
      values: { origin: '00', type: '01', main: '17051', sub: '000' },
    });
    expect(parseBasicCode('440102002003', national)).toEqual({
      values: { origin: '44', type: '01', main: '02002', sub: '003' },
    });
  });

  it('accepts Y as the last character of a main item with sub-items', () => {
    expect(parseBasicCode('00010000300Y', national)).toMatchObject({ values: { sub: '00Y' } });
  });

  it('says which segment is wrong and where', () => {
    expect(parseBasicCode('0001A0001000', national)).toMatchObject({
      problem: { kind: 'segment', segment: { name: 'main' }, value: 'A0001', offset: 4 },
    });
    expect(parseBasicCode('0001000010', national)).toEqual({ problem: { kind: 'length', expected: '12', actual: 10 } });
  });

  it('splits implementation codes of 31 and 33 characters', () => {
    expect(splitImplementationCode('11440232MB2D06811W4000117051000', national)).toMatchObject({
      layout: 'national',
      agencyId: '11440232MB2D06811W',
      agencyKind: 'uscc',
      uscc: '11440232MB2D06811W',
      levelDigit: '4',
      basicCode: '000117051000',
    });
    expect(splitImplementationCode('11440232MB2D06811W4000117051000', national)?.handlingItem).toBeUndefined();
    expect(splitImplementationCode('12441500196720244T344219980600301', national)).toMatchObject({
      basicCode: '442199806003',
      handlingItem: '01',
    });
    expect(checkImplementationCode('12441500196720244T3442199806003', national)).toBeUndefined();
  });

  it('finds a bad agency part, level digit or basic part', () => {
    expect(checkImplementationCode('11440232MB2D06811X4000117051000', national)).toMatchObject({
      segment: { name: 'agency' },
    });
    expect(checkImplementationCode('11440232MB2D06811W9000117051000', national)).toMatchObject({
      segment: { name: 'level' },
      offset: 18,
    });
    expect(checkImplementationCode('11440232MB2D06811W4000117051X00', national)).toMatchObject({
      segment: { name: 'sub' },
      offset: 28,
    });
    expect(checkImplementationCode('11440232MB2D06811W400011705100', national)).toMatchObject({
      kind: 'length',
      expected: '31/33',
      actual: 30,
    });
  });

  it('names the level of a level digit', () => {
    expect(levelForDigit(national, '3')).toBe('市级');
    expect(levelForDigit(national, '8')).toBeUndefined();
  });
});

describe('regional profiles', () => {
  const guangdong = loadBuiltinProfile('guangdong');
  const sichuan = loadBuiltinProfile('sichuan');
  const candidates = [national, guangdong, sichuan];

  it('guangdong extends national, with its own type codes for its own items only', () => {
    expect(guangdong.basicCode).toEqual(national.basicCode);
    expect(typeCodesFor(guangdong, '44')).toMatchObject({ 其他行政权力: '20', 公共服务: '21' });
    expect(typeCodesFor(guangdong, '00')).toMatchObject({ 公共服务: '20' });
  });

  it('sichuan reads hyphenated codes: basic code (12–14 characters or G-…), region, 000, agency id, 1, handling item', () => {
    expect(splitImplementationCode('G-000007-001-510107000000-000-11510107139832573C-1-02', sichuan)).toMatchObject({
      layout: '四川连字符编码',
      basicCode: 'G-000007-001',
      region: '510107000000',
      agencyKind: 'uscc',
      uscc: '11510107139832573C',
      handlingItem: '02',
    });
    expect(checkImplementationCode('00010000100099-510107000000-000-139753381-1-00', sichuan)).toBeUndefined();
    // The organisation code as it is printed, with a hyphen before its check character.
    expect(checkImplementationCode('00010000100099-510107000000-000-13975338-1-1-00', sichuan)).toBeUndefined();
    expect(checkImplementationCode('000100001000-510107000000-000-13975338-2-1-00', sichuan)).toMatchObject({
      segment: { name: 'agency' },
      detail: { kind: 'org-check', expected: '1', actual: '2' },
    });
    // An organisation code whose check character is wrong, and an id that is neither.
    expect(checkImplementationCode('000100001000-510107000000-000-139753382-1-00', sichuan)).toMatchObject({
      segment: { name: 'agency' },
      detail: { kind: 'org-check', expected: '1', actual: '2' },
    });
    expect(checkImplementationCode('000100001000-510107000000-000-5101070-ABC-1-00', sichuan)).toMatchObject({
      segment: { name: 'agency' },
      value: '5101070-ABC',
      offset: 30,
      detail: { kind: 'not-an-id' },
    });
    // National codes are still read, and a code of neither shape is said to fit no layout.
    expect(checkImplementationCode('11440232MB2D06811W4000117051000', sichuan)).toBeUndefined();
    expect(checkImplementationCode('000100001000-51', sichuan)).toMatchObject({ kind: 'shape', actual: 15 });
    expect(parseBasicCode('G-000007-001', sichuan)).toEqual({ values: {} });
    expect('problem' in parseBasicCode('G-000007-001', national)).toBe(true);
  });

  it('--profile auto picks the profile by a code’s own shape and origin', () => {
    expect(profileForCode('442100002000', national, candidates).id).toBe('guangdong');
    expect(profileForCode('11440000194790433Q2442100002000', national, candidates).id).toBe('guangdong');
    expect(profileForCode('000100001000', national, candidates).id).toBe('national');
    expect(profileForCode('000100001000-510107000000-000-139753381-1-00', national, candidates).id).toBe('sichuan');
    expect(profileForCatalog({ kind: 'implementation', region: '440300' }, national, candidates).id).toBe('guangdong');
    expect(profileForCatalog({ kind: 'basic', origin: '00' }, national, candidates).id).toBe('national');
    expect(profileForCatalog(undefined, national, candidates).id).toBe('national');
  });

  it('checks the patterns and type codes of every table', () => {
    expect(profileProblems({ ...guangdong, typeCodesByOrigin: { '44': { 公共服务: '021' } } })).toEqual([
      expect.objectContaining({ code: 'profile/type-code', path: '/typeCodesByOrigin/44/公共服务' }),
    ]);
    expect(
      profileProblems({
        ...sichuan,
        implementationCode: { ...sichuan.implementationCode, layouts: [{ name: 'x', pattern: '(a+)+', groups: {} }] },
      }),
    ).toEqual([
      expect.objectContaining({ code: 'profile/pattern-unsafe', path: '/implementationCode/layouts/0/pattern' }),
    ]);
  });
});
