/** `tongban compare --format json` (schemas/report-compare.schema.json): the consistency matrix and its scores. */
import type { CompareResult } from '../../app/compare.js';
import type { Reporter } from '../reporter.js';
import { diagnosticJson, reportJson } from '../shared/json.js';

export const json: Reporter<CompareResult> = (result, { version }) =>
  reportJson('compare', version, {
    regions: result.regions,
    names: result.names,
    elements: result.elements,
    score: result.score,
    regionScores: result.regionScores,
    elementScores: result.elementScores,
    rows: result.rows.map((row) => ({ ...row, score: row.score ?? null })),
    duplicates: result.duplicates,
    bundles: result.bundles,
    problems: result.problems.map(diagnosticJson),
  });
