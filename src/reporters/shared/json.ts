/**
 * What every JSON report shares: an envelope naming the report and its shape's version (see
 * schemas/report-*.schema.json), and diagnostics written one way everywhere.
 */
import type { Diagnostic } from '../../core/diagnostic.js';

/** Bumped when a report's shape changes incompatibly; additions keep it. */
export const REPORT_VERSION = 1;

export type ReportName = 'validate' | 'diff' | 'compare' | 'stats' | 'explain' | 'plan' | 'guide' | 'import';

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

/** A report as JSON text: `{ report, version, tool, ...body }`, two-space indented. */
export function reportJson(report: ReportName, toolVersion: string, body: Record<string, unknown>): string {
  return (
    JSON.stringify(
      { report, version: REPORT_VERSION, tool: { name: 'tongban', version: toolVersion }, ...body },
      null,
      2,
    ) + '\n'
  );
}
