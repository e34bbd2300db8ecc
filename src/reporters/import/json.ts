/** An import as JSON (schemas/report-import.schema.json): files written and updated, rows not read, conflicts, validation. */
import type { ImportResult } from '../../app/import-items.js';
import type { Reporter } from '../reporter.js';
import { diagnosticJson, reportJson } from '../shared/json.js';

export const json: Reporter<ImportResult> = (result, { version }) =>
  reportJson('import', version, {
    written: result.written,
    updated: result.updated,
    unchanged: result.unchanged,
    conflicts: result.conflicts,
    rows: result.rows,
    skipped: result.skipped,
    filtered: result.filtered,
    validation: result.validation ? result.validation.diagnostics.map(diagnosticJson) : null,
  });
