/**
 * `tongban compare`: N implementation lists at once, for each item whether the regions agree on each
 * standard element; a basic catalog among them is the reference for the elements it defines.
 */
import type { DiffSide } from '../core/diff/catalog-diff.js';
import { compareCatalogs, type ConsistencyMatrix } from '../core/diff/consistency.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Lang } from '../i18n/index.js';
import { UsageError } from '../io/errors.js';
import { expandCatalogFolders, readDiffSide, type ReadSide } from '../io/read-diff-side.js';
import type { Workspace } from '../io/workspace.js';
import { alignBundles, type BundleComparison } from '../core/bundles/align.js';
import { keyMatters } from '../io/key-matters.js';
import { bundleSide } from './shared/bundle-reads.js';
import { toDiagnostics } from './shared/diagnostics.js';
import { fieldPolicy } from './shared/field-policy.js';
import { partsProgress, type OnProgress } from './shared/progress.js';

export interface CompareOptions {
  /**
   * Catalog folders (or `<ref>:<folder>`): two or more implementation lists, at most one basic catalog; a
   * folder holding several catalogs stands for them all.
   */
  paths: readonly string[];
  lang?: Lang;
  /** Called as item files are read: how many of how many (each list adds its items to the total). */
  onProgress?: OnProgress;
}

export interface CompareResult extends ConsistencyMatrix {
  /** Each region (a catalog folder, as `regions` lists them) by name: its region's, else the catalog's. */
  names: Record<string, string>;
  /** 一件事: the regions' bundles for the same national key matter side by side, and where they differ. */
  bundles: BundleComparison;
  /** Item files that could not be read, so are not in the matrix. */
  problems: Diagnostic[];
}

export async function compare(workspace: Workspace, options: CompareOptions): Promise<CompareResult> {
  const read: ReadSide[] = [];
  try {
    const progress = partsProgress(options.onProgress);
    for (const p of expandCatalogFolders(workspace, options.paths))
      read.push(readDiffSide(workspace, p, undefined, progress.part(), false)); // compare needs no kept values
    return compareSides(workspace, read, options);
  } finally {
    for (const side of read) side.close();
  }
}

function compareSides(workspace: Workspace, read: readonly ReadSide[], options: CompareOptions): CompareResult {
  const sides = read.map((r) => r.side);
  const basics = sides.filter((s) => s.kind === 'basic');
  const lists: DiffSide[] = sides.filter((s) => s.kind === 'implementation');
  if (lists.length < 2) throw new UsageError('usage/compare-arguments');
  if (basics.length > 1) throw new UsageError('usage/compare-basics');
  const bundleSides = read.filter((r) => r.side.kind === 'implementation').map((r) => bundleSide(r, workspace.schemas));
  return {
    ...compareCatalogs(lists, basics[0], fieldPolicy(workspace)),
    names: Object.fromEntries(read.filter((r) => r.side.kind === 'implementation').map((r) => [r.side.label, r.title])),
    bundles: alignBundles(
      bundleSides.map((b) => b.side),
      keyMatters(),
    ),
    problems: toDiagnostics(
      [...read.flatMap((r) => r.problems), ...bundleSides.flatMap((b) => b.problems)],
      options.lang ?? 'en',
    ),
  };
}
