/** `tongban code explain`: a code taken apart into named segments, or precisely what is wrong with it. */
import type { FindingCode, MessageArgs } from '../diagnostic.js';
import type { RegionIndex } from '../regions.js';
import { suggestCode } from '../text.js';
import {
  basicCodeLength,
  implementationCodeLengths,
  levelForDigit,
  parseBasicCode,
  type CodeProfile,
} from './profile.js';
import { checkUscc, usccRegion } from './uscc.js';

export interface ExplainedPart {
  /** Segment id (origin, type, main, sub, agency, level, basic, handlingItem…). */
  name: string;
  title: string;
  value: string;
  /** 1-based position of the segment in the code. */
  position: number;
  /** What the value means, in words (a region, a type, a level…); a message code and its arguments. */
  meaning: { code: ExplainMessage; args: MessageArgs };
  ok: boolean;
}

export interface Explanation {
  code: string;
  kind: 'basic' | 'implementation' | 'unknown';
  parts: ExplainedPart[];
  /** The first thing wrong, if anything: a finding code (or a length fitting no code) and its arguments. */
  problem?: { code: FindingCode | ExplainMessage; args: MessageArgs };
}

/** The words explanations use (src/i18n holds them in both languages). */
export type ExplainMessage =
  | 'explain.value'
  | 'explain.origin-national'
  | 'explain.origin-region'
  | 'explain.type'
  | 'explain.type-unknown'
  | 'explain.main'
  | 'explain.sub-none'
  | 'explain.sub-parent'
  | 'explain.sub'
  | 'explain.agency'
  | 'explain.level'
  | 'explain.level-unknown'
  | 'explain.handling'
  | 'explain.length';

/** GB 32100 registration authority + organisation category (first two characters), the common ones. */
const USCC_CATEGORIES: Record<string, string> = {
  '11': '机关',
  '12': '事业单位',
  '13': '群团组织',
  '19': '其他（机构编制）',
  '51': '社会团体',
  '52': '民办非企业单位',
  '53': '基金会',
  '59': '其他（民政）',
  '91': '企业',
  '92': '个体工商户',
  '93': '农民专业合作社',
};

function regionName(regions: RegionIndex, code: string): string | undefined {
  return regions.get(code)?.fullName;
}

function explainBasic(
  code: string,
  offset: number,
  profile: CodeProfile,
  regions: RegionIndex,
): { parts: ExplainedPart[]; problem?: Explanation['problem'] } {
  const parsed = parseBasicCode(code, profile);
  if ('problem' in parsed && parsed.problem.kind === 'length') {
    return {
      parts: [],
      problem: {
        code: 'code/basic-length',
        args: { value: code, expected: parsed.problem.expected, actual: parsed.problem.actual },
      },
    };
  }
  const parts: ExplainedPart[] = [];
  let position = 0;
  const typeNames = Object.fromEntries(Object.entries(profile.typeCodes).map(([name, value]) => [value, name]));
  for (const segment of profile.basicCode.segments) {
    const value = code.slice(position, position + segment.length);
    const bad =
      'problem' in parsed && parsed.problem.kind === 'segment' && parsed.problem.segment.name === segment.name;
    let meaning: ExplainedPart['meaning'] = { code: 'explain.value', args: { value } };
    if (bad) meaning = { code: 'explain.value', args: { value } };
    else if (segment.name === 'origin')
      meaning =
        value === '00'
          ? { code: 'explain.origin-national', args: {} }
          : { code: 'explain.origin-region', args: { region: regionName(regions, value + '0000') ?? '?' } };
    else if (segment.name === 'type')
      meaning = typeNames[value]
        ? { code: 'explain.type', args: { type: typeNames[value] as string } }
        : { code: 'explain.type-unknown', args: { value } };
    else if (segment.name === 'main') meaning = { code: 'explain.main', args: { number: Number(value) } };
    else if (segment.name === 'sub') {
      if (value === (profile.assignment?.subNone ?? '000')) meaning = { code: 'explain.sub-none', args: {} };
      else if (value === profile.assignment?.subParent) meaning = { code: 'explain.sub-parent', args: {} };
      else meaning = { code: 'explain.sub', args: { number: Number(value) } };
    }
    const typeUnknown = segment.name === 'type' && !typeNames[value];
    parts.push({
      name: segment.name,
      title: segment.title,
      value,
      position: offset + position + 1,
      meaning,
      ok: !bad && !typeUnknown,
    });
    position += segment.length;
  }
  if ('problem' in parsed && parsed.problem.kind === 'segment') {
    const p = parsed.problem;
    return {
      parts,
      problem: {
        code: 'code/basic-segment',
        args: {
          value: code,
          segment: p.segment.title,
          segmentValue: p.value,
          position: offset + p.offset + 1,
          pattern: p.segment.pattern,
        },
      },
    };
  }
  const unknownType = parts.find((p) => p.name === 'type' && !p.ok);
  return unknownType
    ? { parts, problem: { code: 'explain.type-unknown', args: { value: unknownType.value } } }
    : { parts };
}

export function explainCode(input: string, profile: CodeProfile, regions: RegionIndex): Explanation {
  const suggestion = suggestCode(input);
  if (suggestion !== undefined)
    return {
      code: input,
      kind: 'unknown',
      parts: [],
      problem: { code: 'code/not-normalised', args: { value: input, suggestion } },
    };
  const [shortLength, longLength] = implementationCodeLengths(profile);
  if (input.length === basicCodeLength(profile))
    return { code: input, kind: 'basic', ...explainBasic(input, 0, profile, regions) };
  if (input.length !== shortLength && input.length !== longLength) {
    return {
      code: input,
      kind: 'unknown',
      parts: [],
      problem: {
        code: 'explain.length',
        args: { actual: input.length, basic: basicCodeLength(profile), implementation: `${shortLength}/${longLength}` },
      },
    };
  }
  const uscc = input.slice(0, 18);
  const usccProblem = checkUscc(uscc);
  const region = usccRegion(uscc);
  const parts: ExplainedPart[] = [
    {
      name: 'agency',
      title: '实施主体统一社会信用代码',
      value: uscc,
      position: 1,
      meaning: {
        code: 'explain.agency',
        args: { category: USCC_CATEGORIES[uscc.slice(0, 2)] ?? '?', region: regionName(regions, region) ?? region },
      },
      ok: usccProblem === undefined,
    },
  ];
  const digit = input.charAt(18);
  const level = levelForDigit(profile, digit);
  parts.push({
    name: 'level',
    title: '层级码',
    value: digit,
    position: 19,
    meaning: level
      ? { code: 'explain.level', args: { level } }
      : { code: 'explain.level-unknown', args: { value: digit } },
    ok: level !== undefined,
  });
  const basic = explainBasic(input.slice(19, shortLength), 19, profile, regions);
  parts.push(...basic.parts);
  if (input.length === longLength) {
    const suffix = input.slice(shortLength);
    parts.push({
      name: 'handlingItem',
      title: '业务办理项',
      value: suffix,
      position: shortLength + 1,
      meaning: { code: 'explain.handling', args: { number: Number(suffix) } },
      ok: /^[0-9]+$/.test(suffix),
    });
  }
  let problem: Explanation['problem'];
  if (usccProblem) {
    problem =
      usccProblem.kind === 'check-char' || usccProblem.kind === 'org-check'
        ? {
            code: `uscc/${usccProblem.kind}`,
            args: { value: uscc, expected: usccProblem.expected, actual: usccProblem.actual },
          }
        : usccProblem.kind === 'character'
          ? { code: 'uscc/character', args: { value: uscc, char: usccProblem.char, position: usccProblem.index } }
          : { code: 'uscc/length', args: { value: uscc, actual: usccProblem.actual } };
  } else if (!level) problem = { code: 'explain.level-unknown', args: { value: digit } };
  else if (basic.problem) problem = basic.problem;
  else if (parts.some((p) => !p.ok))
    problem = {
      code: 'code/impl-segment',
      args: { value: input, segment: '业务办理项', segmentValue: input.slice(shortLength), position: shortLength + 1 },
    };
  return { code: input, kind: 'implementation', parts, ...(problem ? { problem } : {}) };
}
