/** `tongban diff`: two catalogs (or one catalog and its state at a git revision) compared item by item. */
import { diffCatalogs, type CatalogDiff } from '../core/diff/catalog-diff.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Lang } from '../i18n/index.js';
import { UsageError } from '../io/errors.js';
import { readDiffSide } from '../io/read-diff-side.js';
import type { Workspace } from '../io/workspace.js';
import { diffBundles, type BundleDiff } from '../core/bundles/bundle-diff.js';
import { bundleSide } from './shared/bundle-reads.js';
import { toDiagnostics } from './shared/diagnostics.js';
import { fieldPolicy } from './shared/field-policy.js';
import { partsProgress, type OnProgress } from './shared/progress.js';

export interface DiffOptions {
  /** A catalog folder, or `<ref>:<folder>` for a folder as it was at a git revision. */
  left: string;
  /** The other catalog; when absent, `git` names the revision `left` is compared with. */
  right?: string;
  /** Compare `left` as it was at this git ref with `left` (or `right`) now. */
  git?: string;
  lang?: Lang;
  /** Called as item files are read: how many of how many (each side adds its items to the total). */
  onProgress?: OnProgress;
}

export interface DiffResult extends CatalogDiff {
  /** 一件事: bundles matched by id (else by key matter), what changed in each, and those on one side only. */
  bundles: BundleDiff;
  /** Item files that could not be read on either side, so are not in the comparison. */
  problems: Diagnostic[];
}

export async function diff(workspace: Workspace, options: DiffOptions): Promise<DiffResult> {
  if (options.right === undefined && options.git === undefined) throw new UsageError('usage/diff-arguments');
  const progress = partsProgress(options.onProgress);
  const before = readDiffSide(
    workspace,
    options.left,
    options.right === undefined ? options.git : undefined,
    progress.part(),
  );
  try {
    const after = readDiffSide(workspace, options.right ?? options.left, undefined, progress.part());
    try {
      const left = bundleSide(before, workspace.schemas);
      const right = bundleSide(after, workspace.schemas);
      return {
        ...diffCatalogs(before.side, after.side, fieldPolicy(workspace)),
        bundles: diffBundles(left.side, right.side),
        problems: toDiagnostics(
          [...before.problems, ...after.problems, ...left.problems, ...right.problems],
          options.lang ?? 'en',
        ),
      };
    } finally {
      after.close();
    }
  } finally {
    before.close();
  }
}
