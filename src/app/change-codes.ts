/**
 * `tongban code retire|merge|split`: a code is never deleted or reused. Retiring records the date and reason
 * in the ledger and marks the item 取消; merging and splitting give new, uncoded items codes (as `assign`
 * would) and record lineage both ways between old and new codes.
 */
import path from 'node:path';
import { planAssignments } from '../core/codes/assign.js';
import { retireInLedger, type LifecycleKind } from '../core/codes/lifecycle.js';
import { findingIn, type Finding } from '../core/diagnostic.js';
import { UsageError } from '../io/errors.js';
import type { Workspace } from '../io/workspace.js';
import {
  applyPlan,
  ledgerFileOf,
  planFindings,
  readCodingCatalog,
  today,
  underLock,
  type CodeRunOptions,
  type CodeRunResult,
} from './shared/code-catalog.js';
import { bundleUpdates } from './shared/bundle-updates.js';
import { toDiagnostics } from './shared/diagnostics.js';

export interface RetireCodesOptions extends CodeRunOptions {
  /** The catalog folder holding the codes. */
  catalog: string;
  codes: readonly string[];
  /** Why; default 取消. */
  reason?: string;
}

export interface MergeCodesOptions extends RetireCodesOptions {
  /** The one new, uncoded item file (relative to the workspace) that takes the merged codes' place. */
  into: string;
}

export interface SplitCodesOptions extends CodeRunOptions {
  catalog: string;
  code: string;
  /** The new, uncoded item files (relative to the workspace) that take the split code's place. */
  into: readonly string[];
  reason?: string;
}

export async function retireCodes(workspace: Workspace, options: RetireCodesOptions): Promise<CodeRunResult> {
  if (options.codes.length === 0) throw new UsageError('usage/retire-arguments');
  return changeLifecycle(workspace, 'retire', options.codes, [], options);
}

/** Whether a list names the same thing twice (`merge X X` is not a merge). */
const repeats = (values: readonly string[]) => new Set(values).size !== values.length;

export async function mergeCodes(workspace: Workspace, options: MergeCodesOptions): Promise<CodeRunResult> {
  if (options.codes.length < 2 || repeats(options.codes)) throw new UsageError('usage/merge-arguments');
  return changeLifecycle(workspace, 'merge', options.codes, [options.into], options);
}

export async function splitCodes(workspace: Workspace, options: SplitCodesOptions): Promise<CodeRunResult> {
  const files = options.into.map((file) => path.resolve(workspace.cwd, file));
  if (files.length < 2 || repeats(files)) throw new UsageError('usage/split-arguments');
  return changeLifecycle(workspace, 'split', [options.code], options.into, options);
}

const REASONS: Record<LifecycleKind, string> = { retire: '取消', merge: '合并', split: '拆分' };

function changeLifecycle(
  workspace: Workspace,
  kind: LifecycleKind,
  codes: readonly string[],
  intoFiles: readonly string[],
  options: CodeRunOptions & { catalog: string; reason?: string },
): CodeRunResult {
  const dryRun = options.dryRun ?? false;
  const date = options.today ?? today();
  const listed = workspace.catalogs([options.catalog]).requested;
  const target = listed[0];
  if (listed.length !== 1 || target === undefined) throw new UsageError('usage/one-catalog', { path: options.catalog });
  // Each new item by its path inside the catalog folder, and as the user knows it.
  const into = intoFiles.map((file) => {
    const absolute = path.resolve(workspace.cwd, file);
    return {
      file: path.relative(target.absoluteDir, absolute).split(path.sep).join('/'),
      shown: workspace.display(absolute),
    };
  });
  const result: CodeRunResult = { dryRun, plans: [], diagnostics: [], applied: false, recovered: [] };
  const problems: Finding[] = [];
  underLock(target, dryRun, result, () => {
    const catalog = readCodingCatalog(workspace, target);
    if (Array.isArray(catalog)) return void problems.push(...catalog);
    // The new items must be there, and new.
    into.forEach(({ file, shown }) => {
      const item = catalog.items.find((i) => i.file === file);
      if (!item) problems.push(findingIn(shown, { code: 'lifecycle/target-missing', path: '', args: { file: shown } }));
      else if (item.data.code !== undefined) {
        problems.push(
          findingIn(shown, { code: 'lifecycle/target-coded', path: '/code', args: { value: item.data.code } }),
        );
      }
    });
    if (problems.length) return;
    const plan = planAssignments({ ...catalog, today: date, only: new Set(into.map((i) => i.file)) });
    if (plan.problems.length) return void problems.push(...planFindings(catalog, plan.problems));
    const retired = retireInLedger(plan.ledger, {
      codes,
      date,
      reason: options.reason ?? REASONS[kind],
      replacedBy: plan.assignments.map((a) => a.code),
    });
    if ('problems' in retired)
      return void problems.push(...retired.problems.map((p) => findingIn(ledgerFileOf(catalog), p)));
    plan.ledger = retired.ledger;
    result.plans.push({ catalog: catalog.shown, plan, retired: [...codes] });
    // Bundles that name the old codes: reported, and with updateBundles rewritten in the same change.
    const replacement = { codes: plan.assignments.map((a) => a.code), files: plan.assignments.map((a) => a.file) };
    // A bundle that cannot be read might name the old codes: rewriting the others would leave it behind.
    if (options.updateBundles === true && catalog.unreadableBundles.length)
      return void problems.push(...catalog.unreadableBundles);
    const bundles = bundleUpdates(catalog, codes, replacement, options.updateBundles === true && !dryRun);
    if (bundles.touched.length) result.bundles = bundles.touched;
    if (bundles.refused.length) {
      for (const bundle of bundles.touched) bundle.updated = false;
      return void problems.push(...bundles.refused);
    }
    if (dryRun) return;
    // Items of the retired codes are marked cancelled, where they still exist.
    const cancelled = new Map<string, Record<string, string>>();
    for (const item of catalog.items) {
      if (item.data.code !== undefined && codes.includes(item.data.code))
        cancelled.set(item.file, { status: '取消', cancelDate: date });
    }
    const refused = applyPlan(catalog, plan, cancelled, `code ${kind}`, bundles.steps);
    problems.push(...refused);
    if (refused.length === 0) result.applied = true;
    else for (const bundle of result.bundles ?? []) bundle.updated = false;
  });
  result.diagnostics = toDiagnostics(problems, options.lang ?? 'en', workspace.textOf);
  return result;
}
