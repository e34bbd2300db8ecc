import { describe, expect, it } from 'vitest';
import { suggestCode, toHalfWidth } from '../../src/core/text.js';

describe('code text normalisation', () => {
  it('turns full-width digits and letters into ASCII', () => expect(toHalfWidth('０００１Ｙ')).toBe('0001Y'));
  it('suggests the upper-case, half-width, trimmed form', () =>
    expect(suggestCode(' ００010000300y')).toBe('00010000300Y'));
  it('suggests nothing for a code that is already normal', () => expect(suggestCode('00010000300Y')).toBeUndefined());
});
