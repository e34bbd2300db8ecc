/** The one shape every check produces, from the YAML reader to the semantic rules. */
import { defaultSeverity, type FindingCode } from './finding-codes.js';
import type { Severity } from './severity.js';

export type { Severity } from './severity.js';
export { SEVERITIES, severityRank } from './severity.js';
export type { FindingCode } from './finding-codes.js';

/** 1-based line and column; columns count UTF-16 code units after the line start (as editors do). */
export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type MessageArgs = Record<string, string | number>;

/** What a check says before its file and severity are attached: a code, where (a JSON pointer), the facts. */
export interface RuleFinding<C extends FindingCode = FindingCode> {
  code: C;
  /** RFC 6901 JSON pointer inside the document checked; '' is the whole document. */
  path: string;
  args?: MessageArgs;
  /** Point at the key named by `path` instead of its value (unknown properties, duplicate keys). */
  target?: 'key' | 'value';
}

/** A finding before it has words: a stable code, where it is (JSON pointer), and the facts the message needs. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** The file as shown to the user (relative to the working directory, `/` separators). */
  file: string;
  /** RFC 6901 JSON pointer into the file's document; '' is the whole document. */
  path: string;
  args: MessageArgs;
  /** Point at the key named by `path` instead of its value (unknown properties, duplicate keys). */
  target?: 'key' | 'value';
  /** Known up front for syntax findings; computed from `path` for everything else. */
  range?: Range;
}

/** A check's finding placed in a file, with the code's default severity. */
export function findingIn(file: string, finding: RuleFinding): Finding {
  return { severity: defaultSeverity(finding.code), file, args: {}, ...finding };
}

/** A finding with its message in the chosen language and its range resolved. */
export interface Diagnostic extends Finding {
  message: string;
}

export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const la = a.range?.start.line ?? 0;
  const lb = b.range?.start.line ?? 0;
  if (la !== lb) return la - lb;
  const ca = a.range?.start.column ?? 0;
  const cb = b.range?.start.column ?? 0;
  if (ca !== cb) return ca - cb;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** `line:col` of where a finding starts, or '' when it has no position. */
export function positionOf(finding: Pick<Finding, 'range'>): string {
  return finding.range ? `${finding.range.start.line}:${finding.range.start.column}` : '';
}

/** `file:line:col`, or the file alone when the finding has no position. */
export function locationOf(finding: Pick<Finding, 'file' | 'range'>): string {
  return finding.range ? `${finding.file}:${positionOf(finding)}` : finding.file;
}
