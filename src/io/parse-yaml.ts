/**
 * YAML text → one mapping document, with every problem as a located finding and never an exception.
 *
 * Two parsers, one behaviour: js-yaml (YAML 1.2 core schema, ~9× faster here) reads plain files; a file
 * with anything unusual (anchors or aliases, tabs, directives) or that js-yaml rejects is parsed again by
 * `yaml`, which produces every finding. So findings always come from one parser, and clean files are fast.
 * Positions for findings that come later (schema, rules) are computed on demand by a Locator, so a
 * clean file costs one parse and holds no syntax tree in memory.
 */
import { plainLocator, type PlainLocator } from './plain-locator.js';
import { createRequire } from 'node:module';
import { CORE_SCHEMA, load as loadFast } from 'js-yaml';
import type { Document, LineCounter, Node, Pair } from 'yaml';
import type { Finding, FindingCode, Range } from '../core/diagnostic.js';
import { defaultSeverity } from '../core/finding-codes.js';
import { positionAt } from '../core/position.js';
import { fromPointer } from '../core/pointer.js';
import { parsePlainYaml } from './plain-yaml.js';

type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;

/** The full parser, loaded on first use: a run over clean files never needs it. */
function yaml(): YamlModule {
  yamlModule ??= createRequire(import.meta.url)('yaml') as YamlModule;
  return yamlModule;
}

/** No item nests this deep; the YAML parser itself runs out of memory on flow collections far deeper. */
export const MAX_NESTING = 100;

/** Aliases an item may use before it is refused as an expansion ("billion laughs") attack. */
const MAX_ALIAS_COUNT = 100;

export type Locator = (pointer: string, target?: 'key' | 'value') => Range | undefined;

export interface ParsedYaml {
  data?: Record<string, unknown>;
  findings: Finding[];
  /** The text has the plain shape plain-yaml.ts reads (so its findings can be placed by its lines). */
  plain?: true;
}

function rangeFrom(lineCounter: LineCounter, start: number, end: number): Range {
  const s = lineCounter.linePos(start);
  const e = lineCounter.linePos(Math.max(start, end));
  return { start: { line: s.line, column: s.col }, end: { line: e.line, column: e.col } };
}

/** The offset where unclosed `[`/`{` first pass MAX_NESTING, scanning without a parser. */
function excessiveFlowNesting(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_NESTING) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return undefined;
}

function depthExceeds(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (limit === 0) return true;
  if (Array.isArray(value)) {
    for (const child of value) if (depthExceeds(child, limit - 1)) return true;
    return false;
  }
  for (const key in value) if (depthExceeds((value as Record<string, unknown>)[key], limit - 1)) return true;
  return false;
}

/** No content at all, or only the implicit null of a bare `---`. */
function isEmptyDocument(doc: Document): boolean {
  const contents = doc.contents;
  return contents === null || (yaml().isScalar(contents) && contents.value === null && contents.source === '');
}

const YAML_ERROR_CODES: Record<string, FindingCode> = {
  DUPLICATE_KEY: 'yaml/duplicate-key',
  TAB_AS_INDENT: 'yaml/tab-indent',
};

/** The yaml library's message without its trailing "at line N, column M:" and source excerpt. */
function shortMessage(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * What a parser message means, as a key of the message catalogs' terms (`yaml.quote`…), so each language
 * can say it in its own words: the parser's own detail is English. A message of a kind not listed here is
 * passed on as it is.
 */
const YAML_REASONS: [RegExp, string][] = [
  [/^Missing closing .?quote/, 'yaml.quote'],
  [/must (?:be sufficiently indented and )?end with an? [\]}]|^BLOCK_IN_FLOW /, 'yaml.flow-end'],
  [/^Missing , /, 'yaml.flow-separator'],
  [/^Missing space after :/, 'yaml.colon-space'],
  [/^Implicit (?:map )?keys|^(?:MULTILINE_IMPLICIT_KEY|BLOCK_AS_IMPLICIT_KEY) /, 'yaml.implicit-key'],
  [/^Plain value cannot start with/, 'yaml.plain-start'],
  [/^Sequence item without - indicator/, 'yaml.sequence'],
  [/^Comments must be separated/, 'yaml.comment-space'],
  [/^BAD_INDENT |same column/, 'yaml.indent'],
  [/^TAG_RESOLVE_FAILED /, 'yaml.tag'],
  [/^BAD_ALIAS /, 'yaml.alias'],
  [/^BAD_DQ_ESCAPE /, 'yaml.escape'],
  [/^KEY_OVER_1024_CHARS /, 'yaml.key-length'],
  [/^UNEXPECTED_TOKEN |^Unexpected /, 'yaml.unexpected'],
];

export function yamlReason(code: string, message: string): string {
  const detail = shortMessage(message);
  for (const [pattern, reason] of YAML_REASONS) if (pattern.test(detail) || pattern.test(`${code} `)) return reason;
  return detail;
}

/** Anchors/aliases (&a, *a) need the alias limit; tabs and directives need the full parser's findings. */
const NEEDS_FULL_PARSER = /(?:^|[\s[{,])[&*]\S|\t|^%/m;

function isPlainMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The fast path: data for a clean, plain file, or undefined to take the full parser. js-yaml enforces
 * the nesting limit itself (failing fast, flow or block alike), so hostile nesting simply falls through
 * to the full parser's guarded path.
 */
function parseFast(text: string): { data: Record<string, unknown>; plain?: true } | undefined {
  if (NEEDS_FULL_PARSER.test(text)) return undefined;
  const plain = parsePlainYaml(text);
  if (plain !== undefined) return { data: plain, plain: true };
  let data: unknown;
  try {
    data = loadFast(text, { schema: CORE_SCHEMA, maxDepth: MAX_NESTING });
  } catch {
    return undefined;
  }
  return isPlainMapping(data) ? { data } : undefined;
}

export function parseItemYaml(text: string, file: string): ParsedYaml {
  const fast = parseFast(text);
  return fast ? { ...fast, findings: [] } : parseFully(text, file);
}

function parseFully(text: string, file: string): ParsedYaml {
  const finding = (code: FindingCode, range: Range | undefined, args: Finding['args'] = {}): Finding => {
    const severity = defaultSeverity(code);
    return range ? { code, severity, file, path: '', args, range } : { code, severity, file, path: '', args };
  };

  const deep = excessiveFlowNesting(text);
  if (deep !== undefined) {
    const start = positionAt(text, deep);
    return { findings: [finding('yaml/too-deep', { start, end: start }, { limit: MAX_NESTING })] };
  }

  const { LineCounter, parseAllDocuments, isMap, isSeq } = yaml();
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const documents = Array.isArray(docs) ? docs : [];
  const findings: Finding[] = [];
  for (const doc of documents) {
    // After the first real syntax error the parser's further errors mostly echo it; duplicate keys are
    // independent of each other, so all of those are kept.
    let syntaxReported = false;
    for (const error of doc.errors) {
      const code = YAML_ERROR_CODES[error.code] ?? 'yaml/syntax';
      if (code !== 'yaml/duplicate-key') {
        if (syntaxReported) continue;
        syntaxReported = true;
      }
      findings.push(
        finding(code, rangeFrom(lineCounter, error.pos[0], error.pos[1]), {
          detail: shortMessage(error.message),
          reason: yamlReason(error.code, error.message),
        }),
      );
    }
    for (const warning of doc.warnings) {
      findings.push(
        finding('yaml/warning', rangeFrom(lineCounter, warning.pos[0], warning.pos[1]), {
          detail: shortMessage(warning.message),
          reason: yamlReason(warning.code, warning.message),
        }),
      );
    }
  }
  // A trailing `---` with nothing after it is harmless; a second document with content is not.
  const withContent = documents.filter((d) => !isEmptyDocument(d));
  const extra = withContent[1];
  if (extra)
    findings.push(
      finding('yaml/multi-document', rangeFrom(lineCounter, extra.range[0], extra.range[0]), {
        count: withContent.length,
      }),
    );
  if (findings.some((f) => f.severity === 'error')) return { findings };

  const doc = withContent[0];
  if (!doc)
    return {
      findings: [...findings, finding('yaml/empty', { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } })],
    };
  const root = doc.contents as Node;
  const [rootStart, rootEnd] = root.range ?? [0, 0];
  const atRoot = rangeFrom(lineCounter, rootStart, rootStart);
  if (!isMap(root)) {
    const actual = isSeq(root) ? 'list' : 'scalar';
    return {
      findings: [...findings, finding('yaml/not-mapping', rangeFrom(lineCounter, rootStart, rootEnd), { actual })],
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return { findings: [...findings, finding('yaml/alias-limit', atRoot, { limit: MAX_ALIAS_COUNT })] };
  }
  if (depthExceeds(data, MAX_NESTING)) {
    return { findings: [...findings, finding('yaml/too-deep', atRoot, { limit: MAX_NESTING })] };
  }
  return { data: data as Record<string, unknown>, findings };
}

function keyMatches(pair: Pair, segment: string): boolean {
  const key = pair.key;
  return yaml().isScalar(key) ? String(key.value) === segment : String(key) === segment;
}

/**
 * Finds the node a JSON pointer names. When the pointer goes past what exists (a missing property),
 * the deepest existing pair is the location: the error lands on the line of the object that lacks it.
 */
function resolve(doc: Document, segments: string[]): { node?: Node; pair?: Pair } {
  const { isMap, isSeq } = yaml();
  let node = doc.contents as Node | null;
  let pair: Pair | undefined;
  for (const segment of segments) {
    if (isMap(node)) {
      const next = node.items.find((p) => keyMatches(p, segment));
      if (!next) break;
      pair = next;
      node = (next.value as Node | null) ?? null;
    } else if (isSeq(node)) {
      const next = node.items[Number(segment)] as Node | undefined;
      if (!next) break;
      pair = undefined;
      node = next;
    } else break;
    if (!node) break;
  }
  return node ? { node, ...(pair ? { pair } : {}) } : pair ? { pair } : {};
}

/**
 * A Locator over `text`, reading it again only when the first position is asked for: by its lines when
 * it has the plain shape (plain-locator.ts), else — or where that walk is not sure — by a syntax tree.
 */
export function createLocator(text: string, options: { plain?: boolean } = {}): Locator {
  let plain: PlainLocator | false | undefined;
  const tree = treeLocator(text);
  return (pointer, target = 'value') => {
    plain ??= plainLocator(text, options) ?? false;
    return (plain && plain(pointer, target)) || tree(pointer, target);
  };
}

/** The Locator of the `yaml` library's syntax tree: for any YAML, at ~1.5 ms a file. */
export function treeLocator(text: string): Locator {
  let parsed: { doc: Document; lineCounter: LineCounter } | undefined;
  return (pointer, target = 'value') => {
    const { LineCounter, parseDocument, isMap, isScalar, isSeq } = yaml();
    if (!parsed) {
      const lineCounter = new LineCounter();
      parsed = { doc: parseDocument(text, { lineCounter, uniqueKeys: false }), lineCounter };
    }
    const { doc, lineCounter } = parsed;
    const { node, pair } = resolve(doc, fromPointer(pointer));
    // A whole mapping or list is shown by its key (`agency:`), not by a range spanning all its lines.
    const first = isMap(node) ? node.items[0]?.key : isSeq(node) ? node.items[0] : undefined;
    const keyNode =
      pair && isScalar(pair.key) ? pair.key : isMap(node) || isSeq(node) ? (first as Node | undefined) : undefined;
    const collection = isMap(node) || isSeq(node);
    const chosen = (target === 'key' || collection) && keyNode ? keyNode : (node ?? keyNode);
    const range = chosen?.range;
    if (!range) return undefined;
    return rangeFrom(lineCounter, range[0], range[1]);
  };
}
