/** The files whose findings `--changed <ref>` reports: what git says changed, and what that affects. */
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { memberCodesOf } from '../core/bundles/members.js';
import { affectedFiles, type CatalogFiles, type ItemFacts } from '../core/change-scope.js';
import { changedSince, contentAt } from './git.js';
import type { CatalogSet } from './workspace.js';

/** The code a basic item had at `ref`, so that items implementing a renumbered code are still reached. */
function codeAt(cwd: string, ref: string, absolute: string): string | undefined {
  const before = contentAt(cwd, ref, absolute);
  if (before === undefined) return undefined;
  try {
    const code = (loadYaml(before, { schema: CORE_SCHEMA }) as { code?: unknown } | null)?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined; // the old version did not parse: it had no code anyone could implement
  }
}

/**
 * Call after validation has read every item: `facts` are the codes each item file held as it was read
 * (an item's code decides which other items a change to it affects).
 */
export function changeScope(
  set: CatalogSet,
  facts: ReadonlyMap<string, ItemFacts>,
  ref: string,
  cwd: string,
): Set<string> {
  const changedAbsolute = changedSince(cwd, ref);
  const changed = new Set(
    [...set.absolutePaths].filter(([, absolute]) => changedAbsolute.has(absolute)).map(([file]) => file),
  );
  const catalogs: CatalogFiles[] = set.all.map((catalog) => ({
    dir: catalog.dir,
    metaFile: catalog.metaFile,
    ...(catalog.basicDir !== undefined ? { basicDir: catalog.basicDir } : {}),
    items: catalog.items.map((item) => item.file),
    bundles: catalog.bundles.map((b) => ({ file: b.file, members: memberCodesOf(b.data) })),
  }));
  const previousCodes = new Map<string, string>();
  for (const catalog of set.all) {
    if (catalog.kind !== 'basic') continue;
    for (const { file, absolute } of catalog.items) {
      const code = changed.has(file) ? codeAt(cwd, ref, absolute) : undefined;
      if (code !== undefined) previousCodes.set(file, code);
    }
  }
  return affectedFiles({ changed, catalogs, facts, previousCodes });
}
