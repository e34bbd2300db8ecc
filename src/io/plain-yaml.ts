/**
 * The fastest path for the files catalogs are made of: block mappings and sequences, one-line scalars
 * (plain, or quoted without escapes) and one-line flow collections of scalars, comments. Anything else —
 * a multi-line or block scalar, an escape, a tag, an anchor, a complex or quoted key, CRLF line ends, a
 * document marker, a duplicate key, indentation it does not expect — returns undefined, and the file
 * takes js-yaml (and, for what js-yaml rejects, the full parser). Plain scalars are resolved by js-yaml's
 * own core-schema types in js-yaml's order, so whatever this returns is what js-yaml returns
 * (test/plain-yaml.test.ts compares the two on every YAML file of the repository and on generated text).
 * About 4× faster than js-yaml on item files: no per-character state machine, one pass over lines.
 */
import { CORE_SCHEMA, type Type } from 'js-yaml';

/**
 * What js-yaml refuses in any input (its non-printable characters), tabs (which YAML reads as white
 * space in some places and not others), a CR that does not end a line, and surrogates (astral
 * characters: legal, but rare in catalogs): a text with any of them never takes this path.
 */
// eslint-disable-next-line no-control-regex
const UNUSUAL = /[\x00-\x09\x0B-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Windows line ends read as YAML reads them, as line ends: same lines, same columns. */
export function withLfLineEnds(text: string): string {
  return text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
}

/** The implicit types of js-yaml's CORE_SCHEMA (null, bool, int, float), in the order js-yaml tries them. */
const IMPLICIT = (CORE_SCHEMA as unknown as { compiledImplicit: Type[] }).compiledImplicit;

/** A key as it is: an identifier that no implicit type reads as something else. */
const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SPECIAL_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '__proto__']);

/** Characters a plain scalar must not start with: YAML's indicators. */
const INDICATORS = new Set('?:,[]{}#&*!|>\'"%@`');

/**
 * Whether `text` (not empty, trimmed) may be a plain scalar: not starting with an indicator (`-` alone
 * or before a space is a sequence entry), not holding `: ` or ` #`, not ending with `:`. Without a
 * regular expression: an unanchored alternation tried at every position cost more than the rest of it.
 */
function canBePlain(text: string): boolean {
  const first = text[0] as string;
  if (INDICATORS.has(first)) return false;
  if (first === '-' && (text.length === 1 || text.charCodeAt(1) === 0x20)) return false;
  return !text.includes(': ') && !text.includes(' #') && text.charCodeAt(text.length - 1) !== 0x3a;
}

/**
 * `text` without spaces at either end: YAML's white space in a line is the space (tabs never take this
 * path), not U+3000. By char codes rather than a regular expression: it runs on every value.
 */
function trimSpaces(text: string): string {
  let from = 0;
  let to = text.length;
  while (from < to && text.charCodeAt(from) === 0x20) from++;
  while (to > from && text.charCodeAt(to - 1) === 0x20) to--;
  return from === 0 && to === text.length ? text : text.slice(from, to);
}

/**
 * A string value detached from the file text. Lines are slices of the text, and V8 keeps a slice of 13 or
 * more characters as a pointer into its parent: a kept value (a code in a summary) would hold the whole
 * file. Copying each kept value is cheaper than copying each line, and shorter slices are copies anyway.
 */
function detached(value: string): string {
  return value.length < 13 ? value : (' ' + value).slice(1);
}

class Reject extends Error {}
const reject = (): never => {
  throw new Reject();
};

interface Line {
  indent: number;
  content: string;
}

/** Whether an implicit type could read a scalar starting with this character (digits, `-+.~`, n N t T f F). */
function maybeTyped(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2d ||
    c === 0x2b ||
    c === 0x2e ||
    c === 0x7e ||
    c === 0x6e ||
    c === 0x4e ||
    c === 0x74 ||
    c === 0x54 ||
    c === 0x66 ||
    c === 0x46
  );
}

function resolvePlain(text: string): unknown {
  if (maybeTyped(text.charCodeAt(0))) for (const type of IMPLICIT) if (type.resolve(text)) return type.construct(text);
  return detached(text);
}

/** `text` without a trailing comment (` #…`), trimmed; quotes are not looked into (callers handle them). */
function withoutComment(text: string): string {
  const hash = text.indexOf(' #');
  return trimSpaces(hash < 0 ? text : text.slice(0, hash));
}

/**
 * A plain scalar. Inside `[ ]`/`{ }`, where `,[]{}` end one, `flow` has split the text at commas and
 * refused brackets before it gets here.
 */
function plain(text: string): unknown {
  if (text === '' || !canBePlain(text)) reject();
  return resolvePlain(text);
}

/** A one-line quoted scalar without escapes, and what follows it on the line. */
function quoted(text: string): { value: string; rest: string } {
  const quote = text[0];
  if (quote === '"') {
    const end = text.indexOf('"', 1);
    if (end < 0) reject();
    const value = text.slice(1, end);
    if (value.includes('\\')) reject();
    return { value: detached(value), rest: text.slice(end + 1) };
  }
  let value = '';
  let i = 1;
  for (;;) {
    const end = text.indexOf("'", i);
    if (end < 0) reject();
    value += text.slice(i, end);
    if (text[end + 1] === "'") {
      value += "'";
      i = end + 2;
      continue;
    }
    return { value: detached(value), rest: text.slice(end + 1) };
  }
}

/** The end of a value line after a quoted scalar or a flow collection: nothing, or a comment. */
function endOfValue(rest: string): void {
  if (rest === '' || /^ +(?:#.*)?$/.test(rest)) return;
  reject();
}

function flowScalar(text: string): unknown {
  const item = trimSpaces(text);
  if (item[0] === '"' || item[0] === "'") {
    const { value, rest } = quoted(item);
    if (trimSpaces(rest) !== '') reject();
    return value;
  }
  return plain(item);
}

/** `[a, b]` or `{ k: v, … }` on one line, of scalars only. */
function flow(text: string): unknown {
  const close = text[0] === '[' ? ']' : '}';
  const end = text.lastIndexOf(close);
  if (end < 0) reject();
  endOfValue(text.slice(end + 1));
  const inner = text.slice(1, end);
  let quotes = false;
  let commas = false;
  for (let i = 0; i < inner.length; i++) {
    const c = inner.charCodeAt(i);
    // Nested collections and comments: left to js-yaml.
    if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x23) reject();
    if (c === 0x22 || c === 0x27) quotes = true;
    else if (c === 0x2c) commas = true;
  }
  // Quoted items holding a comma would be split wrongly: leave those to js-yaml.
  if (quotes && commas && /["'][^"']*,[^"']*["']/.test(inner)) reject();
  const parts = trimSpaces(inner) === '' ? [] : inner.split(',');
  if (close === ']') return parts.map(flowScalar);
  const map: Record<string, unknown> = {};
  for (const part of parts) {
    const colon = part.indexOf(': ');
    if (colon < 0) reject();
    const key = trimSpaces(part.slice(0, colon));
    if (!KEY.test(key) || SPECIAL_KEYS.has(key) || map[key] !== undefined) reject();
    map[key] = flowScalar(part.slice(colon + 2));
  }
  return map;
}

/** A value on the line of its key or dash. */
function scalarOrFlow(text: string): unknown {
  const first = text[0];
  if (first === '"' || first === "'") {
    const { value, rest } = quoted(text);
    endOfValue(rest);
    return value;
  }
  if (first === '[' || first === '{') return flow(text);
  return plain(withoutComment(text));
}

/** `key:` or `key: value` → [key, value text ('' when none)], or undefined when the line is not a pair. */
function pair(content: string): [string, string] | undefined {
  // The key's characters, then `:` at the end or before a space.
  let i = 0;
  for (; i < content.length; i++) {
    const c = content.charCodeAt(i);
    const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
    if (!letter && !(i > 0 && c >= 0x30 && c <= 0x39)) break;
  }
  if (content.charCodeAt(i) !== 0x3a) return content.indexOf(':') < 0 ? undefined : reject();
  const after = content.charCodeAt(i + 1);
  if (i === 0 || (after === after && after !== 0x20)) return content.indexOf(': ') < 0 ? undefined : reject();
  const key = content.slice(0, i);
  if (i <= 9 && SPECIAL_KEYS.has(key)) reject();
  let start = i + 1;
  while (content.charCodeAt(start) === 0x20) start++;
  return [key, start >= content.length || content.charCodeAt(start) === 0x23 ? '' : content.slice(start)];
}

const isEntry = (content: string) => content === '-' || content.startsWith('- ');

/** Far below js-yaml's own limit (100), so a deep file takes js-yaml and its nesting check. */
const MAX_DEPTH = 40;

class Parser {
  i = 0;
  private depth = 0;
  constructor(readonly lines: Line[]) {}

  /** The node whose first line is the current one, at its indentation. */
  block(indent: number): unknown {
    this.deeper();
    const node = isEntry((this.lines[this.i] as Line).content) ? this.sequence(indent) : this.mapping(indent);
    this.depth--;
    return node;
  }

  /**
   * One level deeper, refused past MAX_DEPTH. Callers step back up after the node; a rejection abandons
   * the whole parse, so nothing needs restoring then (no closure or try/finally per node).
   */
  private deeper(): void {
    if (++this.depth > MAX_DEPTH) reject();
  }

  /** After a one-line value, the next line must not be more indented (that would continue the scalar). */
  private noContinuation(indent: number): void {
    const next = this.lines[this.i];
    if (next && next.indent > indent) reject();
  }

  /** The value of `key:` with nothing after it: a nested block, a sequence at the key's indentation, or null. */
  private nested(indent: number): unknown {
    const next = this.lines[this.i];
    if (next && next.indent > indent) return this.block(next.indent);
    if (next && next.indent === indent && isEntry(next.content)) return this.sequence(indent);
    return null;
  }

  mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (let line = this.lines[this.i]; line && line.indent === indent; line = this.lines[this.i]) {
      if (isEntry(line.content)) break;
      const kv = pair(line.content);
      if (!kv) return reject();
      const [key, rest] = kv;
      if (map[key] !== undefined) reject(); // a duplicate (values are never undefined; `toString`… refused too)
      this.i++;
      if (rest === '') map[key] = this.nested(indent);
      else {
        map[key] = scalarOrFlow(rest);
        this.noContinuation(indent);
      }
    }
    const next = this.lines[this.i];
    if (next && next.indent > indent) reject();
    return map;
  }

  sequence(indent: number): unknown[] {
    const list: unknown[] = [];
    for (let line = this.lines[this.i]; line && line.indent === indent; line = this.lines[this.i]) {
      if (!isEntry(line.content)) break;
      // An entry with its value on the lines below (`-` alone) is left to js-yaml, which reads some such
      // layouts leniently; item files do not use it.
      const body = line.content.slice(2);
      let skipped = 0;
      while (body.charCodeAt(skipped) === 0x20) skipped++;
      const column = indent + 2 + skipped;
      const text = trimSpaces(body);
      if (text === '' || text.startsWith('#') || isEntry(text)) reject();
      // `- key: value`: a mapping whose lines start at the key's column.
      if (text[0] !== '"' && text[0] !== "'" && text[0] !== '[' && text[0] !== '{' && pair(text)) {
        this.lines[this.i] = { indent: column, content: text };
        this.deeper();
        list.push(this.mapping(column));
        this.depth--;
        continue;
      }
      this.i++;
      list.push(scalarOrFlow(text));
      this.noContinuation(indent);
    }
    const next = this.lines[this.i];
    if (next && next.indent > indent) reject();
    return list;
  }
}

/**
 * Each line of `text` that holds something (not blank, not only a comment): its number (1-based), the
 * offset it starts at, and its content's first and end offsets, spaces trimmed. `visit` returns false to
 * stop. The plain reader and the line walk that places findings (plain-locator.ts) see the same lines.
 */
export function forEachContentLine(
  text: string,
  visit: (number: number, start: number, from: number, to: number) => boolean | void,
): void {
  let number = 0;
  for (let start = 0; start < text.length;) {
    number++;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let from = start;
    while (text.charCodeAt(from) === 0x20) from++;
    let to = end;
    while (to > from && text.charCodeAt(to - 1) === 0x20) to--;
    if (to > from && text.charCodeAt(from) !== 0x23 && visit(number, start, from, to) === false) return;
    start = end + 1;
  }
}

/** The mapping in `text`, or undefined when the text is not of the plain shape this reads. */
export function parsePlainYaml(source: string): Record<string, unknown> | undefined {
  const text = withLfLineEnds(source);
  if (UNUSUAL.test(text)) return undefined;
  const lines: Line[] = [];
  let marker = false;
  forEachContentLine(text, (_, start, from, to) => {
    const indent = from - start;
    const first = text.charCodeAt(from);
    // Document markers and directives.
    if (
      indent === 0 &&
      (first === 0x25 || ((first === 0x2d || first === 0x2e) && /^(?:---|\.\.\.)/.test(text.slice(from, from + 3))))
    ) {
      marker = true;
      return false;
    }
    lines.push({ indent, content: text.slice(from, to) });
  });
  if (marker) return undefined;
  if (!lines.length || (lines[0] as Line).indent !== 0) return undefined;
  const parser = new Parser(lines);
  try {
    if (isEntry((lines[0] as Line).content)) return undefined;
    const data = parser.mapping(0);
    return parser.i === lines.length ? data : undefined;
  } catch (error) {
    if (error instanceof Reject) return undefined;
    throw error;
  }
}
