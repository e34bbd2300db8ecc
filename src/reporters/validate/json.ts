/**
 * Machine-readable findings (schemas/report-validate.schema.json): a summary, then every diagnostic with its
 * code, severity, message, file, JSON pointer and range.
 */
import type { ValidationReport } from '../../core/validation-report.js';
import type { Reporter } from '../reporter.js';
import { diagnosticJson, reportJson } from '../shared/json.js';
import { summarise } from './summary.js';

export const json: Reporter<ValidationReport> = (report, { version }) =>
  reportJson('validate', version, {
    summary: { catalogs: report.catalogCount, items: report.itemCount, ...summarise(report.diagnostics) },
    diagnostics: report.diagnostics.map(diagnosticJson),
    ...(report.baseline ? { baseline: report.baseline } : {}),
  });
