/**
 * A bundle file with member codes replaced (retired, merged, split: core/bundles/lifecycle.ts says what the
 * result must be), edited as text at the positions the parser reports, so comments, key order, quoting
 * and blank lines outside the changed entries stay as the author wrote them. A member, field or material
 * that goes is removed with its lines; a member that a split turns into several is copied, one per new
 * code. Anything laid out in a way these edits cannot follow safely (a flow sequence of members, a list
 * with comments inside brackets, an alias) is refused with its position; every edit is parsed again and
 * checked to give exactly the expected document.
 */
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import type { Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { replaceBundleCodes, type Replacement } from '../core/bundles/lifecycle.js';
import type { FindingCode, Range } from '../core/diagnostic.js';
import { positionAt } from '../core/position.js';

type YamlModule = typeof import('yaml');
const yaml = (): YamlModule => createRequire(import.meta.url)('yaml') as YamlModule;

export type BundleEditResult = { text: string; changed: boolean } | { refused: { code: FindingCode; range: Range } };

interface Edit {
  start: number;
  end: number;
  text: string;
}

class Refused extends Error {
  constructor(
    readonly code: FindingCode,
    readonly offset: number,
  ) {
    super(code);
  }
}

const quoted = (code: string) => JSON.stringify(code);

/**
 * `agencies`: the USCCs of the agencies that implement a member after the change; assisting agencies not
 * among them are removed (without it, agencies are left as they are).
 */
export function editBundleCodes(text: string, replace: Replacement, agencies?: ReadonlySet<string>): BundleEditResult {
  if (text.startsWith('\uFEFF')) {
    const edited = editBundleCodes(text.slice(1), replace, agencies);
    return 'text' in edited ? { ...edited, text: '\uFEFF' + edited.text } : edited;
  }
  const { parseDocument, isMap, isSeq, isScalar } = yaml();
  const doc = parseDocument(text, { uniqueKeys: true });
  const at = (offset: number): { refused: { code: FindingCode; range: Range } } => {
    const start = positionAt(text, offset);
    return { refused: { code: 'edit/not-block-mapping', range: { start, end: start } } };
  };
  const root = doc.contents;
  if (doc.errors.length || !isMap(root) || root.flow) return at(0);
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = (offset: number) => {
    const next = text.indexOf('\n', offset);
    return next < 0 ? text.length : next + 1;
  };
  const edits: Edit[] = [];

  /** The lines of an entry of a block sequence (`- …` up to the end of its last line). */
  const span = (item: Node): { start: number; end: number } => {
    const range = item.range as [number, number, number];
    const start = lineStart(range[0]);
    if (!/^[ \t]*-[ \t]+$/.test(text.slice(start, range[0]))) throw new Refused('edit/not-plain-scalar', range[0]);
    return { start, end: lineEnd(Math.max(range[0], range[1] - 1)) };
  };
  const seqOf = (node: unknown): YAMLSeq | undefined => (isSeq(node) ? node : undefined);
  const scalarCode = (node: unknown): Scalar<string> | undefined =>
    isScalar(node) && typeof node.value === 'string' ? (node as Scalar<string>) : undefined;

  /** A list of codes (usedBy, neededBy) after replacement; whether it is now empty (its owner then goes). */
  const editCodeList = (seq: YAMLSeq): boolean => {
    const seen = new Set<string>();
    const result: { item: unknown; codes: string[] }[] = seq.items.map((item) => {
      const code = scalarCode(item);
      const codes = code ? replace(code.value).filter((c) => !seen.has(c)) : [];
      codes.forEach((c) => seen.add(c));
      if (!code) throw new Refused('edit/not-plain-scalar', (item as Node).range?.[0] ?? 0);
      return { item, codes };
    });
    const unchanged = result.every(({ item, codes }) => codes.length === 1 && codes[0] === scalarCode(item)?.value);
    if (unchanged) return false;
    if (result.every((r) => r.codes.length === 0)) return true;
    const range = seq.range as [number, number, number];
    if (seq.flow) {
      // Rewritten whole: `[a, b]`, each unchanged entry as it was written.
      if (text.slice(range[0], range[1]).includes('#')) throw new Refused('edit/not-plain-scalar', range[0]);
      const entries = result.flatMap(({ item, codes }) => {
        const scalar = item as Scalar<string>;
        const [start, end] = scalar.range as [number, number, number];
        return codes.length === 1 && codes[0] === scalar.value ? [text.slice(start, end)] : codes.map(quoted);
      });
      edits.push({ start: range[0], end: range[1], text: `[${entries.join(', ')}]` });
      return false;
    }
    for (const { item, codes } of result) {
      const scalar = item as Scalar<string>;
      const [start, end] = scalar.range as [number, number, number];
      if (codes.length === 1 && codes[0] === scalar.value) continue;
      const lines = span(scalar);
      if (codes.length === 0) {
        edits.push({ ...lines, text: '' });
        continue;
      }
      const indent = text.slice(lines.start, start).replace(/-[ \t]+$/, '');
      edits.push({ start, end, text: codes.map(quoted).join(`${newline}${indent}- `) });
    }
    return false;
  };

  /** Entries (fields, materials) of a block sequence whose code list `key` is edited; emptied ones go. */
  const editEntries = (seq: YAMLSeq | undefined, key: string): number => {
    if (!seq) return 0;
    let left = 0;
    for (const entry of seq.items) {
      const list = isMap(entry) ? seqOf((entry as YAMLMap).get(key, true)) : undefined;
      if (!list || !editCodeList(list)) {
        left++;
        continue;
      }
      if (seq.flow) throw new Refused('edit/not-plain-scalar', seq.range?.[0] ?? 0);
      edits.push({ ...span(entry as Node), text: '' });
    }
    return left;
  };

  try {
    // Members: each replaced in place, removed, or copied once per new code (a split).
    const members = seqOf(root.get('members', true));
    const seen = new Set<string>();
    for (const member of members?.items ?? []) {
      const code = isMap(member) ? scalarCode((member as YAMLMap).get('code', true)) : undefined;
      if (!code) continue;
      const codes = replace(code.value).filter((c) => !seen.has(c));
      codes.forEach((c) => seen.add(c));
      if (codes.length === 1 && codes[0] === code.value) continue;
      if (members?.flow) throw new Refused('edit/not-plain-scalar', members.range?.[0] ?? 0);
      const lines = span(member as Node);
      if (codes.length === 0) {
        edits.push({ ...lines, text: '' });
        continue;
      }
      const [codeStart, codeEnd] = code.range as [number, number, number];
      edits.push({ start: codeStart, end: codeEnd, text: quoted(codes[0] as string) });
      let block = text.slice(lines.start, lines.end);
      if (!block.endsWith('\n')) block += newline;
      const copies = codes
        .slice(1)
        .map((c) => block.slice(0, codeStart - lines.start) + quoted(c) + block.slice(codeEnd - lines.start));
      const gap = text.slice(lines.start, lines.end).endsWith('\n') ? '' : newline;
      edits.push({ start: lines.end, end: lines.end, text: gap + copies.join('') });
    }
    const formPair = root.items.find((p) => isScalar(p.key) && p.key.value === 'form');
    const form = formPair && isMap(formPair.value) ? (formPair.value as YAMLMap) : undefined;
    const fields = form ? seqOf(form.get('fields', true)) : undefined;
    const before = edits.length;
    if (fields && editEntries(fields, 'usedBy') === 0 && fields.items.length) {
      // No field is left for any member: the form goes with them.
      edits.splice(before);
      const key = (formPair?.key as Node).range as [number, number, number];
      const value = form?.range as [number, number, number];
      edits.push({ start: lineStart(key[0]), end: lineEnd(Math.max(key[0], value[1] - 1)), text: '' });
    }
    editEntries(seqOf(root.get('materials', true)), 'neededBy');
    // Assisting agencies that no longer implement any member.
    const assistingPair = root.items.find((p) => isScalar(p.key) && p.key.value === 'assisting');
    const assisting = seqOf(assistingPair?.value);
    const dropped = (assisting?.items ?? []).filter((entry) => {
      const uscc = isMap(entry) ? scalarCode((entry as YAMLMap).get('uscc', true)) : undefined;
      return agencies !== undefined && uscc !== undefined && !agencies.has(uscc.value);
    });
    if (assisting && dropped.length === assisting.items.length && dropped.length) {
      // None is left: the key goes with them.
      const key = (assistingPair?.key as Node).range as [number, number, number];
      const value = assisting.range as [number, number, number];
      edits.push({ start: lineStart(key[0]), end: lineEnd(Math.max(key[0], value[1] - 1)), text: '' });
    } else
      for (const entry of dropped) {
        if (assisting?.flow) throw new Refused('edit/not-plain-scalar', assisting.range?.[0] ?? 0);
        edits.push({ ...span(entry as Node), text: '' });
      }
  } catch (error) {
    if (error instanceof Refused) return { refused: refusal(text, error) };
    throw error;
  }

  if (edits.length === 0) return { text, changed: false };
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let edited = text;
  let limit = Infinity;
  for (const edit of edits) {
    if (edit.end > limit) return refusalAt(text, edit.start);
    edited = edited.slice(0, edit.start) + edit.text + edited.slice(edit.end);
    limit = edit.start;
  }
  // Safety net: the edit gives exactly the bundle the replacement should give.
  const expected = replaceBundleCodes(doc.toJS() as Record<string, unknown>, replace, agencies);
  const after = parseDocument(edited);
  if (after.errors.length || !isDeepStrictEqual(after.toJS(), expected)) return refusalAt(text, 0, 'edit/unsafe');
  return { text: edited, changed: true };
}

function refusal(text: string, error: Refused): { code: FindingCode; range: Range } {
  const start = positionAt(text, error.offset);
  return { code: error.code, range: { start, end: start } };
}

function refusalAt(
  text: string,
  offset: number,
  code: FindingCode = 'edit/unsafe',
): { refused: { code: FindingCode; range: Range } } {
  const start = positionAt(text, offset);
  return { refused: { code, range: { start, end: start } } };
}
