/** The files whose findings `--changed <ref>` reports: what git says changed, and what that affects. */
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { affectedFiles } from '../core/changed.js';
import { changedSince, contentAt } from './git.js';
import type { LoadedCatalogs } from './load-catalogs.js';

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

/** Call after validation has read every item (the codes seen are part of the scope). */
export function changeScope(loaded: LoadedCatalogs, ref: string, cwd: string): Set<string> {
  const changedAbsolute = changedSince(cwd, ref);
  const changed = new Set(
    [...loaded.readFiles].filter(([, absolute]) => changedAbsolute.has(absolute)).map(([file]) => file),
  );
  const basicDirs = new Set(
    loaded.sources.filter((s) => (s.meta?.data as { kind?: unknown } | undefined)?.kind === 'basic').map((s) => s.dir),
  );
  const previousCodes = new Map<string, string>();
  for (const catalog of loaded.catalogFiles) {
    if (!basicDirs.has(catalog.dir)) continue;
    for (const file of catalog.items) {
      const code = changed.has(file) ? codeAt(cwd, ref, loaded.readFiles.get(file) as string) : undefined;
      if (code !== undefined) previousCodes.set(file, code);
    }
  }
  return affectedFiles({ changed, catalogs: loaded.catalogFiles, facts: loaded.facts, previousCodes });
}
