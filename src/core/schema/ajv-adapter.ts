/**
 * Turns ajv's errors into RuleFindings with stable `schema/*` codes, so schema violations read and sort
 * like every other finding. Code lists reach ajv as enums (see code-lists-as-enums.ts); a value of the
 * wrong type there is reported once, as not being in the list.
 */
import type { ErrorObject } from 'ajv';
import type { RuleFinding } from '../diagnostic.js';
import { toPointer } from '../pointer.js';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? text.slice(0, 39) + '…' : text;
}

/** The element at a JSON pointer, as a mapping or item names it: `/materials/0/forms` → `materials[0].forms`. */
function elementOf(pointer: string): string {
  if (pointer === '') return '(top)';
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}

function fromError(error: ErrorObject): RuleFinding | undefined {
  const path = error.instancePath;
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { code: 'schema/required', path, args: { property: String(p.missingProperty) } };
    case 'additionalProperties':
      return {
        code: 'schema/unknown-property',
        path: path + toPointer([String(p.additionalProperty)]),
        target: 'key',
        args: { property: String(p.additionalProperty) },
      };
    case 'type': {
      const args: Record<string, string> = {
        element: elementOf(path),
        expected: String(p.type),
        actual: describe(error.data),
      };
      // YAML reads 01 as the number 1: the commonest way a code turns into the wrong type.
      if (p.type === 'string' && typeof error.data === 'number') return { code: 'schema/type-quote', path, args };
      return { code: 'schema/type', path, args };
    }
    case 'enum':
      return {
        code: 'schema/enum',
        path,
        args: { allowed: (p.allowedValues as unknown[]).map(show).join('、'), actual: show(error.data) },
      };
    case 'const':
      return { code: 'schema/enum', path, args: { allowed: show(p.allowedValue), actual: show(error.data) } };
    case 'format':
      return { code: 'schema/format', path, args: { format: String(p.format), actual: show(error.data) } };
    case 'pattern':
      return { code: 'schema/pattern', path, args: { pattern: String(p.pattern), actual: show(error.data) } };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        code: 'schema/range',
        path,
        args: { comparison: String(p.comparison), limit: Number(p.limit), actual: show(error.data) },
      };
    case 'minLength':
      if (p.limit === 1) return { code: 'schema/empty', path, args: {} };
      return { code: 'schema/length', path, args: { comparison: '>=', limit: Number(p.limit) } };
    case 'maxLength':
      return { code: 'schema/length', path, args: { comparison: '<=', limit: Number(p.limit) } };
    case 'minItems':
      if (p.limit === 1) return { code: 'schema/empty', path, args: {} };
      return { code: 'schema/items-count', path, args: { comparison: '>=', limit: Number(p.limit) } };
    case 'maxItems':
      return { code: 'schema/items-count', path, args: { comparison: '<=', limit: Number(p.limit) } };
    case 'uniqueItems':
      return { code: 'schema/unique-items', path: path + toPointer([Number(p.i)]), args: { other: Number(p.j) + 1 } };
    case 'not': {
      // As schemas here use it: a key or value that must not match a pattern (mapping targets).
      const pattern = (error.schema as { pattern?: unknown } | undefined)?.pattern;
      const detail = typeof pattern === 'string' ? `"${show(error.data)}" must not match ${pattern}` : error.message;
      return { code: 'schema/invalid', path, args: { detail: detail ?? 'not' } };
    }
    // Wrapper keywords: their inner errors already say what is wrong.
    case 'propertyNames':
    case 'if':
    case 'then':
    case 'else':
    case 'allOf':
    case 'anyOf':
      return undefined;
    default:
      return { code: 'schema/invalid', path, args: { detail: error.message ?? error.keyword } };
  }
}

/** An error about a key (propertyNames) is located at that key, not at the object holding it. */
function located(error: ErrorObject): RuleFinding | undefined {
  const finding = fromError(error);
  if (!finding || error.propertyName === undefined) return finding;
  return { ...finding, path: error.instancePath + toPointer([error.propertyName]), target: 'key' };
}

/** ajv errors → findings, one per problem. */
export function adaptAjvErrors(errors: readonly ErrorObject[]): RuleFinding[] {
  const codeListPaths = new Set(errors.filter((e) => e.keyword === 'enum').map((e) => e.instancePath));
  const findings: RuleFinding[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (codeListPaths.has(error.instancePath) && error.keyword === 'type') continue;
    const finding = located(error);
    if (!finding) continue;
    const key = `${finding.code}\0${finding.path}\0${JSON.stringify(finding.args)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}
