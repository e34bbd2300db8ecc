/** `tongban diff --format json` (schemas/report-diff.schema.json): matched pairs with their changes, one-sided items, proposals. */
import type { DiffResult } from '../../app/diff.js';
import type { Reporter } from '../reporter.js';
import { diagnosticJson, reportJson } from '../shared/json.js';

export const json: Reporter<DiffResult> = (result, { version }) =>
  reportJson('diff', version, {
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
