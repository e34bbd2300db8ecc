/** `tongban compare --format json` (schemas/report-compare.schema.json): the consistency matrix and its scores. */
import type { CompareResult } from '../../app/compare.js';
import type { ReportContext, Reporter } from '../reporter.js';
import { diagnosticJson, reportJson, reportJsonPieces } from '../shared/json.js';

const body = (result: CompareResult) => ({
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

export const json: Reporter<CompareResult> = Object.assign(
  (result: CompareResult, { version }: ReportContext) => reportJson('compare', version, body(result)),
  {
    // Row by row: a national compare's report is far larger than its rows.
    chunks: (result: CompareResult, { version }: ReportContext) => reportJsonPieces('compare', version, body(result)),
  },
);
