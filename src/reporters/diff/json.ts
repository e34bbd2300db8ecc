/** `tongban diff --format json` (schemas/report-diff.schema.json): matched pairs with their changes, one-sided items, proposals. */
import type { DiffResult } from '../../app/diff.js';
import type { ReportContext, Reporter } from '../reporter.js';
import { diagnosticJson, reportJson, reportJsonPieces } from '../shared/json.js';

const body = (result: DiffResult) => ({
  left: result.left,
  right: result.right,
  elements: result.elements,
  summary: {
    pairs: result.pairs.length,
    changed: result.pairs.filter((p) => p.changes.length).length,
    findings: result.findings,
    onlyLeft: result.onlyLeft.length,
    onlyRight: result.onlyRight.length,
    proposals: result.proposals.length,
    groups: result.groups.length,
  },
  pairs: result.pairs,
  groups: result.groups,
  onlyLeft: result.onlyLeft,
  onlyRight: result.onlyRight,
  proposals: result.proposals,
  duplicates: result.duplicates,
  bundles: result.bundles,
  problems: result.problems.map(diagnosticJson),
});

export const json: Reporter<DiffResult> = Object.assign(
  (result: DiffResult, { version }: ReportContext) => reportJson('diff', version, body(result)),
  {
    // Pair by pair: the report of two lists of 100k items is far larger than the pairs.
    chunks: (result: DiffResult, { version }: ReportContext) => reportJsonPieces('diff', version, body(result)),
  },
);
