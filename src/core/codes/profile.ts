/**
 * Code profiles: a coding scheme described as data (schemas/profiles/*.yaml), so that regional
 * variants (other widths, other type-code tables) need a profile file, not code.
 */
import type { RuleFinding } from '../diagnostic.js';
import isSafeRegex from 'safe-regex2';
import { toPointer } from '../pointer.js';
import { checkUscc } from './uscc.js';

export interface Segment {
  name: string;
  title: string;
  length: number;
  /** A regular expression the whole segment must match. */
  pattern: string;
}

export interface CodeProfile {
  id: string;
  name: string;
  basicCode: { segments: Segment[] };
  /** 事项类型 name → the type segment of the basic code. */
  typeCodes: Record<string, string>;
  implementationCode: {
    /** 行使层级 name → the level digit that follows the agency USCC. */
    levelDigits: Record<string, string>;
    handlingItemLength: number;
  };
  /** How new items are numbered; without it the sub segment is all zeros either way. */
  assignment?: { subNone: string; subParent: string };
}

export type SegmentValues = Record<string, string>;

export type CodeProblem =
  | { kind: 'length'; expected: string; actual: number }
  | { kind: 'segment'; segment: Segment; value: string; offset: number };

export function basicCodeLength(profile: CodeProfile): number {
  return profile.basicCode.segments.reduce((sum, s) => sum + s.length, 0);
}

/** Compiled once per pattern: codes are checked for every item of every run. */
const segmentRegExps = new Map<string, RegExp>();

function segmentMatches(segment: Segment, value: string): boolean {
  let regExp = segmentRegExps.get(segment.pattern);
  if (!regExp) {
    regExp = new RegExp(`^(?:${segment.pattern})$`);
    segmentRegExps.set(segment.pattern, regExp);
  }
  return regExp.test(value);
}

/** Splits a basic code into its named segments, or says which segment is wrong. */
export function parseBasicCode(
  code: string,
  profile: CodeProfile,
): { values: SegmentValues } | { problem: CodeProblem } {
  const length = basicCodeLength(profile);
  if (code.length !== length) return { problem: { kind: 'length', expected: String(length), actual: code.length } };
  const values: SegmentValues = {};
  let offset = 0;
  for (const segment of profile.basicCode.segments) {
    const value = code.slice(offset, offset + segment.length);
    if (!segmentMatches(segment, value)) return { problem: { kind: 'segment', segment, value, offset } };
    values[segment.name] = value;
    offset += segment.length;
  }
  return { values };
}

export interface ImplementationCodeParts {
  uscc: string;
  levelDigit: string;
  basicCode: string;
  handlingItem?: string;
}

const USCC_LENGTH = 18;

export function implementationCodeLengths(profile: CodeProfile): [number, number] {
  const base = USCC_LENGTH + 1 + basicCodeLength(profile);
  return [base, base + profile.implementationCode.handlingItemLength];
}

/** Splits an implementation code into agency USCC + level digit + basic code (+ handling item). */
export function splitImplementationCode(code: string, profile: CodeProfile): ImplementationCodeParts | undefined {
  const [short, long] = implementationCodeLengths(profile);
  if (code.length !== short && code.length !== long) return undefined;
  const basicEnd = short;
  const parts: ImplementationCodeParts = {
    uscc: code.slice(0, USCC_LENGTH),
    levelDigit: code.slice(USCC_LENGTH, USCC_LENGTH + 1),
    basicCode: code.slice(USCC_LENGTH + 1, basicEnd),
  };
  if (code.length === long) parts.handlingItem = code.slice(basicEnd);
  return parts;
}

/** The first structural problem of an implementation code: length, agency part, level digit, basic part. */
export function checkImplementationCode(code: string, profile: CodeProfile): CodeProblem | undefined {
  const parts = splitImplementationCode(code, profile);
  if (!parts) {
    const [short, long] = implementationCodeLengths(profile);
    return { kind: 'length', expected: `${short}/${long}`, actual: code.length };
  }
  const agencySegment: Segment = {
    name: 'agency',
    title: '实施主体统一社会信用代码',
    length: USCC_LENGTH,
    pattern: '.*',
  };
  if (checkUscc(parts.uscc)) return { kind: 'segment', segment: agencySegment, value: parts.uscc, offset: 0 };
  const digits = Object.values(profile.implementationCode.levelDigits);
  if (!digits.includes(parts.levelDigit)) {
    const segment: Segment = { name: 'level', title: '层级码', length: 1, pattern: `[${digits.join('')}]` };
    return { kind: 'segment', segment, value: parts.levelDigit, offset: USCC_LENGTH };
  }
  const basic = parseBasicCode(parts.basicCode, profile);
  if ('problem' in basic && basic.problem.kind === 'segment') {
    return { ...basic.problem, offset: basic.problem.offset + USCC_LENGTH + 1 };
  }
  if (parts.handlingItem !== undefined && !/^[0-9]+$/.test(parts.handlingItem)) {
    const segment: Segment = {
      name: 'handlingItem',
      title: '业务办理项',
      length: parts.handlingItem.length,
      pattern: '[0-9]+',
    };
    return { kind: 'segment', segment, value: parts.handlingItem, offset: code.length - parts.handlingItem.length };
  }
  return undefined;
}

/** The level name for a level digit, e.g. '3' → '市级'. */
export function levelForDigit(profile: CodeProfile, digit: string): string | undefined {
  return Object.entries(profile.implementationCode.levelDigits).find(([, d]) => d === digit)?.[0];
}

/** What the profile schema cannot say: every pattern compiles, and type codes fit the type segment. */
export function profileProblems(profile: CodeProfile): RuleFinding[] {
  const out: RuleFinding[] = [];
  profile.basicCode.segments.forEach((segment, index) => {
    const path = toPointer(['basicCode', 'segments', index, 'pattern']);
    try {
      new RegExp(segment.pattern);
    } catch (error) {
      out.push({ code: 'profile/pattern', path, args: { pattern: segment.pattern, detail: (error as Error).message } });
      return;
    }
    // Patterns run on every code of every item: one that can backtrack catastrophically (`(a+)+`) would
    // let a single hostile code stall a run, so nested repetition is refused when the profile is read.
    if (!isSafeRegex(segment.pattern))
      out.push({ code: 'profile/pattern-unsafe', path, args: { pattern: segment.pattern } });
  });
  if (out.length) return out;
  const typeSegment = profile.basicCode.segments.find((s) => s.name === 'type');
  if (typeSegment) {
    for (const [type, code] of Object.entries(profile.typeCodes)) {
      if (code.length !== typeSegment.length || !segmentMatches(typeSegment, code)) {
        out.push({
          code: 'profile/type-code',
          path: toPointer(['typeCodes', type]),
          args: { type, value: code, length: typeSegment.length, pattern: typeSegment.pattern },
        });
      }
    }
  }
  return out;
}
