/**
 * What every JSON report shares: an envelope naming the report and its shape's version (see
 * schemas/report-*.schema.json), and diagnostics written one way everywhere.
 */
import type { Diagnostic } from '../../core/diagnostic.js';

/** Bumped when a report's shape changes incompatibly; additions keep it. */
export const REPORT_VERSION = 1;

export type ReportName = 'validate' | 'diff' | 'compare' | 'stats' | 'explain' | 'plan' | 'guide' | 'import' | 'show';

export interface DiagnosticJson {
  code: string;
  severity: string;
  message: string;
  file: string;
  path: string;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  args: Record<string, string | number>;
}

export function diagnosticJson({ code, severity, message, file, path, range, args }: Diagnostic): DiagnosticJson {
  return {
    code,
    severity,
    message,
    file,
    path,
    line: range?.start.line ?? null,
    column: range?.start.column ?? null,
    endLine: range?.end.line ?? null,
    endColumn: range?.end.column ?? null,
    args,
  };
}

/**
 * `value` as JSON text, two-space indented. JSON.stringify escapes C0 controls (and lone surrogates) but
 * leaves DEL and the C1 controls raw — U+009B is a terminal's CSI — so they are written as `\u00XX` too:
 * the same JSON value, nothing a terminal obeys when the report is printed.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

const C1 = /[\u007f-\u009f]/g;

/**
 * `jsonText(value) + '\n'` of an object, in pieces: each entry of a list at its top level is one piece
 * (two-space indented as JSON.stringify indents it there), so a report of 100k rows is never one string.
 */
export function* jsonPieces(value: Record<string, unknown>): Generator<string> {
  const escape = (text: string) => text.replace(C1, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
  const indented = (text: string, pad: string) => escape(text.replace(/\n/g, `\n${pad}`));
  let members = 0;
  for (const key of Object.keys(value)) {
    const member = value[key];
    const lead = `${members === 0 ? '{\n' : ',\n'}  ${JSON.stringify(key)}: `;
    if (Array.isArray(member) && member.length > 0 && !('toJSON' in member)) {
      members++;
      yield escape(lead) + '[';
      for (const [index, entry] of member.entries())
        yield `${index === 0 ? '\n' : ',\n'}    ${indented((JSON.stringify(entry, null, 2) as string | undefined) ?? 'null', '    ')}`;
      yield '\n  ]';
      continue;
    }
    const text = JSON.stringify(member, null, 2) as string | undefined;
    if (text === undefined) continue; // JSON.stringify leaves out undefined and functions
    members++;
    yield escape(lead) + indented(text, '  ');
  }
  yield members === 0 ? '{}\n' : '\n}\n';
}

/** `reportJson` in pieces (see jsonPieces). */
export function reportJsonPieces(
  report: ReportName,
  toolVersion: string,
  body: Record<string, unknown>,
): Iterable<string> {
  return jsonPieces({ report, version: REPORT_VERSION, tool: { name: 'tongban', version: toolVersion }, ...body });
}

/** A report as JSON text: `{ report, version, tool, ...body }`, two-space indented. */
export function reportJson(report: ReportName, toolVersion: string, body: Record<string, unknown>): string {
  return jsonText({ report, version: REPORT_VERSION, tool: { name: 'tongban', version: toolVersion }, ...body }) + '\n';
}
