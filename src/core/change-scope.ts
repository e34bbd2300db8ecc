/**
 * `--changed`: which files' findings to report when only some files changed. A changed file can move
 * findings elsewhere, so the scope grows with what the change can affect:
 * - a changed catalog.yaml affects its whole catalog;
 * - a changed basic item affects the implementation items (in lists built on that basic catalog) that
 *   implement its code, before or after the change;
 * - a changed item affects every item of its catalog that shares a code with it (duplicates);
 * - a bundle (一件事) is affected when it changed, when its catalog.yaml did, or when an item it names did.
 */

export interface ItemFacts {
  code?: string;
  basicCode?: string;
}

export interface CatalogFiles {
  dir: string;
  metaFile: string;
  basicDir?: string;
  items: readonly string[];
  /** The bundle files of the catalog, with the member codes each names. */
  bundles?: readonly { file: string; members: readonly string[] }[];
}

export interface ChangeScope {
  /** Display paths of the files the change touched. */
  changed: ReadonlySet<string>;
  catalogs: readonly CatalogFiles[];
  /** Codes seen in each item file as it is now. */
  facts: ReadonlyMap<string, ItemFacts>;
  /** Codes the changed files had before the change (a renumbered basic item still affects its old implementers). */
  previousCodes: ReadonlyMap<string, string>;
}

export function affectedFiles({ changed, catalogs, facts, previousCodes }: ChangeScope): Set<string> {
  const affected = new Set<string>();
  const changedCodesByCatalog = new Map<string, Set<string>>();
  for (const catalog of catalogs) {
    if (changed.has(catalog.metaFile)) {
      affected.add(catalog.metaFile);
      for (const item of catalog.items) affected.add(item);
    }
    const codes = new Set<string>();
    for (const item of catalog.items) {
      if (!changed.has(item)) continue;
      affected.add(item);
      const now = facts.get(item)?.code;
      if (now !== undefined) codes.add(now);
      const before = previousCodes.get(item);
      if (before !== undefined) codes.add(before);
    }
    changedCodesByCatalog.set(catalog.dir, codes);
  }
  for (const catalog of catalogs) {
    const ownCodes = changedCodesByCatalog.get(catalog.dir) ?? new Set();
    const basicCodes = catalog.basicDir === undefined ? undefined : changedCodesByCatalog.get(catalog.basicDir);
    for (const item of catalog.items) {
      const itemFacts = facts.get(item);
      if (itemFacts?.code !== undefined && ownCodes.has(itemFacts.code)) affected.add(item);
      if (itemFacts?.basicCode !== undefined && basicCodes?.has(itemFacts.basicCode)) affected.add(item);
    }
    for (const bundle of catalog.bundles ?? []) {
      if (changed.has(bundle.file) || changed.has(catalog.metaFile) || bundle.members.some((c) => ownCodes.has(c)))
        affected.add(bundle.file);
    }
  }
  return affected;
}
