/** The API of `tongban diff` (two catalogs) and `tongban compare` (N implementation lists). */
import { compareCatalogs, type CompareResult } from './core/diff/compare.js';
import { diffCatalogs, type DiffResult, type DiffSide } from './core/diff/catalog-diff.js';
import { DEFAULT_POLICY, type ElementName, type FieldPolicy } from './core/diff/elements.js';
import { environment } from './io/environment.js';
import { UsageError } from './io/errors.js';
import { readDiffSide } from './io/read-diff-side.js';
import { findConfigFile, readConfig } from './io/read-config.js';

export type { DiffResult, CompareResult };

/** The config's field policy, each list replacing the default one when given. */
async function fieldPolicy(cwd: string): Promise<FieldPolicy> {
  const file = findConfigFile(cwd);
  const config = file ? readConfig(file, cwd, await environment.schemas()).config : undefined;
  return {
    standard: (config?.diff?.standard as ElementName[] | undefined) ?? DEFAULT_POLICY.standard,
    vary: (config?.diff?.vary as ElementName[] | undefined) ?? DEFAULT_POLICY.vary,
  };
}

export interface DiffOptions {
  cwd?: string;
  /** Compare `left` as it was at this git ref with `right` (or with itself in the working tree). */
  git?: string;
}

/** Two catalogs: folders, `<ref>:<folder>`, or one folder and `git` (its state at that ref → now). */
export async function diff(left: string, right: string | undefined, options: DiffOptions = {}): Promise<DiffResult> {
  const cwd = options.cwd ?? process.cwd();
  if (right === undefined && options.git === undefined) throw new UsageError('usage/diff-arguments', {});
  const before = readDiffSide(left, cwd, right === undefined ? options.git : undefined);
  const after = readDiffSide(right ?? left, cwd);
  return diffCatalogs(before, after, await fieldPolicy(cwd));
}

/** N catalogs: implementation lists are compared; a basic catalog among them is the reference. */
export async function compare(paths: readonly string[], options: { cwd?: string } = {}): Promise<CompareResult> {
  const cwd = options.cwd ?? process.cwd();
  const sides = paths.map((p) => readDiffSide(p, cwd));
  const basics = sides.filter((s) => s.kind === 'basic');
  const lists: DiffSide[] = sides.filter((s) => s.kind === 'implementation');
  if (lists.length < 2) throw new UsageError('usage/compare-arguments', {});
  if (basics.length > 1) throw new UsageError('usage/compare-basics', {});
  return compareCatalogs(lists, basics[0], await fieldPolicy(cwd));
}
