/**
 * Edits one top-level scalar of a YAML item by splicing text at the positions the parser reports, so every
 * byte outside the changed value (comments, key order, quoting, blank lines) stays as the author wrote it.
 * An edit that cannot be made safely (the value is an alias, the document is a flow mapping) is refused
 * with its position; every edit is re-parsed and checked to change exactly that one value.
 */
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import type { FindingCode, Range } from '../core/diagnostic.js';
import { positionAt } from '../core/position.js';

type YamlModule = typeof import('yaml');
const yaml = (): YamlModule => createRequire(import.meta.url)('yaml') as YamlModule;

export type EditResult = { text: string } | { refused: { code: FindingCode; range: Range } };

function at(text: string, offset: number): Range {
  const start = positionAt(text, offset);
  return { start, end: start };
}

/**
 * `key: "value"` set at the top of a block mapping: replaced where it is, else added as the first key
 * (`code`, which identifies the item) or the last (`status`, `cancelDate`). A byte-order mark and the
 * file's line endings (LF or CRLF) are kept.
 */
export function setTopLevelString(
  text: string,
  key: string,
  value: string,
  where: 'first' | 'last' = 'first',
): EditResult {
  if (text.startsWith('\uFEFF')) {
    const edited = setTopLevelString(text.slice(1), key, value, where);
    return 'text' in edited ? { text: '\uFEFF' + edited.text } : edited;
  }
  const { parseDocument, isMap, isScalar, isAlias } = yaml();
  const doc = parseDocument(text, { uniqueKeys: true });
  const root = doc.contents;
  if (doc.errors.length || !isMap(root)) return { refused: { code: 'edit/not-block-mapping', range: at(text, 0) } };
  if (root.flow) return { refused: { code: 'edit/not-block-mapping', range: at(text, root.range?.[0] ?? 0) } };
  const quoted = JSON.stringify(value);
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
  let edited: string;
  if (pair) {
    const node = pair.value;
    if (isAlias(node) || (node && !isScalar(node)))
      return {
        refused: { code: 'edit/not-plain-scalar', range: at(text, (node as { range?: number[] }).range?.[0] ?? 0) },
      };
    if (node && node.range && node.range[1] > node.range[0])
      edited = text.slice(0, node.range[0]) + quoted + text.slice(node.range[1]);
    else {
      // `key:` with nothing after it: put the value after the colon.
      const keyEnd = (pair.key as { range: number[] }).range[1] as number;
      const colon = text.indexOf(':', keyEnd);
      edited = text.slice(0, colon + 1) + ' ' + quoted + text.slice(colon + 1).replace(/^[ \t]*/, '');
    }
  } else if (where === 'last') {
    const newline = text.includes('\r\n') ? '\r\n' : '\n';
    const body = text.endsWith('\n') || text === '' ? text : text + newline;
    edited = body + `${key}: ${quoted}${newline}`;
  } else {
    const first = root.items[0]?.key as { range?: number[] } | undefined;
    const offset = first?.range?.[0] ?? text.length;
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    if (offset !== lineStart) return { refused: { code: 'edit/not-block-mapping', range: at(text, offset) } };
    const newline = text.includes('\r\n') ? '\r\n' : '\n';
    edited = text.slice(0, lineStart) + `${key}: ${quoted}${newline}` + text.slice(lineStart);
  }
  // Safety net: the edit changed exactly this value.
  const before = doc.toJS() as Record<string, unknown>;
  const after = parseDocument(edited).toJS() as Record<string, unknown>;
  if (!isDeepStrictEqual({ ...before, [key]: value }, after))
    return { refused: { code: 'edit/unsafe', range: at(text, 0) } };
  return { text: edited };
}
