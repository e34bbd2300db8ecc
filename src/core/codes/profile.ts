/**
 * Code profiles: a coding scheme described as data (schemas/profiles/*.yaml), so that regional
 * variants (other widths, other type-code tables) need a profile file, not code.
 */
import type { RuleFinding } from '../diagnostic.js';
import isSafeRegex from 'safe-regex2';
import { toPointer } from '../pointer.js';
import { regexStructureProblem } from '../regex-structure.js';
import { checkUscc, orgCodeCheckChar, type UsccProblem } from './uscc.js';

export interface Segment {
  name: string;
  title: string;
  /** The title in English output (`--lang en`); the title when absent. */
  titleEn?: string;
  length: number;
  /** A regular expression the whole segment must match. */
  pattern: string;
}

/**
 * Another way a region writes implementation codes: a regular expression whose named groups are the
 * segments. Groups named `basic`, `region`, `agency`, `level` and `handling` are checked for what they
 * are (a basic code; a 12-digit region; a USCC or a 9-character organisation code; a level digit; the
 * handling item); any other group is a fixed part, described by its title.
 */
export interface PatternLayout {
  name: string;
  pattern: string;
  /** Group name → title shown to users (e.g. agency → 实施主体编码). */
  groups: Record<string, string>;
}

export interface CodeProfile {
  id: string;
  name: string;
  /** When `--profile auto` picks this profile: the origin of a code or the region of a catalog (2-digit province prefixes). */
  detect?: { origins?: string[] };
  basicCode: {
    segments: Segment[];
    /** Other whole-code forms the region also uses (e.g. `G-000007-001`); such codes have no segments to check. */
    patterns?: string[];
  };
  /** 事项类型 name → the type segment of the basic code. */
  typeCodes: Record<string, string>;
  /** A province's own type codes for the items of its own origin (e.g. 44: 其他行政权力 20, 公共服务 21). */
  typeCodesByOrigin?: Record<string, Record<string, string>>;
  implementationCode: {
    /** 行使层级 name → the level digit that follows the agency USCC. */
    levelDigits: Record<string, string>;
    handlingItemLength: number;
    /** Layouts tried before the national one (USCC + level digit + basic code + handling item). */
    layouts?: PatternLayout[];
  };
  /** How new items are numbered; without it the sub segment is all zeros either way. */
  assignment?: { subNone: string; subParent: string };
}

export type SegmentValues = Record<string, string>;

export type CodeProblem =
  | { kind: 'length'; expected: string; actual: number }
  | { kind: 'segment'; segment: Segment; value: string; offset: number; detail?: AgencyIdProblem }
  /** Fits neither the national length nor any of the profile's layouts. */
  | { kind: 'shape'; layouts: string; actual: number };

/** Why an agency segment is wrong: a USCC with a wrong check, an organisation code with a wrong check, or neither. */
export type AgencyIdProblem =
  | { kind: 'uscc'; problem: UsccProblem }
  | { kind: 'org-check'; expected: string; actual: string }
  | { kind: 'not-an-id' };

export function basicCodeLength(profile: CodeProfile): number {
  return profile.basicCode.segments.reduce((sum, s) => sum + s.length, 0);
}

/**
 * A profile's table looked up by one of its own keys: never what `Object.prototype` has (`toString`,
 * `constructor`), so a name from a catalog or a group of a pattern cannot reach a function.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * The longest code run through a profile's patterns and layouts. Real codes are 12 to 60 characters; a
 * longer one is a shape problem straight away, so no pattern is ever given a long hostile string.
 */
export const MAX_PATTERN_CODE_LENGTH = 128;

/** Compiled once per pattern: codes are checked for every item of every run. */
const segmentRegExps = new Map<string, RegExp>();

export function segmentMatches(segment: Segment, value: string): boolean {
  let regExp = segmentRegExps.get(segment.pattern);
  if (!regExp) {
    regExp = new RegExp(`^(?:${segment.pattern})$`);
    segmentRegExps.set(segment.pattern, regExp);
  }
  return regExp.test(value);
}

/** Compiled once per pattern: whole-code patterns and layouts are tried on every code of every run. */
const wholeRegExps = new Map<string, RegExp>();

function wholeRegExp(pattern: string): RegExp {
  let regExp = wholeRegExps.get(pattern);
  if (!regExp) {
    regExp = new RegExp(`^(?:${pattern})$`, 'u');
    wholeRegExps.set(pattern, regExp);
  }
  return regExp;
}

/** Whether the code is one of the profile's other whole-code forms (`G-000007-001`). */
export function isOtherBasicForm(code: string, profile: CodeProfile): boolean {
  if (code.length > MAX_PATTERN_CODE_LENGTH) return false;
  return (profile.basicCode.patterns ?? []).some((pattern) => wholeRegExp(pattern).test(code));
}

/** Splits a basic code into its named segments, or says which segment is wrong. */
export function parseBasicCode(
  code: string,
  profile: CodeProfile,
): { values: SegmentValues } | { problem: CodeProblem } {
  const length = basicCodeLength(profile);
  // One of the region's other forms: well formed, but without segments to read.
  if (isOtherBasicForm(code, profile)) return { values: {} };
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

/** The type codes that hold for basic codes of `origin`: a province's own table, or the profile's. */
export function typeCodesFor(profile: CodeProfile, origin: string | undefined): Record<string, string> {
  return (origin !== undefined ? ownEntry(profile.typeCodesByOrigin, origin) : undefined) ?? profile.typeCodes;
}

/** The type segment for a type name (`行政许可` → `01`), for basic codes of `origin`. */
export function typeCodeFor(profile: CodeProfile, origin: string | undefined, type: string): string | undefined {
  return ownEntry(typeCodesFor(profile, origin), type);
}

/** One segment of an implementation code as found in it: for explanations and findings. */
export interface FoundSegment {
  name: string;
  title: string;
  value: string;
  /** 0-based offset in the code. */
  offset: number;
}

export interface ImplementationCodeParts {
  /** 'national', or the name of the profile layout the code was read with. */
  layout: string;
  /** What stands in the agency's place, and what it is. */
  agencyId: string;
  agencyKind: 'uscc' | 'org';
  /** The agency's USCC, when the agency segment holds one. */
  uscc?: string;
  levelDigit?: string;
  /** A 12-digit region (layouts that carry one). */
  region?: string;
  basicCode: string;
  handlingItem?: string;
  segments: FoundSegment[];
}

const USCC_LENGTH = 18;

export function implementationCodeLengths(profile: CodeProfile): [number, number] {
  const base = USCC_LENGTH + 1 + basicCodeLength(profile);
  return [base, base + profile.implementationCode.handlingItemLength];
}

const AGENCY_TITLE = '实施主体统一社会信用代码';

/**
 * A USCC (18 characters) or a GB 11714 organisation code (9 characters, the last a check; printed
 * `XXXXXXXX-X` with a hyphen before the check, as codes that join their segments with hyphens also write it).
 */
export function checkAgencyId(written: string): { kind: 'uscc' | 'org' } | { problem: AgencyIdProblem } {
  const id = /^[0-9A-Z]{8}-[0-9X]$/.test(written) ? written.replace('-', '') : written;
  if (id.length === USCC_LENGTH) {
    const problem = checkUscc(id);
    return problem ? { problem: { kind: 'uscc', problem } } : { kind: 'uscc' };
  }
  if (/^[0-9A-Z]{8}[0-9X]$/.test(id)) {
    const expected = orgCodeCheckChar(id.slice(0, 8));
    if (expected === undefined) return { problem: { kind: 'not-an-id' } };
    return expected === id.charAt(8)
      ? { kind: 'org' }
      : { problem: { kind: 'org-check', expected, actual: id.charAt(8) } };
  }
  return { problem: { kind: 'not-an-id' } };
}

/** Splits a national implementation code: agency USCC + level digit + basic code (+ handling item). */
function splitNational(code: string, profile: CodeProfile): ImplementationCodeParts | undefined {
  const [short, long] = implementationCodeLengths(profile);
  if (code.length !== short && code.length !== long) return undefined;
  const uscc = code.slice(0, USCC_LENGTH);
  const parts: ImplementationCodeParts = {
    layout: 'national',
    agencyId: uscc,
    agencyKind: 'uscc',
    uscc,
    levelDigit: code.slice(USCC_LENGTH, USCC_LENGTH + 1),
    basicCode: code.slice(USCC_LENGTH + 1, short),
    segments: [
      { name: 'agency', title: AGENCY_TITLE, value: uscc, offset: 0 },
      { name: 'level', title: '层级码', value: code.slice(USCC_LENGTH, USCC_LENGTH + 1), offset: USCC_LENGTH },
      { name: 'basic', title: '基本编码', value: code.slice(USCC_LENGTH + 1, short), offset: USCC_LENGTH + 1 },
    ],
  };
  if (code.length === long) {
    parts.handlingItem = code.slice(short);
    parts.segments.push({ name: 'handling', title: '业务办理项', value: parts.handlingItem, offset: short });
  }
  return parts;
}

/** Splits a code by one of the profile's layouts (the first whose pattern matches). */
function splitByLayout(code: string, profile: CodeProfile): ImplementationCodeParts | undefined {
  if (code.length > MAX_PATTERN_CODE_LENGTH) return undefined;
  for (const layout of profile.implementationCode.layouts ?? []) {
    const match = wholeRegExp(layout.pattern).exec(code);
    const groups = match?.groups;
    if (!match || !groups) continue;
    // Offsets of the groups: found left to right, each after the previous (group values are substrings).
    const segments: FoundSegment[] = [];
    let from = 0;
    for (const [name, value] of Object.entries(groups)) {
      if (value === undefined) continue;
      const offset = code.indexOf(value, from);
      segments.push({ name, title: ownEntry(layout.groups, name) ?? name, value, offset });
      from = offset + value.length;
    }
    const agencyId = groups.agency ?? '';
    const parts: ImplementationCodeParts = {
      layout: layout.name,
      agencyId,
      agencyKind: agencyId.length === USCC_LENGTH ? 'uscc' : 'org',
      basicCode: groups.basic ?? '',
      segments,
    };
    if (agencyId.length === USCC_LENGTH) parts.uscc = agencyId;
    if (groups.level !== undefined) parts.levelDigit = groups.level;
    if (groups.region !== undefined) parts.region = groups.region;
    if (groups.handling !== undefined) parts.handlingItem = groups.handling;
    return parts;
  }
  return undefined;
}

/** Splits an implementation code into its parts, by the profile's layouts or the national one. */
export function splitImplementationCode(code: string, profile: CodeProfile): ImplementationCodeParts | undefined {
  return splitByLayout(code, profile) ?? splitNational(code, profile);
}

/** The first structural problem of an implementation code: shape, agency part, level digit, basic part. */
export function checkImplementationCode(code: string, profile: CodeProfile): CodeProblem | undefined {
  const parts = splitImplementationCode(code, profile);
  if (!parts) {
    const [short, long] = implementationCodeLengths(profile);
    const layouts = profile.implementationCode.layouts ?? [];
    // (A code too long for any layout is not tried on them: the shape is wrong either way.)
    if (layouts.length) return { kind: 'shape', layouts: layouts.map((l) => l.name).join('、'), actual: code.length };
    return { kind: 'length', expected: `${short}/${long}`, actual: code.length };
  }
  const at = (name: string) => parts.segments.find((s) => s.name === name);
  const agency = at('agency');
  if (agency) {
    const id = checkAgencyId(agency.value);
    // The national layout holds a USCC only; a layout may also take an organisation code.
    const allowed = 'kind' in id && (id.kind === 'uscc' || parts.layout !== 'national');
    if (!allowed) {
      const segment: Segment = { name: 'agency', title: agency.title, length: agency.value.length, pattern: '.*' };
      const detail: AgencyIdProblem = 'problem' in id ? id.problem : { kind: 'not-an-id' };
      return { kind: 'segment', segment, value: agency.value, offset: agency.offset, detail };
    }
  }
  const level = at('level');
  const digits = Object.values(profile.implementationCode.levelDigits);
  if (level && !digits.includes(level.value)) {
    const segment: Segment = { name: 'level', title: level.title, length: 1, pattern: `[${digits.join('')}]` };
    return { kind: 'segment', segment, value: level.value, offset: level.offset };
  }
  const region = at('region');
  if (region && !/^[0-9]{12}$/.test(region.value)) {
    const segment: Segment = { name: 'region', title: region.title, length: 12, pattern: '[0-9]{12}' };
    return { kind: 'segment', segment, value: region.value, offset: region.offset };
  }
  const basic = at('basic');
  if (basic) {
    const parsed = parseBasicCode(basic.value, profile);
    if ('problem' in parsed && parsed.problem.kind === 'segment')
      return { ...parsed.problem, offset: parsed.problem.offset + basic.offset };
    if ('problem' in parsed) {
      const segment: Segment = { name: 'basic', title: basic.title, length: basic.value.length, pattern: '.*' };
      return { kind: 'segment', segment, value: basic.value, offset: basic.offset };
    }
  }
  const handling = at('handling');
  if (handling && !/^[0-9]+$/.test(handling.value)) {
    const segment: Segment = {
      name: 'handlingItem',
      title: handling.title,
      length: handling.value.length,
      pattern: '[0-9]+',
    };
    return { kind: 'segment', segment, value: handling.value, offset: handling.offset };
  }
  return undefined;
}

/** The level digit for a level name, e.g. '市级' → '3'. */
export function levelDigitFor(profile: CodeProfile, level: string): string | undefined {
  return ownEntry(profile.implementationCode.levelDigits, level);
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
    if (!isSafeRegex(segment.pattern) || regexStructureProblem(segment.pattern) !== undefined)
      out.push({ code: 'profile/pattern-unsafe', path, args: { pattern: segment.pattern } });
  });
  const wholePatterns: [(string | number)[], string][] = [
    ...(profile.basicCode.patterns ?? []).map(
      (p, i) => [['basicCode', 'patterns', i], p] as [(string | number)[], string],
    ),
    ...(profile.implementationCode.layouts ?? []).map(
      (l, i) => [['implementationCode', 'layouts', i, 'pattern'], l.pattern] as [(string | number)[], string],
    ),
  ];
  for (const [at, pattern] of wholePatterns) {
    const path = toPointer(at);
    try {
      new RegExp(pattern, 'u');
    } catch (error) {
      out.push({ code: 'profile/pattern', path, args: { pattern, detail: (error as Error).message } });
      continue;
    }
    if (!isSafeRegex(pattern) || regexStructureProblem(pattern) !== undefined)
      out.push({ code: 'profile/pattern-unsafe', path, args: { pattern } });
  }
  if (out.length) return out;
  const typeSegment = profile.basicCode.segments.find((s) => s.name === 'type');
  if (typeSegment) {
    const tables: [(string | number)[], Record<string, string>][] = [
      [['typeCodes'], profile.typeCodes],
      ...Object.entries(profile.typeCodesByOrigin ?? {}).map(
        ([origin, table]) => [['typeCodesByOrigin', origin], table] as [(string | number)[], Record<string, string>],
      ),
    ];
    for (const [at, table] of tables)
      for (const [type, code] of Object.entries(table)) {
        if (code.length !== typeSegment.length || !segmentMatches(typeSegment, code)) {
          out.push({
            code: 'profile/type-code',
            path: toPointer([...at, type]),
            args: { type, value: code, length: typeSegment.length, pattern: typeSegment.pattern },
          });
        }
      }
  }
  return out;
}
