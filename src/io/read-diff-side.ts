/** One side of a diff or compare: a catalog folder, or a catalog as it was at a git revision. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { itemKey, type DiffSide, type SideEntry } from '../core/diff/catalog-diff.js';
import type { CatalogKind } from '../core/model.js';
import { selectCatalogs } from './discover.js';
import { UsageError } from './errors.js';
import { loadCatalogs } from './load-catalogs.js';

function git(cwd: string, args: string[], input?: Buffer): Buffer {
  try {
    return execFileSync('git', args, {
      cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      maxBuffer: 1 << 30,
      ...(input ? { input } : {}),
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new UsageError('usage/git', { command: `git ${args.join(' ')}`, detail: stderr || (error as Error).message });
  }
}

/** The folder `catalog` as it was at `ref`, extracted into a temporary folder (via git archive). */
function checkoutAt(ref: string, catalog: string, cwd: string): string {
  const top = git(cwd, ['rev-parse', '--show-toplevel']).toString().trim();
  const relative = path.relative(top, path.resolve(cwd, catalog)).split(path.sep).join('/');
  const archive = git(top, ['archive', '--format=tar', ref, '--', relative]);
  const target = mkdtempSync(path.join(tmpdir(), 'tongban-ref-'));
  execFileSync('tar', ['-x', '-C', target], { input: archive });
  return path.join(target, relative);
}

/** `<ref>:<path>` when the text is not an existing path and its left part looks like a ref. */
export function splitRefPath(text: string, cwd: string): { ref: string; path: string } | undefined {
  if (existsSync(path.resolve(cwd, text))) return undefined;
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  return { ref: text.slice(0, colon), path: text.slice(colon + 1) || '.' };
}

/** Reads one catalog completely (diffs need every item at once). `ref` reads it as it was in git. */
export function readDiffSide(given: string, cwd: string, ref?: string): DiffSide {
  const split = ref === undefined ? splitRefPath(given, cwd) : { ref, path: given };
  const folder = split ? checkoutAt(split.ref, split.path, cwd) : path.resolve(cwd, given);
  const label = split ? `${split.ref}:${split.path}` : given;
  if (!existsSync(folder)) throw new UsageError('usage/path-not-found', { path: label });
  const selection = selectCatalogs([folder], cwd);
  if (selection.catalogDirs.length !== 1) throw new UsageError('usage/one-catalog', { path: label });
  const loaded = loadCatalogs(selection, cwd);
  const source = loaded.sources.find((s) => s.requested);
  const kind = (source?.meta?.data as { kind?: unknown } | undefined)?.kind;
  if (!source || (kind !== 'basic' && kind !== 'implementation'))
    throw new UsageError('usage/not-a-catalog', { path: label });
  const prefix = source.dir === '.' ? '' : source.dir + '/';
  // Kept as compact JSON and parsed when compared: an object graph costs several times its text.
  // Items are read one at a time (the source is lazy), so each parsed item can be collected at once.
  const items: SideEntry[] = [];
  for (const doc of source.items) {
    const data = doc.data as ReturnType<SideEntry['data']>;
    const json = JSON.stringify(data);
    items.push({
      file: doc.file.startsWith(prefix) ? doc.file.slice(prefix.length) : doc.file,
      name: String(data.name),
      key: itemKey(kind as CatalogKind, data),
      data: () => JSON.parse(json) as ReturnType<SideEntry['data']>,
    });
  }
  return { label, kind: kind as CatalogKind, items };
}
