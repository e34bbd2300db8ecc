/** Findings about the form of a code, shared by the rules that read basic and implementation codes. */
import type { RuleFinding } from '../diagnostic.js';
import { suggestCode } from '../text.js';
import { parseBasicCode, type CodeProfile, type CodeProblem, type SegmentValues } from './profile.js';

/** Full-width digits and lower case are the usual damage from pasted spreadsheets; say what was meant. */
export function notNormalised(code: string, path: string): RuleFinding<'code/not-normalised'> | undefined {
  const suggestion = suggestCode(code);
  return suggestion === undefined
    ? undefined
    : { code: 'code/not-normalised', path, args: { value: code, suggestion } };
}

export function codeProblemFinding<P extends 'basic' | 'impl'>(
  problem: CodeProblem,
  codeValue: string,
  path: string,
  prefix: P,
): RuleFinding<`code/${P}-length` | `code/${P}-segment`> {
  if (problem.kind === 'length') {
    return {
      code: `code/${prefix}-length` as const,
      path,
      args: { value: codeValue, expected: problem.expected, actual: problem.actual },
    };
  }
  return {
    code: `code/${prefix}-segment` as const,
    path,
    args: {
      value: codeValue,
      segment: problem.segment.title,
      segmentValue: problem.value,
      position: problem.offset + 1,
      pattern: problem.segment.pattern,
    },
  };
}

/** Checks a basic code's form; returns its segments when it is well formed. */
export function checkBasicCodeForm(
  codeValue: string,
  path: string,
  profile: CodeProfile,
): {
  findings: RuleFinding<'code/not-normalised' | 'code/basic-length' | 'code/basic-segment'>[];
  values?: SegmentValues;
} {
  const normalise = notNormalised(codeValue, path);
  if (normalise) return { findings: [normalise] };
  const parsed = parseBasicCode(codeValue, profile);
  if ('problem' in parsed) return { findings: [codeProblemFinding(parsed.problem, codeValue, path, 'basic')] };
  return { findings: [], values: parsed.values };
}
