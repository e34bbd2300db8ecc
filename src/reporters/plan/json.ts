/** Code plans as JSON (schemas/report-plan.schema.json): per catalog the codes assigned and adopted, and the ledger's new state. */
import type { CodeRunResult } from '../../app/shared/code-catalog.js';
import type { Reporter } from '../reporter.js';
import { diagnosticJson, reportJson } from '../shared/json.js';

export const json: Reporter<CodeRunResult> = (result, { version }) =>
  reportJson('plan', version, {
    dryRun: result.dryRun,
    applied: result.applied,
    recovered: result.recovered,
    plans: result.plans.map(({ catalog, plan, retired, cancelled }) => ({
      catalog,
      ...(retired ? { retired } : {}),
      ...(cancelled ? { cancelled } : {}),
      assignments: plan.assignments,
      adopted: plan.adopted,
      moved: plan.moved,
      ledger: plan.ledger,
    })),
    ...(result.bundles ? { bundles: result.bundles } : {}),
    diagnostics: result.diagnostics.map(diagnosticJson),
  });
