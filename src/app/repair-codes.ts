/**
 * `tongban code repair`: puts a catalog's codes and ledger back in agreement after an interruption — of
 * this version (a half-done change in the journal, finished under the lock before anything else) or of
 * tongban 0.1, which had no journal: an item whose code line never got written gets the code the ledger
 * records for its file back; an item still live though its code was retired is marked 取消 on the date
 * the ledger gives; codes in items the ledger misses are recorded; moved files are followed; temporary
 * files of dead runs are removed. It issues no new code.
 */
import { planAssignments } from '../core/codes/assign.js';
import { ledgerIndex } from '../core/codes/ledger.js';
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

export interface RepairCodesOptions extends CodeRunOptions {
  paths?: readonly string[];
}

export async function repairCodes(workspace: Workspace, options: RepairCodesOptions = {}): Promise<CodeRunResult> {
  const dryRun = options.dryRun ?? false;
  const date = options.today ?? today();
  const result: CodeRunResult = { dryRun, plans: [], diagnostics: [], applied: false, recovered: [] };
  const problems: Finding[] = [];
  for (const listed of workspace.catalogs(options.paths ?? []).requested) {
    underLock(listed, dryRun, result, () => {
      const catalog = readCodingCatalog(workspace, listed);
      if (Array.isArray(catalog)) return void problems.push(...catalog);
      const index = ledgerIndex(catalog.ledger);
      // Live items whose code the ledger retired: the retirement was recorded, the item never marked.
      const cancel = new Map<string, Record<string, string>>();
      for (const item of catalog.items) {
        const entry = item.data.code === undefined ? undefined : index.get(item.data.code);
        if (entry?.state === 'retired' && item.data.status !== '取消') {
          cancel.set(item.file, { status: '取消', cancelDate: entry.retired ?? date });
        }
      }
      const items = catalog.items.map((i) => (cancel.has(i.file) ? { ...i, data: { ...i.data, status: '取消' } } : i));
      // Only restorations: an uncoded item the ledger does not know stays uncoded (that is assign's job).
      const restorable = new Set(
        catalog.items
          .filter((i) => i.data.code === undefined)
          .filter((i) => catalog.ledger.entries.some((e) => e.state === 'active' && e.file === i.file))
          .map((i) => i.file),
      );
      const plan = planAssignments({ ...catalog, items, today: date, only: restorable });
      result.plans.push({ catalog: catalog.shown, plan, cancelled: [...cancel.keys()] });
      if (plan.problems.length) return void problems.push(...planFindings(catalog, plan.problems));
      const nothing = !plan.assignments.length && !plan.adopted.length && !plan.moved.length && !cancel.size;
      if (dryRun || nothing) return;
      const refused = applyPlan(catalog, plan, cancel, 'code repair');
      problems.push(...refused);
      if (refused.length === 0) result.applied = true;
    });
  }
  result.diagnostics = toDiagnostics(problems, options.lang ?? 'en', workspace.textOf);
  return result;
}
