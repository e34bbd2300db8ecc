/** One side of a diff or compare: a catalog folder, or a catalog as it was at a git revision. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  agencyOf,
  agencyRegionOf,
  handlingOf,
  itemKey,
  type DiffSide,
  type SideEntry,
} from '../core/diff/catalog-diff.js';
import { elementHashes, fingerprint, type Hashes } from '../core/diff/element-hashes.js';
import type { Finding } from '../core/diagnostic.js';
import { release, track } from './cleanup.js';
import { UsageError } from './errors.js';
import { archiveAt, repositoryRoot } from './git.js';
import type { ItemFile } from './item-reader.js';
import { readItemFile } from './read-document.js';
import type { Workspace } from './workspace.js';

/** The folder `catalog` as it was at `ref`, extracted into a temporary folder (removed by the caller). */
function checkoutAt(ref: string, catalog: string, cwd: string): { root: string; folder: string } {
  const relative = path.relative(repositoryRoot(cwd), path.resolve(cwd, catalog)).split(path.sep).join('/');
  const archive = archiveAt(cwd, ref, relative);
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-ref-'));
  track(root);
  execFileSync('tar', ['-x', '-C', root], { input: archive });
  return { root, folder: path.join(root, relative) };
}

/** `<ref>:<path>` when the text is not an existing path and its left part looks like a ref. */
export function splitRefPath(text: string, cwd: string): { ref: string; path: string } | undefined {
  if (existsSync(path.resolve(cwd, text))) return undefined;
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  return { ref: text.slice(0, colon), path: text.slice(colon + 1) || '.' };
}

export interface ReadSide {
  side: DiffSide;
  /** Item files that could not be read, so are not in the comparison. */
  problems: Finding[];
  /** How a reader knows the catalog: its region's name (GB/T 2260), else its name, else its folder. */
  title: string;
  /** The bundles (一件事) of the catalog that could be read, not yet checked; files shown like items'. */
  bundles: { file: string; data: Record<string, unknown> }[];
  /**
   * Done with the side: a side read from git keeps its temporary copy until then, since items are read
   * again from their files when needed (the copy is removed at exit in any case).
   */
  close(): void;
}

/** The region of a catalog by name ("广东省深圳市"), else the catalog's name, else undefined. */
export function catalogTitle(workspace: Workspace, meta: Record<string, unknown> | undefined): string | undefined {
  const code = meta?.region;
  const region = typeof code === 'string' ? workspace.regions.get(code) : undefined;
  if (region) return region.fullName.replace(/\s+/g, '');
  return typeof meta?.name === 'string' && meta.name.trim() ? meta.name.trim() : undefined;
}

/**
 * The catalogs a command that compares catalogs one by one is given: each path as it is, except a folder
 * that is no catalog itself but holds several (`catalogs/`), which stands for the catalogs in it.
 */
export function expandCatalogFolders(workspace: Workspace, paths: readonly string[]): string[] {
  return paths.flatMap((given) => {
    const folder = path.resolve(workspace.cwd, given);
    if (!existsSync(folder) || existsSync(path.join(folder, 'catalog.yaml'))) return [given];
    const found = workspace.catalogs([folder]).requested.map((c) => c.dir);
    return found.length > 1 ? found : [given];
  });
}

/**
 * Reads one catalog: each item once, kept as what identifies it and a hash per element (a side of 100k
 * items holds no items); `data()` reads an item again when a comparison needs it. `ref` reads the catalog
 * as it was in git, from a temporary copy removed by `close()`.
 */
export function readDiffSide(
  workspace: Workspace,
  given: string,
  ref?: string,
  onProgress?: (done: number, total: number) => void,
  /** Keep short element values with the hashes (diff uses them; compare needs none). */
  keep = true,
): ReadSide {
  const split = ref === undefined ? splitRefPath(given, workspace.cwd) : { ref, path: given };
  const checkout = split ? checkoutAt(split.ref, split.path, workspace.cwd) : undefined;
  const close = () => {
    if (!checkout) return;
    rmSync(checkout.root, { recursive: true, force: true });
    release(checkout.root);
  };
  try {
    return {
      ...readFolder(
        workspace,
        checkout?.folder ?? path.resolve(workspace.cwd, given),
        split ? `${split.ref}:${split.path}` : given,
        onProgress,
        keep,
      ),
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}

function readFolder(
  workspace: Workspace,
  folder: string,
  label: string,
  onProgress?: (done: number, total: number) => void,
  keep = true,
): Omit<ReadSide, 'close'> {
  if (!existsSync(folder)) throw new UsageError('usage/path-not-found', { path: label });
  const set = workspace.catalogs([folder]);
  const catalog = set.requested[0];
  if (set.requested.length !== 1 || catalog === undefined) throw new UsageError('usage/one-catalog', { path: label });
  const kind = catalog.kind;
  if (kind === undefined) throw new UsageError('usage/not-a-catalog', { path: label });
  const prefix = catalog.dir === '.' ? '' : catalog.dir + '/';
  const inside = (file: string) => (file.startsWith(prefix) ? file.slice(prefix.length) : file);
  // Problems name files as the user knows them: `ref:folder/items/…` for a side read from git.
  const shown = (finding: Finding): Finding => ({ ...finding, file: `${label}/${inside(finding.file)}` });
  // Only unreadable item files matter to a comparison: the basic catalog a list names, or its ledger, do
  // not take part (and a side read from git holds the list's own folder only).
  const problems: Finding[] = [];
  // Kept as fingerprints (element-hashes.ts), not items: an item is read again only when compared.
  const entries: SideEntry[] = [];
  let done = 0;
  for (const file of catalog.items) {
    const read = readItemFile(catalog.absoluteDir, file);
    onProgress?.(++done, catalog.items.length);
    if (read.data === undefined) {
      problems.push(...read.findings.map(shown));
      continue;
    }
    const item = read.data as ReturnType<SideEntry['data']>;
    const { hashes, kept } = fingerprint(item, keep);
    const agency = item.agency as { name?: unknown; uscc?: unknown } | undefined;
    entries.push({
      file: own(inside(read.file)),
      name: own(String(item.name)),
      ...(typeof item.name === 'string' ? {} : { rawName: item.name }),
      key: own(itemKey(kind, item, catalog.profile)),
      agency: own(agencyOf(item)),
      agencyRegion: own(agencyRegionOf(item)),
      type: own(typeof item.type === 'string' ? item.type : undefined),
      handling: own(kind === 'implementation' ? handlingOf(item, catalog.profile) : undefined),
      code: own(typeof item.code === 'string' ? item.code : undefined),
      agencyNamed:
        typeof agency?.name === 'string' && typeof agency.uscc === 'string'
          ? { name: own(agency.name), uscc: own(agency.uscc) }
          : undefined,
      hashes,
      kept,
      data: () => readAgain(catalog.absoluteDir, file, hashes),
    });
  }
  // Bundle files that cannot be read are problems too; the rest are compared by the caller.
  const bundleFiles = new Set(catalog.bundles.map((b) => b.file));
  problems.push(...set.problems.filter((p) => bundleFiles.has(p.file)).map(shown));
  const bundles = catalog.bundles.flatMap((b) =>
    b.data === undefined ? [] : [{ file: `${label}/${inside(b.file)}`, data: b.data }],
  );
  return {
    side: { label, kind, region: (catalog.meta as { region?: string } | undefined)?.region, items: entries },
    problems,
    title: catalogTitle(workspace, catalog.meta) ?? label,
    bundles,
  };
}

/**
 * An item read again for a comparison. It must be what was read first (same hash of every element): a
 * file changed or removed in between would make the comparison report neither version.
 */
function readAgain(absoluteDir: string, file: ItemFile, hashes: Hashes): ReturnType<SideEntry['data']> {
  const read = readItemFile(absoluteDir, file);
  const now = read.data === undefined ? undefined : elementHashes(read.data as ReturnType<SideEntry['data']>);
  if (now === undefined || Array.from(now).some((hash, i) => !Object.is(hash, hashes[i])))
    throw new UsageError('usage/changed-while-read', { path: file.file });
  return read.data as ReturnType<SideEntry['data']>;
}

/**
 * A string of its own: text cut from a file's text can keep the whole text alive (V8 slices strings), so
 * what a side holds of 100k items is copied out.
 */
function own<T extends string | undefined>(text: T): T {
  return (text === undefined || text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string)) as T;
}
