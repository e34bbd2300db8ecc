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

/** The findings a code problem becomes: each names the segment (and, for the agency, the character) that is wrong. */
export type CodeProblemCode<P extends 'basic' | 'impl'> =
  | `code/${P}-length`
  | `code/${P}-segment`
  | (P extends 'impl' ? 'code/impl-shape' | 'code/impl-agency-check' | 'code/impl-agency-id' : never);

export function codeProblemFinding<P extends 'basic' | 'impl'>(
  problem: CodeProblem,
  codeValue: string,
  path: string,
  prefix: P,
): RuleFinding<CodeProblemCode<P>> {
  if (problem.kind === 'length') {
    return {
      code: `code/${prefix}-length` as const,
      path,
      args: { value: codeValue, expected: problem.expected, actual: problem.actual },
    };
  }
  if (problem.kind === 'shape') {
    return {
      code: 'code/impl-shape' as CodeProblemCode<P>,
      path,
      args: { value: codeValue, layouts: problem.layouts, actual: problem.actual },
    };
  }
  const where = { value: codeValue, segment: problem.segment.title, segmentValue: problem.value };
  const detail = problem.detail;
  if (detail && detail.kind !== 'not-an-id' && !(detail.kind === 'uscc' && !('expected' in detail.problem))) {
    // A wrong check character: say which character of the code, and what it should be.
    const check =
      detail.kind === 'uscc' ? (detail.problem as { kind: string; expected: string; actual: string }) : detail;
    const index = detail.kind === 'uscc' && detail.problem.kind === 'org-check' ? 16 : problem.value.length - 1;
    return {
      code: 'code/impl-agency-check' as CodeProblemCode<P>,
      path,
      args: { ...where, position: problem.offset + index + 1, expected: check.expected, actual: check.actual },
    };
  }
  if (detail) {
    return {
      code: 'code/impl-agency-id' as CodeProblemCode<P>,
      path,
      args: { ...where, position: problem.offset + 1 },
    };
  }
  return {
    code: `code/${prefix}-segment` as const,
    path,
    args: { ...where, position: problem.offset + 1, pattern: problem.segment.pattern },
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
  if ('problem' in parsed)
    return {
      findings: [
        codeProblemFinding(parsed.problem, codeValue, path, 'basic') as RuleFinding<
          'code/basic-length' | 'code/basic-segment'
        >,
      ],
    };
  return { findings: [], values: parsed.values };
}
