/**
 * Schema findings of an item, split into what is missing and what is wrong. A missing national element
 * is a completeness finding, said once per element and item (`3 项申请材料缺少来源渠道`), not once per
 * entry. Every other schema finding is about the shape of what was written; the semantic rules then run
 * on a trusted copy of the item without the elements whose shape is wrong, so that a USCC is still
 * checked when the fee is missing and a wrong time limit does not hide a wrong phone number.
 */
import type { RuleFinding } from './diagnostic.js';
import { fromPointer } from './pointer.js';

export interface SplitFindings {
  /** Completeness findings (element/missing, element/missing-in-list) and shape findings, in schema order. */
  findings: RuleFinding[];
  /** The item without its wrongly shaped elements; undefined when the document itself is no mapping. */
  trusted: Record<string, unknown> | undefined;
}

/** `/materials/2` + `source` → `materials[].source`, and the list it is in (`materials`). */
function collapse(pointer: string, property: string): { element: string; list?: string; count?: number } {
  const segments = fromPointer(pointer);
  let element = '';
  let list: string | undefined;
  for (const segment of segments) {
    if (/^\d+$/.test(segment)) {
      list ??= element;
      element += '[]';
    } else element += element ? `.${segment}` : segment;
  }
  element += element ? `.${property}` : property;
  return list !== undefined ? { element, list } : { element };
}

export function splitSchemaFindings(
  data: unknown,
  problems: readonly RuleFinding[],
  titleOf: (element: string) => string | undefined,
): SplitFindings {
  const findings: RuleFinding[] = [];
  const missing = new Map<string, { finding: RuleFinding; count: number; list?: string }>();
  const badElements = new Set<string>();
  let rootBroken = false;
  for (const problem of problems) {
    if (problem.code === 'schema/required') {
      const property = String(problem.args?.property ?? '');
      const { element, list } = collapse(problem.path, property);
      const seen = missing.get(element);
      if (seen) {
        seen.count++;
        continue;
      }
      const title = titleOf(element) ?? property;
      const finding: RuleFinding =
        list === undefined
          ? { code: 'element/missing', path: problem.path, args: { element, title } }
          : {
              code: 'element/missing-in-list',
              path: problem.path,
              args: { element, title, list: titleOf(list) ?? list },
            };
      missing.set(element, { finding, count: 1, ...(list !== undefined ? { list } : {}) });
      findings.push(finding);
      continue;
    }
    findings.push(problem);
    const top = fromPointer(problem.path)[0];
    if (top === undefined) rootBroken = true;
    else badElements.add(String(top));
  }
  for (const { finding, count, list } of missing.values())
    if (list !== undefined) finding.args = { ...finding.args, count };
  if (rootBroken || data === null || typeof data !== 'object' || Array.isArray(data))
    return { findings, trusted: undefined };
  // Nothing wrongly shaped (the common case): the item itself, not a copy of each of its elements.
  if (badElements.size === 0) return { findings, trusted: data as Record<string, unknown> };
  const trusted = Object.fromEntries(Object.entries(data).filter(([key]) => !badElements.has(key)));
  return { findings, trusted };
}
