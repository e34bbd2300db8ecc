/**
 * Positions of JSON pointers in plain-shape YAML (what plain-yaml.ts reads) by walking its lines, without
 * a syntax tree. Findings are placed at `file:line:col`; building the `yaml` library's tree for that costs
 * ~1.5 ms a file, ten times the whole validation of an item — and in real catalogs most items have some
 * finding (a missing element), so placing them was most of a run. Only the lines on the pointer's way are
 * looked at.
 *
 * The answers are the tree locator's (parse-yaml.ts createLocator): the same node for the same pointer,
 * the same rules for a missing property (the deepest pair that exists) and for a collection (its key, else
 * its first key or item). Where this walk is not sure — an empty value, a list of lists — it answers
 * undefined and the tree locator is asked. test/plain-locator.test.ts compares the two on every pointer of
 * every YAML file of the repository and of generated items.
 */
import type { Range } from '../core/diagnostic.js';
import { fromPointer } from '../core/pointer.js';
import { forEachContentLine, parsePlainYaml, withLfLineEnds } from './plain-yaml.js';

interface Line {
  /** 1-based line number in the file. */
  number: number;
  /** Offset of the line's first character in the text. */
  start: number;
  indent: number;
  /** Offset just after the line's last character that is not a space. */
  end: number;
}

/** A span of one line: [from, to) as offsets in the text. */
interface Span {
  line: Line;
  from: number;
  to: number;
}

/** A block collection starts on a line (its entries at `column`); the others are spans of one line. */
type Node =
  | { kind: 'map'; line: number; column: number }
  | { kind: 'seq'; line: number; column: number }
  | (Span & { kind: 'flow-map' })
  | (Span & { kind: 'flow-seq' })
  | (Span & { kind: 'scalar' })
  | { kind: 'empty' };

interface Entry {
  key: string;
  keySpan: Span;
  /** Worked out when asked: a lookup by key needs only the one it finds. */
  value: () => Node;
}

export type PlainLocator = (pointer: string, target?: 'key' | 'value') => Range | undefined;

/**
 * A locator for `text`, or undefined when the text is not of the plain shape. `plain`: the caller knows
 * it is (plain-yaml.ts read this very text), and it is not read again to find out.
 */
export function plainLocator(text: string, options: { plain?: boolean } = {}): PlainLocator | undefined {
  if (!options.plain && parsePlainYaml(text) === undefined) return undefined;
  const walker = new Walker(text);
  return (pointer, target = 'value') => walker.locate(pointer, target);
}

const isEntryAt = (text: string, offset: number, end: number) =>
  text.charCodeAt(offset) === 0x2d && (offset + 1 === end || text.charCodeAt(offset + 1) === 0x20);

class Walker {
  private readonly lines: Line[] = [];
  private readonly text: string;

  /** Offsets are in the text with LF line ends; lines and columns are the same as in the file's. */
  constructor(source: string) {
    const text = withLfLineEnds(source);
    this.text = text;
    forEachContentLine(text, (number, start, from, to) => {
      this.lines.push({ number, start, indent: from - start, end: to });
    });
  }

  locate(pointer: string, target: 'key' | 'value'): Range | undefined {
    let node: Node | undefined = { kind: 'map', line: 0, column: 0 };
    let pair: Entry | undefined;
    for (const segment of fromPointer(pointer)) {
      if (node.kind === 'map' || node.kind === 'flow-map') {
        const next: Entry | undefined = this.entries(node).find((e) => e.key === segment);
        if (!next) break;
        pair = next;
        node = next.value();
      } else if (node.kind === 'seq' || node.kind === 'flow-seq') {
        const next: Node | undefined = this.items(node)[Number(segment)];
        if (!next) break;
        pair = undefined;
        node = next;
      } else break;
      // An empty value: the tree locator has its own idea of where it is.
      if (node.kind === 'empty') return undefined;
    }
    const collection =
      node.kind === 'map' || node.kind === 'seq' || node.kind === 'flow-map' || node.kind === 'flow-seq';
    let first: Span | undefined;
    if (collection && !pair) {
      if (node.kind === 'map' || node.kind === 'flow-map') first = this.entries(node)[0]?.keySpan;
      else if (node.kind === 'seq' || node.kind === 'flow-seq') {
        const item = this.items(node)[0];
        // A list's first item that is itself a collection: left to the tree locator.
        if (item && item.kind !== 'scalar') return undefined;
        first = item;
      }
    }
    const keySpan = pair ? pair.keySpan : first;
    const chosen = (target === 'key' || collection) && keySpan ? keySpan : collection ? undefined : (node as Span);
    if (!chosen) return undefined;
    return {
      start: { line: chosen.line.number, column: chosen.from - chosen.line.start + 1 },
      end: { line: chosen.line.number, column: Math.max(chosen.from, chosen.to) - chosen.line.start + 1 },
    };
  }

  /** The value written from `from` to `end` on `line`: a scalar or a flow collection (its span). */
  private inline(line: Line, from: number, end: number): Node {
    const text = this.text;
    const first = text[from];
    if (first === '[' || first === '{') {
      const close = text.lastIndexOf(first === '[' ? ']' : '}', end - 1);
      return { kind: first === '[' ? 'flow-seq' : 'flow-map', line, from, to: close + 1 };
    }
    if (first === '"') return { kind: 'scalar', line, from, to: text.indexOf('"', from + 1) + 1 };
    if (first === "'") {
      let at = from + 1;
      for (;;) {
        const quote = text.indexOf("'", at);
        // No closing quote cannot happen in the plain shape; in a text changed since, it must not loop.
        if (quote < 0 || quote >= end) return { kind: 'scalar', line, from, to: end };
        if (text[quote + 1] !== "'") return { kind: 'scalar', line, from, to: quote + 1 };
        at = quote + 2;
      }
    }
    // A plain scalar ends before a comment (` #`) and the spaces before it. Looked for within the line
    // only: indexOf would search on to the end of the file for every value without a comment.
    let to = from;
    while (to < end && !(text.charCodeAt(to) === 0x20 && text.charCodeAt(to + 1) === 0x23)) to++;
    while (to > from && text.charCodeAt(to - 1) === 0x20) to--;
    return { kind: 'scalar', line, from, to };
  }

  /** `key: value` from offset `at` of a line: the key and the value's first offset (the line's end if none). */
  private pairAt(line: Line, at: number): { key: string; keySpan: Span; value: number } {
    const colon = this.text.indexOf(':', at);
    let value = colon + 1;
    while (this.text.charCodeAt(value) === 0x20) value++;
    if (value < line.end && this.text.charCodeAt(value) === 0x23) value = line.end;
    return { key: this.text.slice(at, colon), keySpan: { line, from: at, to: colon }, value };
  }

  /** Index of the first line after the block whose lines are more indented than `indent`. */
  private after(from: number, indent: number): number {
    let i = from;
    while (i < this.lines.length && (this.lines[i] as Line).indent > indent) i++;
    return i;
  }

  /** The value of `key:` with nothing after it on line `i` (at column `indent`). */
  private nested(i: number, indent: number): { node: Node; next: number } {
    const next = this.lines[i + 1];
    if (next && next.indent > indent) {
      const at = next.start + next.indent;
      const kind = isEntryAt(this.text, at, next.end) ? 'seq' : 'map';
      return { node: { kind, line: i + 1, column: next.indent }, next: this.after(i + 1, indent) };
    }
    if (next && next.indent === indent && isEntryAt(this.text, next.start + next.indent, next.end)) {
      let end = i + 1;
      while (end < this.lines.length) {
        const line = this.lines[end] as Line;
        if (line.indent < indent || (line.indent === indent && !isEntryAt(this.text, line.start + indent, line.end)))
          break;
        end++;
      }
      return { node: { kind: 'seq', line: i + 1, column: indent }, next: end };
    }
    return { node: { kind: 'empty' }, next: i + 1 };
  }

  private entries(node: Extract<Node, { kind: 'map' | 'flow-map' }>): Entry[] {
    if (node.kind === 'flow-map') return this.flowParts(node).map((part) => this.flowEntry(node.line, part));
    const out: Entry[] = [];
    // The first line may be a list entry's (`- key: value`), its content starting at `column`.
    for (let i = node.line; i < this.lines.length;) {
      const line = this.lines[i] as Line;
      const at = line.start + node.column;
      if (i !== node.line && (line.indent !== node.column || isEntryAt(this.text, at, line.end))) break;
      const { key, keySpan, value } = this.pairAt(line, at);
      if (value < line.end) {
        out.push({ key, keySpan, value: () => this.inline(line, value, line.end) });
        i = this.after(i + 1, node.column);
      } else {
        const nested = this.nested(i, node.column);
        out.push({ key, keySpan, value: () => nested.node });
        i = nested.next;
      }
    }
    return out;
  }

  private items(node: Extract<Node, { kind: 'seq' | 'flow-seq' }>): Node[] {
    if (node.kind === 'flow-seq') return this.flowParts(node).map((part) => this.inline(node.line, part.from, part.to));
    const out: Node[] = [];
    for (let i = node.line; i < this.lines.length;) {
      const line = this.lines[i] as Line;
      if (line.indent !== node.column || !isEntryAt(this.text, line.start + node.column, line.end)) break;
      let at = line.start + node.column + 1;
      while (this.text.charCodeAt(at) === 0x20) at++;
      const first = this.text[at];
      const quotedOrFlow = first === '"' || first === "'" || first === '[' || first === '{';
      if (!quotedOrFlow && /^[A-Za-z_][A-Za-z0-9_]*:(?: |$)/.test(this.text.slice(at, line.end))) {
        out.push({ kind: 'map', line: i, column: at - line.start });
      } else out.push(this.inline(line, at, line.end));
      i = this.after(i + 1, node.column);
    }
    return out;
  }

  /** The comma-separated parts inside `[ ]` or `{ }`, trimmed (plain-yaml.ts refuses anything subtler). */
  private flowParts(node: Span): { from: number; to: number }[] {
    const parts: { from: number; to: number }[] = [];
    const inner = { from: node.from + 1, to: node.to - 1 };
    if (this.text.slice(inner.from, inner.to).trim() === '') return parts;
    for (let from = inner.from; from <= inner.to;) {
      let to = this.text.indexOf(',', from);
      if (to < 0 || to > inner.to) to = inner.to;
      let a = from;
      let b = to;
      while (a < b && this.text.charCodeAt(a) === 0x20) a++;
      while (b > a && this.text.charCodeAt(b - 1) === 0x20) b--;
      parts.push({ from: a, to: b });
      from = to + 1;
    }
    return parts;
  }

  private flowEntry(line: Line, part: { from: number; to: number }): Entry {
    const colon = this.text.indexOf(': ', part.from);
    let keyEnd = colon;
    while (keyEnd > part.from && this.text.charCodeAt(keyEnd - 1) === 0x20) keyEnd--;
    let value = colon + 2;
    while (this.text.charCodeAt(value) === 0x20) value++;
    return {
      key: this.text.slice(part.from, keyEnd),
      keySpan: { line, from: part.from, to: keyEnd },
      value: () => this.inline(line, value, part.to),
    };
  }
}
