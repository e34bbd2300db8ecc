/**
 * What the code commands (assign, retire, merge, split) share: one catalog read fresh under its lock, and a
 * plan applied to it. Nothing of a catalog is written while its plan has problems, and every edit is worked
 * out before anything is written, so a refused edit leaves the catalog untouched.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CodePlan, PlanItem } from '../../core/codes/assign.js';
import type { Ledger } from '../../core/codes/ledger.js';
import type { CodeProfile } from '../../core/codes/profile.js';
import { findingIn, type Diagnostic, type Finding, type RuleFinding } from '../../core/diagnostic.js';
import type { CatalogKind, CatalogMeta, ImplementationItem } from '../../core/model.js';
import { LEDGER_FILE } from '../../io/discover.js';
import { linkedFiles } from '../../io/linked-files.js';
import { DISK_READER, readUsable, type ItemReader } from '../../io/item-reader.js';
import { applyJournaled, journalPending, recover, type JournalStep, type Recovery } from '../../io/journal.js';
import { UsageError } from '../../io/errors.js';
import { currentLedgerText, ledgerText, readLedger } from '../../io/ledger-file.js';
import { withCatalogLock } from '../../io/lock.js';
import { setTopLevelString } from '../../io/yaml-edit.js';
import type { Catalog, Workspace } from '../../io/workspace.js';
import type { Lang } from '../../i18n/index.js';

export interface CodeRunOptions {
  lang?: Lang;
  /** Plan only; write nothing. */
  dryRun?: boolean;
  /**
   * retire, merge, split: also rewrite the bundles (一件事) of the catalog that name the old codes, as
   * part of the same journaled change; without it they are only reported.
   */
  updateBundles?: boolean;
  /** Date for the ledger and the items (YYYY-MM-DD); default today. */
  today?: string;
}

export interface CatalogPlan {
  /** The catalog folder as shown. */
  catalog: string;
  plan: CodePlan;
  /** For retire, merge and split: the codes this run retires. */
  retired?: string[];
  /** For repair: item files marked 取消 because the ledger had retired their codes. */
  cancelled?: string[];
}

/** A bundle (一件事) that names codes a run retires: reported, and rewritten with `updateBundles`. */
export interface TouchedBundle {
  /** The bundle file as shown. */
  file: string;
  id: string;
  name: string;
  /** The retired codes it names. */
  codes: string[];
  /** The codes that take their place in it (none when retired without successor). */
  replacedBy: string[];
  /** Whether the run rewrote it (false in a dry run, or without updateBundles). */
  updated: boolean;
}

export interface CodeRunResult {
  dryRun: boolean;
  plans: CatalogPlan[];
  /** Problems that stopped a catalog's plan (nothing of that catalog was written), or a refused edit. */
  diagnostics: Diagnostic[];
  /** Whether anything was written. */
  applied: boolean;
  /** Changes that killed runs had left half done, finished (or undone) before this one. */
  recovered: ({ catalog: string } & NonNullable<Recovery>)[];
  /** retire, merge, split: bundles that name the retired codes. */
  bundles?: TouchedBundle[];
}

/** One catalog as the code commands see it. */
export interface CodingCatalog {
  absoluteDir: string;
  /** The folder as shown. */
  shown: string;
  kind: CatalogKind;
  meta: CatalogMeta;
  /** Every item, by its path inside the catalog folder. */
  items: PlanItem[];
  ledger: Ledger;
  profile: CodeProfile;
  /** The bundle files that could be read (their data not yet checked), by path inside the catalog folder. */
  bundles: { file: string; data: Record<string, unknown> }[];
  /** Why the other bundle files could not be read (a command that rewrites bundles must not skip them). */
  unreadableBundles: Finding[];
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A file inside a catalog (relative to it) as shown to the user. */
export function shownIn(catalog: { shown: string }, file: string): string {
  return (catalog.shown === '.' ? '' : catalog.shown + '/') + file;
}

/** Plan problems (files relative to the catalog) as findings in the files the user knows. */
export function planFindings(catalog: CodingCatalog, problems: readonly (RuleFinding & { file: string })[]): Finding[] {
  return problems.map(({ file, ...problem }) => findingIn(shownIn(catalog, file), problem));
}

/** The elements a code is made of or names (codes, parents, basic codes, agencies, levels, types). */
const CODING_ELEMENTS = new Set(['code', 'name', 'type', 'parent', 'basicCode', 'agency', 'levels', 'handlingItem']);

/**
 * What a reading problem means for coding: an `item/partial` warning about elements coding does not read is
 * no reason to refuse the catalog; one about a coding element refuses the item (`item/invalid`, an error).
 */
function refusedForCoding(problem: Finding): Finding[] {
  if (problem.code !== 'item/partial') return [problem];
  const elements = String(problem.args?.elements ?? '').split(', ');
  const coding = elements.filter((element) => CODING_ELEMENTS.has(element));
  return coding.length ? [{ ...problem, code: 'item/invalid', args: { count: coding.length } }] : [];
}

/**
 * The catalog as it is on disk now (read under the lock, so no other run changes it meanwhile), or why it
 * cannot be coded: an invalid catalog.yaml or ledger, or items that cannot be read or fail the schema.
 */
export function readCodingCatalog(
  workspace: Workspace,
  listed: Catalog,
  reader: ItemReader = DISK_READER,
): CodingCatalog | Finding[] {
  const set = workspace.catalogs([listed.absoluteDir]);
  const catalog = set.requested[0] ?? listed;
  const { meta, kind } = catalog;
  // catalog.yaml that cannot be read is among the set's problems; one the schema rejects, here.
  if (meta === undefined) return set.problems;
  const metaProblems = workspace.schemas.catalog(meta);
  if (metaProblems.length || kind === undefined) return metaProblems.map((p) => findingIn(catalog.metaFile, p));
  // Real items lack elements (validate reports them); coding only needs the elements codes are made of,
  // which assign checks item by item. An item whose code or a coding element has the wrong shape is refused.
  const read = readUsable(reader, catalog, kind, workspace.schemas);
  const blocking = read.problems.flatMap((problem) => refusedForCoding(problem));
  if (blocking.length) return blocking;
  const ledger = readLedger(catalog.absoluteDir, workspace.cwd, workspace.schemas);
  if ('findings' in ledger) return ledger.findings;
  // Items and bundles are edited in place, never through a link: refused now, not halfway through a change.
  const files = [...catalog.items.map((i) => i.absolute), ...catalog.bundles.map((b) => b.absolute)];
  const linked = linkedFiles(catalog.absoluteDir, files);
  if (linked.length)
    return linked.map((absolute) => findingIn(workspace.display(absolute), { code: 'file/link-edit', path: '' }));
  const prefix = catalog.dir === '.' ? '' : catalog.dir + '/';
  return {
    absoluteDir: catalog.absoluteDir,
    shown: catalog.dir,
    kind,
    meta: meta as unknown as CatalogMeta,
    items: read.items.map((item) => ({ file: item.file.slice(prefix.length), data: item.data as ImplementationItem })),
    ledger: ledger.ledger,
    profile: catalog.profile,
    bundles: catalog.bundles.flatMap((b) =>
      b.data === undefined ? [] : [{ file: b.file.slice(prefix.length), data: b.data }],
    ),
    unreadableBundles: set.problems.filter((p) =>
      catalog.bundles.some((b) => b.data === undefined && b.file === p.file),
    ),
  };
}

/**
 * Runs `work` under the catalog's lock, after finishing any change a killed run left half done (noted in
 * `result.recovered`). A dry run writes nothing, so it takes no lock; it refuses to plan on top of a
 * half-done change.
 */
export function underLock<T>(catalog: Catalog, dryRun: boolean, result: CodeRunResult, work: () => T): T {
  if (dryRun) {
    if (journalPending(catalog.absoluteDir)) throw new UsageError('usage/journal-pending', { path: catalog.dir });
    return work();
  }
  return withCatalogLock(catalog.absoluteDir, () => {
    const recovered = recover(catalog.absoluteDir, catalog.dir);
    if (recovered) result.recovered.push({ catalog: catalog.dir, ...recovered });
    return work();
  });
}

/**
 * The new text of an item file with top-level strings set, or why that cannot be done safely. `code` is
 * inserted at the top, so it goes last: any other refusal is then located in the file as it is on disk.
 */
function editedText(
  original: string,
  shown: string,
  fields: Record<string, string>,
): { text: string } | { refused: Finding } {
  let text = original;
  const ordered = Object.entries(fields).sort(([a], [b]) => Number(a === 'code') - Number(b === 'code'));
  for (const [key, value] of ordered) {
    const edited = setTopLevelString(text, key, value, key === 'code' ? 'first' : 'last');
    if ('refused' in edited) {
      const { code, range } = edited.refused;
      return { refused: { ...findingIn(shown, { code, path: `/${key}`, args: { key } }), range } };
    }
    text = edited.text;
  }
  return { text };
}

/**
 * Applies a plan: the ledger, the items, the renames — as one journaled change (io/journal.ts), so that a
 * run killed halfway is finished by the next one. `extraEdits` are further top-level strings to set (the
 * lifecycle commands mark items cancelled). Every edit is worked out first: if any is refused, nothing is
 * written and the refusals are returned.
 */
export function applyPlan(
  catalog: CodingCatalog,
  plan: CodePlan,
  extraEdits: Map<string, Record<string, string>>,
  command: string,
  extraWrites: readonly JournalStep[] = [],
): Finding[] {
  const edits = new Map(extraEdits);
  for (const a of plan.assignments) {
    edits.set(a.file, { ...(edits.get(a.file) ?? {}), code: a.code, ...(a.parent ? { parent: a.parent } : {}) });
  }
  const steps: JournalStep[] = [
    {
      kind: 'write',
      file: LEDGER_FILE,
      before: currentLedgerText(catalog.absoluteDir),
      content: ledgerText(plan.ledger),
    },
  ];
  const refused: Finding[] = [];
  for (const [file, fields] of edits) {
    const before = readFileSync(path.join(catalog.absoluteDir, file), 'utf8');
    const result = editedText(before, shownIn(catalog, file), fields);
    if ('refused' in result) refused.push(result.refused);
    else steps.push({ kind: 'write', file, before, content: result.text });
  }
  if (refused.length) return refused;
  steps.push(...extraWrites);
  for (const a of plan.assignments) if (a.rename) steps.push({ kind: 'rename', from: a.file, to: a.rename });
  applyJournaled(catalog.absoluteDir, command, steps);
  return [];
}

/** Where ledger problems are shown. */
export function ledgerFileOf(catalog: CodingCatalog): string {
  return shownIn(catalog, LEDGER_FILE);
}
