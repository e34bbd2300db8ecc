/**
 * The `tongban code` API: assign codes to uncoded items, and record the lifecycle of codes (retire, merge,
 * split) in the ledger and the items. Each catalog is read, planned and written under its lock; nothing
 * of a catalog is written while its plan has problems.
 */
import { readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { planAssignments, type CodePlan, type PlanItem } from './core/codes/assign.js';
import type { Ledger } from './core/codes/ledger.js';
import { retireCodes, type LifecycleKind } from './core/codes/lifecycle.js';
import type { CodeProfile } from './core/codes/profile.js';
import { compareFindings, type Diagnostic, type Finding } from './core/diagnostic.js';
import type { BasicItem, CatalogKind, CatalogMeta, ImplementationItem } from './core/model.js';
import type { SchemaValidator } from './core/schema/validator.js';
import { formatMessage, type Lang } from './i18n/index.js';
import { catalogProfiles } from './io/catalog-profiles.js';
import { CATALOG_FILE, listItemFiles, selectCatalogs } from './io/discover.js';
import { environment } from './io/environment.js';
import { UsageError } from './io/errors.js';
import { readLedger, writeLedger } from './io/ledger-file.js';
import { displayPath, loadCatalogs } from './io/load-catalogs.js';
import { withCatalogLock } from './io/lock.js';
import { findConfigFile, readConfig } from './io/read-config.js';
import { readDocumentFile } from './io/read-document.js';
import { writeFileAtomic } from './io/write-file.js';
import { setTopLevelString } from './io/yaml-edit.js';

export interface CodeRunOptions {
  cwd?: string;
  lang?: Lang;
  /** Plan only; write nothing. */
  dryRun?: boolean;
  /** Date for the ledger and the items (YYYY-MM-DD); default today. */
  today?: string;
}

export interface CatalogPlan {
  /** The catalog folder as shown. */
  catalog: string;
  plan: CodePlan;
}

export interface CodeRunResult {
  plans: CatalogPlan[];
  /** Problems that stopped a catalog's plan (nothing of that catalog was written), or a refused edit. */
  diagnostics: Diagnostic[];
  applied: boolean;
}

/** One catalog as the code commands see it, read fresh under the lock. */
interface CodingCatalog {
  dir: string;
  shown: string;
  kind: CatalogKind;
  meta: CatalogMeta;
  items: PlanItem[];
  ledger: Ledger;
  profile: CodeProfile;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A file inside a catalog (relative to it) as shown to the user (relative to cwd). */
function shownIn(catalog: { shown: string }, file: string): string {
  return (catalog.shown === '.' ? '' : catalog.shown + '/') + file;
}

function worded(findings: readonly Finding[], lang: Lang): Diagnostic[] {
  return findings.map((f) => ({ ...f, message: formatMessage(lang, f.code, f.args) }));
}

function readCatalog(
  dir: string,
  cwd: string,
  schemas: SchemaValidator,
  profile: CodeProfile,
): CodingCatalog | Finding[] {
  const shown = displayPath(cwd, dir);
  const metaFile = shownIn({ shown }, CATALOG_FILE);
  const metaRead = readDocumentFile(path.join(dir, CATALOG_FILE), metaFile);
  if (metaRead.data === undefined) return metaRead.findings;
  const metaProblems = schemas.catalog(metaRead.data);
  if (metaProblems.length) return metaProblems.map((p) => ({ severity: 'error', file: metaFile, args: {}, ...p }));
  const meta = metaRead.data as unknown as CatalogMeta;
  const problems: Finding[] = [];
  const items: PlanItem[] = [];
  for (const absolute of listItemFiles(dir)) {
    const file = path.relative(dir, absolute).split(path.sep).join('/');
    const read = readDocumentFile(absolute, shownIn({ shown }, file));
    if (read.data === undefined || schemas.item(meta.kind, read.data).length) {
      problems.push({
        code: 'assign/invalid-item',
        severity: 'error',
        file: shownIn({ shown }, file),
        path: '',
        args: {},
      });
      continue;
    }
    items.push({ file, data: read.data as unknown as BasicItem | ImplementationItem });
  }
  if (problems.length) return problems;
  const ledgerRead = readLedger(dir, cwd, schemas);
  if ('findings' in ledgerRead) return ledgerRead.findings;
  return { dir, shown, kind: meta.kind, meta, items, ledger: ledgerRead.ledger, profile };
}

/**
 * The new text of an item file with top-level strings set, or why that cannot be done safely. `code` is
 * inserted at the top, so it goes last: any other refusal is then located in the file as it is on disk.
 */
function editedText(
  absolute: string,
  shown: string,
  fields: Record<string, string>,
): { text: string } | { refused: Finding } {
  let text = readFileSync(absolute, 'utf8');
  const ordered = Object.entries(fields).sort(([a], [b]) => Number(a === 'code') - Number(b === 'code'));
  for (const [key, value] of ordered) {
    const edited = setTopLevelString(text, key, value);
    if ('refused' in edited)
      return {
        refused: {
          code: edited.refused.code,
          severity: 'error',
          file: shown,
          path: `/${key}`,
          args: { key },
          range: edited.refused.range,
        },
      };
    text = edited.text;
  }
  return { text };
}

/**
 * Applies a plan. Every edit is worked out before anything is written, so a refused edit leaves the
 * catalog untouched. Then the ledger first (after a crash a code may be recorded but not yet in its file,
 * which `code check` reports; never in a file without being recorded, so never issued twice), the items,
 * and the renames.
 */
function applyPlan(catalog: CodingCatalog, plan: CodePlan, extraEdits: Map<string, Record<string, string>>): Finding[] {
  const edits = new Map(extraEdits);
  for (const a of plan.assignments)
    edits.set(a.file, { ...(edits.get(a.file) ?? {}), code: a.code, ...(a.parent ? { parent: a.parent } : {}) });
  const texts = new Map<string, string>();
  const refused: Finding[] = [];
  for (const [file, fields] of edits) {
    const result = editedText(path.join(catalog.dir, file), shownIn(catalog, file), fields);
    if ('refused' in result) refused.push(result.refused);
    else texts.set(file, result.text);
  }
  if (refused.length) return refused;
  writeLedger(catalog.dir, plan.ledger);
  for (const [file, text] of texts) writeFileAtomic(path.join(catalog.dir, file), text);
  for (const a of plan.assignments)
    if (a.rename) renameSync(path.join(catalog.dir, a.file), path.join(catalog.dir, a.rename));
  return [];
}

interface Prepared {
  cwd: string;
  lang: Lang;
  date: string;
  schemas: SchemaValidator;
  dirs: string[];
  profileOf: (dir: string) => CodeProfile;
}

async function prepare(paths: readonly string[], options: CodeRunOptions): Promise<Prepared> {
  const cwd = options.cwd ?? process.cwd();
  const schemas = await environment.schemas();
  const configFile = findConfigFile(cwd);
  const config = configFile ? readConfig(configFile, cwd, schemas) : undefined;
  const selection = selectCatalogs(paths.length ? paths : ['.'], cwd);
  const profiles = catalogProfiles(loadCatalogs(selection, cwd).sources, cwd, config, schemas);
  return {
    cwd,
    lang: options.lang ?? 'en',
    date: options.today ?? today(),
    schemas,
    dirs: selection.catalogDirs,
    profileOf: (dir) => profiles.get(displayPath(cwd, dir)) ?? environment.national,
  };
}

/** Plans, and unless `dryRun` applies, codes for every uncoded item of the catalogs under `paths`. */
export async function assignCodes(paths: readonly string[], options: CodeRunOptions = {}): Promise<CodeRunResult> {
  const run = await prepare(paths, options);
  const result: CodeRunResult = { plans: [], diagnostics: [], applied: false };
  for (const dir of run.dirs) {
    // Planning reads the ledger, so it happens under the lock too: two runs cannot plan the same code.
    const work = () => {
      const catalog = readCatalog(dir, run.cwd, run.schemas, run.profileOf(dir));
      if (Array.isArray(catalog)) return void result.diagnostics.push(...worded(catalog, run.lang));
      const plan = planAssignments({ ...catalog, today: run.date });
      result.plans.push({ catalog: catalog.shown, plan });
      const problems = plan.problems.map((p) => ({
        severity: 'error' as const,
        args: {},
        ...p,
        file: shownIn(catalog, p.file),
      }));
      if (problems.length) return void result.diagnostics.push(...worded(problems, run.lang));
      if (options.dryRun || (plan.assignments.length === 0 && plan.adopted.length === 0)) return;
      const refused = applyPlan(catalog, plan, new Map());
      result.diagnostics.push(...worded(refused, run.lang));
      result.applied = refused.length === 0;
    };
    if (options.dryRun) work();
    else withCatalogLock(dir, work);
  }
  result.diagnostics.sort(compareFindings);
  return result;
}

export interface LifecycleRequest {
  kind: LifecycleKind;
  /** The catalog folder holding the codes. */
  catalog: string;
  /** Codes to retire (merge: two or more; split: one). */
  codes: string[];
  /** For merge and split: uncoded item files (relative to cwd) that receive the new codes. */
  into?: string[];
  reason?: string;
}

const REASONS: Record<LifecycleKind, string> = { retire: '取消', merge: '合并', split: '拆分' };

/**
 * Retires codes, or merges or splits them into new items: the new items get codes (as `assign` would
 * give), the old codes are retired with lineage both ways, and their items are marked 取消 with a date.
 */
export async function changeLifecycle(request: LifecycleRequest, options: CodeRunOptions = {}): Promise<CodeRunResult> {
  const run = await prepare([request.catalog], options);
  const dir = run.dirs[0];
  if (run.dirs.length !== 1 || dir === undefined) throw new UsageError('usage/one-catalog', { path: request.catalog });
  const into = (request.into ?? []).map((file) =>
    path.relative(dir, path.resolve(run.cwd, file)).split(path.sep).join('/'),
  );
  const expected =
    request.kind === 'merge'
      ? request.codes.length >= 2 && into.length === 1
      : request.kind === 'split'
        ? request.codes.length === 1 && into.length >= 2
        : into.length === 0;
  if (!expected) throw new UsageError(`usage/${request.kind}-arguments`, {});
  const result: CodeRunResult = { plans: [], diagnostics: [], applied: false };
  const fail = (findings: Finding[]) => void result.diagnostics.push(...worded(findings, run.lang));
  const work = () => {
    const catalog = readCatalog(dir, run.cwd, run.schemas, run.profileOf(dir));
    if (Array.isArray(catalog)) return fail(catalog);
    const targets = into.map((file) => catalog.items.find((i) => i.file === file));
    const problems: Finding[] = [];
    into.forEach((file, index) => {
      const target = targets[index];
      const shown = shownIn(catalog, file);
      if (!target)
        problems.push({
          code: 'lifecycle/target-missing',
          severity: 'error',
          file: shown,
          path: '',
          args: { file: shown },
        });
      else if (target.data.code !== undefined)
        problems.push({
          code: 'lifecycle/target-coded',
          severity: 'error',
          file: shown,
          path: '/code',
          args: { value: target.data.code },
        });
    });
    if (problems.length) return fail(problems);
    const plan = planAssignments({ ...catalog, today: run.date, only: new Set(into) });
    if (plan.problems.length)
      return fail(
        plan.problems.map((p) => ({ severity: 'error' as const, args: {}, ...p, file: shownIn(catalog, p.file) })),
      );
    const retired = retireCodes(plan.ledger, {
      codes: request.codes,
      date: run.date,
      reason: request.reason ?? REASONS[request.kind],
      replacedBy: plan.assignments.map((a) => a.code),
    });
    if ('problems' in retired)
      return fail(
        retired.problems.map((p) => ({
          severity: 'error' as const,
          args: {},
          ...p,
          file: shownIn(catalog, 'ledger.yaml'),
        })),
      );
    plan.ledger = retired.ledger;
    result.plans.push({ catalog: catalog.shown, plan });
    if (options.dryRun) return;
    // Items of the retired codes are marked cancelled, where they still exist.
    const cancelled = new Map<string, Record<string, string>>();
    for (const item of catalog.items) {
      if (item.data.code !== undefined && request.codes.includes(item.data.code))
        cancelled.set(item.file, { status: '取消', cancelDate: run.date });
    }
    const refused = applyPlan(catalog, plan, cancelled);
    fail(refused);
    result.applied = refused.length === 0;
  };
  if (options.dryRun) work();
  else withCatalogLock(dir, work);
  return result;
}
