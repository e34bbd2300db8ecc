import { describe, expect, it } from 'vitest';
import { checkUscc, orgCodeCheckChar, usccCheckChar, usccRegion } from '../../src/core/codes/uscc.js';

describe('USCC (GB 32100) and organisation code (GB 11714)', () => {
  it.each([
    '11440232MB2D06811W',
    '12441500196720244T',
    '11511301008778183N',
    '115113010833722043',
    '91350100M000100Y43',
  ])('accepts the real code %s', (code) => expect(checkUscc(code)).toBeUndefined());

  it('names the right check character for a wrong one', () => {
    expect(checkUscc('11310000002421349L')).toEqual({ kind: 'check-char', expected: 'J', actual: 'L' });
    expect(usccCheckChar('11310000002421349')).toBe('J');
  });

  it('finds a wrong organisation-code check behind a right USCC check', () => {
    // Body 09719080 checks to 7; with 1 in its place and the USCC check recomputed, only GB 11714 fails.
    const first17 = '1144030009719080' + '1';
    expect(checkUscc(first17 + usccCheckChar(first17))).toEqual({ kind: 'org-check', expected: '7', actual: '1' });
  });

  it('maps organisation checks of 10 and 11 to X and 0', () => {
    expect(orgCodeCheckChar('01234509')).toBe('X');
    expect(orgCodeCheckChar('MB2D0681')).toBe('1');
  });

  it('rejects letters GB 32100 never uses, and wrong lengths', () => {
    expect(checkUscc('11440232MB2D06811I')).toEqual({ kind: 'character', index: 18, char: 'I' });
    expect(checkUscc('11440232MB2D0681')).toEqual({ kind: 'length', actual: 16 });
  });

  it('reads the region code', () => expect(usccRegion('11440232MB2D06811W')).toBe('440232'));
});
