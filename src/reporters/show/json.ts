/** `tongban show --format json` (schemas/report-show.schema.json): each matching item as its file holds it. */
import type { ShowResult } from '../../app/show-item.js';
import type { Reporter } from '../reporter.js';
import { diagnosticJson, reportJson } from '../shared/json.js';

export const json: Reporter<ShowResult> = (result, { version }) =>
  reportJson('show', version, {
    query: result.query,
    items: result.items,
    suggestions: result.suggestions,
    problems: result.problems.map(diagnosticJson),
  });
