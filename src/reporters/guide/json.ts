/** What a guide build did, as JSON (schemas/report-guide.schema.json). */
import type { GuideResult } from '../../app/build-guides.js';
import type { Reporter } from '../reporter.js';
import { diagnosticJson, reportJson } from '../shared/json.js';

export const json: Reporter<GuideResult> = (result, { version }) =>
  reportJson('guide', version, {
    out: result.out ?? null,
    format: result.format,
    rendered: result.rendered,
    unchanged: result.unchanged,
    deleted: result.deleted,
    diagnostics: result.diagnostics.map(diagnosticJson),
  });
