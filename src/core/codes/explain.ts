/** `tongban code explain`: a code taken apart into named segments, or precisely what is wrong with it. */
import type { FindingCode, MessageArgs } from '../diagnostic.js';
import type { RegionIndex } from '../regions.js';
import { suggestCode } from '../text.js';
import { codeProblemFinding } from './code-findings.js';
import {
  basicCodeLength,
  checkAgencyId,
  checkImplementationCode,
  implementationCodeLengths,
  isOtherBasicForm,
  levelForDigit,
  parseBasicCode,
  segmentMatches,
  splitImplementationCode,
  ownEntry,
  typeCodesFor,
  type CodeProfile,
  type FoundSegment,
} from './profile.js';
import { usccRegion } from './uscc.js';

export interface ExplainedPart {
  /** Segment id (origin, type, main, sub, agency, level, basic, handlingItem…). */
  name: string;
  title: string;
  /** The title in English output, when the profile gives one. */
  titleEn?: string;
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
  /** The profile the code was read with: with `--profile auto`, the one it was picked for. */
  profile: { id: string; name: string };
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
  | 'explain.length'
  | 'explain.agency-org'
  | 'explain.agency-central'
  | 'explain.region-code'
  | 'explain.fixed'
  | 'explain.basic-other'
  | 'explain.handling-none';

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
  if (isOtherBasicForm(code, profile)) {
    const part: ExplainedPart = {
      name: 'basic',
      title: '基本编码',
      titleEn: 'basic code',
      value: code,
      position: offset + 1,
      meaning: { code: 'explain.basic-other', args: { profile: profile.name } },
      ok: true,
    };
    return { parts: [part] };
  }
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
  // A province numbers the types of its own items its own way (typeCodesByOrigin).
  const origin = 'values' in parsed ? parsed.values.origin : undefined;
  // A Map: a segment value such as `constructor` (a profile may allow letters) finds no inherited entry.
  const typeNames = new Map(Object.entries(typeCodesFor(profile, origin)).map(([name, value]) => [value, name]));
  for (const segment of profile.basicCode.segments) {
    const value = code.slice(position, position + segment.length);
    // Every segment is judged by its own pattern: after a wrong one the rest may be misaligned too, and a
    // value such as `0007-` must not be read as a number.
    const bad =
      ('problem' in parsed && parsed.problem.kind === 'segment' && parsed.problem.segment.name === segment.name) ||
      !segmentMatches(segment, value);
    let meaning: ExplainedPart['meaning'] = { code: 'explain.value', args: { value } };
    if (bad) meaning = { code: 'explain.value', args: { value } };
    else if (segment.name === 'origin')
      meaning =
        value === '00'
          ? { code: 'explain.origin-national', args: {} }
          : { code: 'explain.origin-region', args: { region: regionName(regions, value + '0000') ?? '?' } };
    else if (segment.name === 'type')
      meaning = typeNames.has(value)
        ? { code: 'explain.type', args: { type: typeNames.get(value) as string } }
        : { code: 'explain.type-unknown', args: { value } };
    else if (segment.name === 'main') meaning = { code: 'explain.main', args: { number: Number(value) } };
    else if (segment.name === 'sub') {
      if (value === (profile.assignment?.subNone ?? '000')) meaning = { code: 'explain.sub-none', args: {} };
      else if (value === profile.assignment?.subParent) meaning = { code: 'explain.sub-parent', args: {} };
      else meaning = { code: 'explain.sub', args: { number: Number(value) } };
    }
    const typeUnknown = segment.name === 'type' && !typeNames.has(value);
    parts.push({
      name: segment.name,
      title: segment.title,
      ...(segment.titleEn !== undefined ? { titleEn: segment.titleEn } : {}),
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

/** What one segment of an implementation code means. */
function explainSegment(segment: FoundSegment, profile: CodeProfile, regions: RegionIndex): ExplainedPart[] {
  const position = segment.offset + 1;
  const { name, title, value } = segment;
  const titleEn = ownEntry(SEGMENT_TITLES_EN, name) ?? 'fixed part';
  const part = (meaning: ExplainedPart['meaning'], ok: boolean): ExplainedPart[] => [
    { name, title, ...(titleEn ? { titleEn } : {}), value, position, meaning, ok },
  ];
  switch (name) {
    case 'agency': {
      const id = checkAgencyId(value);
      if ('kind' in id && id.kind === 'org') return part({ code: 'explain.agency-org', args: {} }, true);
      const region = usccRegion(value);
      const category = ownEntry(USCC_CATEGORIES, value.slice(0, 2)) ?? '?';
      // Central bodies register under 100000, which names no region of GB/T 2260.
      const meaning: ExplainedPart['meaning'] =
        region === '100000'
          ? { code: 'explain.agency-central', args: { category } }
          : { code: 'explain.agency', args: { category, region: regionName(regions, region) ?? region } };
      return part(value.length === 18 ? meaning : { code: 'explain.value', args: { value } }, 'kind' in id);
    }
    case 'level': {
      const level = levelForDigit(profile, value);
      return part(
        level ? { code: 'explain.level', args: { level } } : { code: 'explain.level-unknown', args: { value } },
        level !== undefined,
      );
    }
    case 'region': {
      const name6 = regionName(regions, value.slice(0, 6));
      return part({ code: 'explain.region-code', args: { region: name6 ?? value } }, name6 !== undefined);
    }
    case 'basic':
      return explainBasic(value, segment.offset, profile, regions).parts;
    case 'handling':
      // 00 in a layout that always carries the segment: the item itself, no handling item.
      return part(
        /^0+$/.test(value)
          ? { code: 'explain.handling-none', args: {} }
          : { code: 'explain.handling', args: { number: Number(value) } },
        /^[0-9]+$/.test(value),
      );
    default:
      return part({ code: 'explain.fixed', args: { value } }, true);
  }
}

const SEGMENT_TITLES_EN: Record<string, string> = {
  basic: 'basic code',
  agency: 'agency id',
  level: 'level digit',
  region: 'region',
  handling: 'handling item',
};

export function explainCode(input: string, profile: CodeProfile, regions: RegionIndex): Explanation {
  const by = { id: profile.id, name: profile.name };
  const suggestion = suggestCode(input);
  if (suggestion !== undefined)
    return {
      code: input,
      kind: 'unknown',
      profile: by,
      parts: [],
      problem: { code: 'code/not-normalised', args: { value: input, suggestion } },
    };
  const parts = splitImplementationCode(input, profile);
  if (!parts) {
    if (input.length === basicCodeLength(profile) || isOtherBasicForm(input, profile))
      return { code: input, kind: 'basic', profile: by, ...explainBasic(input, 0, profile, regions) };
    const [shortLength, longLength] = implementationCodeLengths(profile);
    return {
      code: input,
      kind: 'unknown',
      profile: by,
      parts: [],
      problem: {
        code: 'explain.length',
        args: { actual: input.length, basic: basicCodeLength(profile), implementation: `${shortLength}/${longLength}` },
      },
    };
  }
  const explained = parts.segments.flatMap((segment) => explainSegment(segment, profile, regions));
  const codeProblem = checkImplementationCode(input, profile);
  let problem: Explanation['problem'];
  if (codeProblem) {
    const finding = codeProblemFinding(codeProblem, input, '', 'impl');
    problem = { code: finding.code, args: finding.args ?? {} };
  } else {
    const unknownType = explained.find((p) => p.name === 'type' && !p.ok);
    if (unknownType) problem = { code: 'explain.type-unknown', args: { value: unknownType.value } };
    else if (explained.some((p) => !p.ok)) {
      const bad = explained.find((p) => !p.ok) as ExplainedPart;
      problem = {
        code: 'code/impl-segment',
        args: { value: input, segment: bad.title, segmentValue: bad.value, position: bad.position },
      };
    }
  }
  return { code: input, kind: 'implementation', profile: by, parts: explained, ...(problem ? { problem } : {}) };
}
