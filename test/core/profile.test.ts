import { describe, expect, it } from 'vitest';
import {
  checkImplementationCode,
  levelForDigit,
  parseBasicCode,
  splitImplementationCode,
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
    expect(splitImplementationCode('11440232MB2D06811W4000117051000', national)).toEqual({
      uscc: '11440232MB2D06811W',
      levelDigit: '4',
      basicCode: '000117051000',
    });
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
