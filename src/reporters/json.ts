/** Machine-readable output: every diagnostic with its code, severity, message, file, JSON pointer and range. */
import { summarise } from './summary.js';
import type { Reporter } from './reporter.js';

export const json: Reporter = (report) => {
  const { diagnostics, catalogCount, itemCount } = report;
  const output = {
    summary: { catalogs: catalogCount, items: itemCount, ...summarise(diagnostics) },
    diagnostics: diagnostics.map(({ code, severity, message, file, path, range, args }) => ({
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
    })),
    ...(report.baseline ? { baseline: report.baseline } : {}),
  };
  return JSON.stringify(output, null, 2) + '\n';
};
