/**
 * Which catalogs and files the user means. A folder holding catalog.yaml is a catalog; any other folder
 * is searched for catalogs; a file names its catalog (found by walking up) and limits findings to itself.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';

export const CATALOG_FILE = 'catalog.yaml';
export const ITEMS_DIR = 'items';
/** Bundles (一件事) of an implementation list: `<catalog>/bundles/<id>.yaml` (see core/bundles/model.ts). */
export const BUNDLES_DIR = 'bundles';
/** Beside catalog.yaml: every code the catalog ever issued (see core/codes/ledger.ts). */
export const LEDGER_FILE = 'ledger.yaml';
const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist']);

export interface Selection {
  /** Absolute paths of catalog folders, sorted. */
  catalogDirs: string[];
  /** Absolute paths of individual files asked for; findings elsewhere in their catalogs are not reported. */
  files: Set<string>;
  /** Catalog folders asked for as a whole. */
  wholeCatalogs: Set<string>;
}

function isCatalogDir(dir: string): boolean {
  return existsSync(path.join(dir, CATALOG_FILE));
}

/** Whether an absolute path is excluded by configuration. */
export type IgnorePredicate = (absolute: string) => boolean;

const NOTHING_IGNORED: IgnorePredicate = () => false;

function findCatalogsBelow(dir: string, found: string[], ignored: IgnorePredicate): void {
  if (ignored(dir)) return;
  if (isCatalogDir(dir)) {
    found.push(dir);
    return;
  }
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) {
      findCatalogsBelow(path.join(dir, entry.name), found, ignored);
    }
  }
}

function catalogAbove(file: string): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (isCatalogDir(dir)) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function selectCatalogs(
  paths: readonly string[],
  cwd: string,
  ignored: IgnorePredicate = NOTHING_IGNORED,
): Selection {
  const catalogDirs = new Set<string>();
  const files = new Set<string>();
  const wholeCatalogs = new Set<string>();
  for (const given of paths) {
    const target = path.resolve(cwd, given);
    if (!existsSync(target)) throw new UsageError('usage/path-not-found', { path: given });
    if (statSync(target).isDirectory()) {
      const found: string[] = [];
      findCatalogsBelow(target, found, ignored);
      if (found.length === 0) throw new UsageError('usage/no-catalogs', { path: given });
      for (const dir of found) {
        catalogDirs.add(dir);
        wholeCatalogs.add(dir);
      }
      continue;
    }
    if (!YAML_FILE.test(target)) throw new UsageError('usage/not-yaml', { path: given });
    const catalog = path.basename(target) === CATALOG_FILE ? path.dirname(target) : catalogAbove(target);
    if (!catalog) throw new UsageError('usage/not-in-catalog', { path: given });
    catalogDirs.add(catalog);
    files.add(target);
  }
  return { catalogDirs: [...catalogDirs].sort(), files, wholeCatalogs };
}

/** Item files of a catalog: every YAML file under its items/ folder, in a stable order. */
export function listItemFiles(catalogDir: string, ignored: IgnorePredicate = NOTHING_IGNORED): string[] {
  return listItemEntries(catalogDir, ignored).map((entry) => entry.absolute);
}

/**
 * Item files with whether each is a symbolic link (the reader then checks where it leads) or no regular
 * file at all. Both are listed, not skipped: an item that is not read must be said, never silently missing.
 */
export function listItemEntries(
  catalogDir: string,
  ignored: IgnorePredicate = NOTHING_IGNORED,
): { absolute: string; link: boolean; special: boolean }[] {
  return listYamlEntries(path.join(catalogDir, ITEMS_DIR), ignored);
}

/** Bundle files of a catalog, listed like its items. */
export function listBundleEntries(
  catalogDir: string,
  ignored: IgnorePredicate = NOTHING_IGNORED,
): { absolute: string; link: boolean; special: boolean }[] {
  return listYamlEntries(path.join(catalogDir, BUNDLES_DIR), ignored);
}

function listYamlEntries(
  dir: string,
  ignored: IgnorePredicate,
): { absolute: string; link: boolean; special: boolean }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory() && YAML_FILE.test(entry.name))
    .map((entry) => ({
      absolute: path.join(entry.parentPath, entry.name),
      link: entry.isSymbolicLink(),
      // A pipe, socket or device named like an item: reading it could block forever, so it is not read.
      special: !entry.isFile() && !entry.isSymbolicLink(),
    }))
    .filter((entry) => !ignored(entry.absolute))
    .sort((a, b) => (a.absolute < b.absolute ? -1 : a.absolute > b.absolute ? 1 : 0));
}
