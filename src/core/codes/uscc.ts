/**
 * 统一社会信用代码 (GB 32100-2015) and the embedded organisation code (GB 11714).
 *
 * Layout: 1 registration authority + 1 category + 6 region (GB/T 2260) + 9 organisation code + 1 check.
 */

/** The 31 symbols of GB 32100, in value order (no I, O, S, V, Z). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** wᵢ = 3^(i−1) mod 31 for the first 17 characters. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type UsccProblem =
  | { kind: 'length'; actual: number }
  | { kind: 'character'; index: number; char: string }
  | { kind: 'check-char'; expected: string; actual: string }
  | { kind: 'org-check'; expected: string; actual: string };

export function usccCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return undefined;
    sum += value * (USCC_WEIGHTS[i] as number);
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** GB 11714: digits are 0–9, letters A=10 … Z=35; the check is 11 − (S mod 11) with 10 → X and 11 → 0. */
export function orgCodeCheckChar(body8: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = parseInt(body8.charAt(i), 36);
    if (Number.isNaN(value)) return undefined;
    sum += value * (ORG_WEIGHTS[i] as number);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** The first thing wrong with a USCC, or undefined when it is valid. */
export function checkUscc(code: string): UsccProblem | undefined {
  if (code.length !== 18) return { kind: 'length', actual: code.length };
  for (let i = 0; i < 18; i++) {
    const char = code.charAt(i);
    if (!USCC_ALPHABET.includes(char)) return { kind: 'character', index: i + 1, char };
  }
  const expected = usccCheckChar(code.slice(0, 17)) as string;
  if (code.charAt(17) !== expected) return { kind: 'check-char', expected, actual: code.charAt(17) };
  const orgExpected = orgCodeCheckChar(code.slice(8, 16));
  if (orgExpected !== undefined && code.charAt(16) !== orgExpected) {
    return { kind: 'org-check', expected: orgExpected, actual: code.charAt(16) };
  }
  return undefined;
}

/** The 6-digit GB/T 2260 region code at positions 3–8. */
export function usccRegion(code: string): string {
  return code.slice(2, 8);
}
