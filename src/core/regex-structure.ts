/**
 * A static look at the structure of a regular expression from a profile or a mapping, for what
 * `safe-regex2` lets through but can still backtrack for seconds on one short value: alternation or a
 * quantifier inside a group that is itself repeated (`(?:[0-9A-Z]|[0-9])*`, `(?:ab?)+`), and many
 * unbounded quantifiers in one pattern (`.*a.*b.*c`, polynomial in the length). Pure: it reads the
 * pattern's text (JavaScript syntax), never runs it.
 */
import isSafeRegex from 'safe-regex2';

export type RegexStructureProblem =
  /** A group repeated more than once holds an alternation. */
  | 'repeated-alternation'
  /** A group repeated more than once holds a quantifier. */
  | 'repeated-quantifier'
  /** More than MAX_UNBOUNDED quantifiers without an upper bound (`*`, `+`, `{n,}`). */
  | 'unbounded-quantifiers';

/** Unbounded quantifiers one pattern may have. */
export const MAX_UNBOUNDED = 2;

interface Frame {
  alternation: boolean;
  quantifier: boolean;
}

/** An atom just read, which a quantifier may follow: a group (with what it holds) or anything else. */
type Atom = { group: Frame } | { group?: undefined } | undefined;

/** `{n}`, `{n,}` or `{n,m}` at `i`: its bounds and its length; undefined when `{` is a literal there. */
function braces(pattern: string, i: number): { max: number; length: number } | undefined {
  const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i, i + 24));
  if (!match) return undefined;
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
  return { max, length: match[0].length };
}

/** Index just after the escape that starts at `i` (a backslash). */
function afterEscape(pattern: string, i: number): number {
  const next = pattern[i + 1];
  if ((next === 'u' || next === 'p' || next === 'P') && pattern[i + 2] === '{') {
    const end = pattern.indexOf('}', i + 3);
    return end < 0 ? pattern.length : end + 1;
  }
  if (next === 'k' && pattern[i + 2] === '<') {
    const end = pattern.indexOf('>', i + 3);
    return end < 0 ? pattern.length : end + 1;
  }
  return i + 2;
}

/** Index just after the character class that starts at `i` (`[`). */
function afterClass(pattern: string, i: number): number {
  let j = i + 1;
  if (pattern[j] === '^') j++;
  while (j < pattern.length && pattern[j] !== ']') j = pattern[j] === '\\' ? afterEscape(pattern, j) : j + 1;
  return j + 1;
}

/**
 * The first structural problem of `pattern`, or undefined. A pattern that does not compile is not judged
 * here (the caller reports it as it is).
 */
export function regexStructureProblem(pattern: string): RegexStructureProblem | undefined {
  const stack: Frame[] = [{ alternation: false, quantifier: false }];
  let atom: Atom;
  let unbounded = 0;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    const frame = stack[stack.length - 1] as Frame;
    let max: number | undefined;
    let length = 1;
    if (c === '*' || c === '+') max = Infinity;
    else if (c === '?') max = 1;
    else if (c === '{') {
      const b = braces(pattern, i);
      if (b) ({ max, length } = b);
    }
    if (max !== undefined && atom !== undefined) {
      // A quantifier (its lazy `?` skipped): what it repeats decides whether the repetition is safe.
      if (pattern[i + length] === '?') length++;
      if (max === Infinity && ++unbounded > MAX_UNBOUNDED) return 'unbounded-quantifiers';
      if (max > 1 && atom.group) {
        if (atom.group.alternation) return 'repeated-alternation';
        if (atom.group.quantifier) return 'repeated-quantifier';
      }
      frame.quantifier = true;
      atom = undefined;
      i += length;
      continue;
    }
    if (c === '\\') {
      atom = {};
      i = afterEscape(pattern, i);
    } else if (c === '[') {
      atom = {};
      i = afterClass(pattern, i);
    } else if (c === '(') {
      stack.push({ alternation: false, quantifier: false });
      atom = undefined;
      // Past `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!` and `(?<name>`.
      if (pattern[i + 1] !== '?') i += 1;
      else if (pattern[i + 2] === '<' && pattern[i + 3] !== '=' && pattern[i + 3] !== '!') {
        const end = pattern.indexOf('>', i + 3);
        i = end < 0 ? pattern.length : end + 1;
      } else i += pattern[i + 2] === '<' ? 4 : 3;
    } else if (c === ')') {
      const closed = stack.length > 1 ? (stack.pop() as Frame) : { alternation: false, quantifier: false };
      const parent = stack[stack.length - 1] as Frame;
      // What a group holds, its inner groups included, counts for a group around it.
      parent.alternation ||= closed.alternation;
      parent.quantifier ||= closed.quantifier;
      atom = { group: closed };
      i += 1;
    } else if (c === '|') {
      frame.alternation = true;
      atom = undefined;
      i += 1;
    } else {
      atom = c === '^' || c === '$' ? undefined : {};
      i += 1;
    }
  }
  return undefined;
}

/**
 * Whether a pattern from a profile or a mapping may run on catalogue values: `safe-regex2` finds no
 * nested repetition (star height above 1) and the structure above shows none of its problems.
 */
export function isSafePattern(pattern: string): boolean {
  return isSafeRegex(pattern) && regexStructureProblem(pattern) === undefined;
}
