/** `tongban code assign`: codes for every uncoded item of the catalogs under some paths, planned then applied. */
import { planAssignments } from '../core/codes/assign.js';
import type { Finding } from '../core/diagnostic.js';
import type { Workspace } from '../io/workspace.js';
import {
  applyPlan,
  planFindings,
  readCodingCatalog,
  today,
  underLock,
  type CodeRunOptions,
  type CodeRunResult,
} from './shared/code-catalog.js';
import { toDiagnostics } from './shared/diagnostics.js';
import { progressReader, type OnProgress } from './shared/progress.js';
import { DISK_READER } from '../io/item-reader.js';

export interface AssignCodesOptions extends CodeRunOptions {
  paths?: readonly string[];
  /** Called as item files are read: how many of how many. */
  onProgress?: OnProgress;
}

export async function assignCodes(workspace: Workspace, options: AssignCodesOptions = {}): Promise<CodeRunResult> {
  const dryRun = options.dryRun ?? false;
  const date = options.today ?? today();
  const result: CodeRunResult = { dryRun, plans: [], diagnostics: [], applied: false, recovered: [] };
  const problems: Finding[] = [];
  const { requested } = workspace.catalogs(options.paths ?? []);
  const reader = progressReader(DISK_READER, requested, options.onProgress);
  for (const listed of requested) {
    // Planning reads the ledger, so it happens under the lock too: two runs cannot plan the same code.
    underLock(listed, dryRun, result, () => {
      const catalog = readCodingCatalog(workspace, listed, reader);
      if (Array.isArray(catalog)) return void problems.push(...catalog);
      const plan = planAssignments({ ...catalog, today: date });
      result.plans.push({ catalog: catalog.shown, plan });
      if (plan.problems.length) return void problems.push(...planFindings(catalog, plan.problems));
      if (dryRun || (plan.assignments.length === 0 && plan.adopted.length === 0 && plan.moved.length === 0)) return;
      const refused = applyPlan(catalog, plan, new Map(), 'code assign');
      problems.push(...refused);
      if (refused.length === 0) result.applied = true;
    });
  }
  result.diagnostics = toDiagnostics(problems, options.lang ?? 'en', workspace.textOf);
  return result;
}
