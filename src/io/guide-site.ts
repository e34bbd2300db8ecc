/**
 * The output folder of `tongban guide`: pages written atomically, and a manifest
 * (`.tongban-guides.json`) recording what each page was built from, so that a rebuild parses only the
 * item files that changed, renders only pages whose view changed, redraws the index only when what it
 * shows changed, and deletes pages of items that are gone.
 */
import { existsSync, lstatSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { IndexBundle, IndexEntry } from '../core/guide/index-view.js';
import { isPagePath, isSiteName } from '../core/guide/names.js';
import { UsageError } from './errors.js';
import { readRegularFile } from './read-document.js';
import { writeFileAtomic } from './write-file.js';

const MANIFEST = '.tongban-guides.json';

/** What the index shows of an item page. */
export type IndexFields = Omit<IndexEntry, 'path' | 'catalogName'>;

/** What a build took from one item file, so that the next one need not parse it while it is unchanged. */
export interface SourceRecord {
  /** Hash of the file's content, its path and everything else its page depends on (templates, catalog…). */
  key: string;
  /** The item's own code (bundles find their members by it), or null. */
  code: string | null;
  /** The page name its view asked for (before names were made unique), or null: a cancelled item has no page. */
  slug: string | null;
  /** The page it had, `<folder>/<name>` without extension, or null. */
  page: string | null;
  /** What the index showed of it, or null. */
  index: IndexFields | null;
}

/** A catalog's bundle pages as last built: reused while `key` (the bundles and their members) is unchanged. */
export interface BundleRecord {
  key: string;
  pages: { path: string; index: IndexBundle }[];
}

export interface GuideManifest {
  /** 3; a manifest of version 1 (pages only) is read as one with nothing else recorded. */
  version: 3;
  /** Hash of the templates and format the pages were rendered with: any change re-renders all. */
  templates: string;
  /** Page path (relative to the folder) → hash of its view. */
  pages: Record<string, string>;
  /** Item file (display path) → what was taken from it. */
  sources: Record<string, SourceRecord>;
  /** Catalog folder in the site → its bundle pages. */
  bundles: Record<string, BundleRecord>;
  /** Hash of what the index shows, when it was drawn. */
  index?: string;
}

export class GuideSite {
  /** Folders found really inside the output folder during this build. */
  private readonly checked = new Set<string>();

  constructor(readonly root: string) {}

  /**
   * The manifest of the last build, when it is one tongban could have written: JSON of the right shape
   * whose every page is a page name the guide makes (`<folder>/<name>.html|md`, no `..`, no absolute
   * path). Anything else — damaged, hand-edited, planted — is ignored whole: a full rebuild that deletes
   * nothing.
   */
  readManifest(): GuideManifest | undefined {
    const file = path.join(this.root, MANIFEST);
    if (!existsSync(file)) return undefined;
    let data: unknown;
    try {
      const bytes = readRegularFile(file);
      if (!(bytes instanceof Uint8Array)) return undefined;
      data = JSON.parse(Buffer.from(bytes).toString('utf8'));
    } catch {
      return undefined; // a damaged manifest only costs a full rebuild
    }
    if (isManifestV1(data))
      return { version: 3, templates: data.templates, pages: data.pages, sources: {}, bundles: {} };
    return isManifest(data) ? data : undefined;
  }

  writeManifest(manifest: GuideManifest): void {
    writeFileAtomic(path.join(this.root, MANIFEST), JSON.stringify(manifest) + '\n');
  }

  /**
   * A page's file, only when it lies inside the folder: manifest entries are data from disk, and an entry
   * such as `../file` must never reach a file outside it.
   */
  private fileOf(page: string): string | undefined {
    const root = path.resolve(this.root);
    const file = path.resolve(root, page);
    const relative = path.relative(root, file);
    return relative !== '' && !isOutside(relative) ? file : undefined;
  }

  has(page: string): boolean {
    const file = this.fileOf(page);
    return file !== undefined && existsSync(file);
  }

  /**
   * Whether the folder `file` would be written in really lies inside the output folder: the nearest part
   * of its path that exists, with links resolved (a folder of the site replaced by a link to elsewhere is
   * not followed).
   */
  private reallyInside(file: string): boolean {
    // Pages share a few folders: each is checked once per build (the folder's own page writes cannot move it).
    if (this.checked.has(path.dirname(file))) return true;
    const inside = this.checkInside(file);
    if (inside && existsSync(path.dirname(file))) this.checked.add(path.dirname(file));
    return inside;
  }

  private checkInside(file: string): boolean {
    let dir = path.dirname(file);
    while (!existsSync(dir) && dir !== path.dirname(dir)) dir = path.dirname(dir);
    if (!existsSync(this.root)) return true; // nothing exists yet: the folder is made where it is named
    return !isOutside(path.relative(realpathSync(this.root), realpathSync(dir)));
  }

  /**
   * Writes a page; one that would lie outside the folder, by its name (page names never do: names.ts) or
   * through a link, is a usage error.
   */
  write(page: string, text: string): void {
    const file = this.fileOf(page);
    if (file === undefined || !this.reallyInside(file)) throw new UsageError('usage/guide-outside', { path: page });
    writeFileAtomic(file, text, { durable: false });
  }

  /** Deletes a page: only a file (or a link, not what it points to) really inside the folder. Whether it did. */
  remove(page: string): boolean {
    const file = this.fileOf(page);
    if (file === undefined || !this.reallyInside(file)) return false;
    const stats = lstatSync(file, { throwIfNoEntry: false });
    if (!stats || !(stats.isFile() || stats.isSymbolicLink())) return false;
    rmSync(file, { force: true });
    return true;
  }
}

/** Whether a path relative to a folder leaves it. */
function isOutside(relative: string): boolean {
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringOrNull = (value: unknown) => value === null || typeof value === 'string';
const isPages = (pages: unknown): pages is Record<string, string> =>
  isObject(pages) && Object.entries(pages).every(([page, hash]) => typeof hash === 'string' && isPagePath(page));
/** A page path as the manifest's records hold it: without extension. */
const isPageName = (page: unknown) => typeof page === 'string' && isPagePath(`${page}.html`);

function isManifestV1(data: unknown): data is { templates: string; pages: Record<string, string> } {
  return isObject(data) && data.version === 1 && typeof data.templates === 'string' && isPages(data.pages);
}

function isIndexFields(value: unknown): boolean {
  if (!isObject(value)) return false;
  const { name, type, agency, code, basicCode, materials } = value;
  return (
    typeof name === 'string' &&
    typeof type === 'string' &&
    typeof agency === 'string' &&
    isStringOrNull(code) &&
    isStringOrNull(basicCode) &&
    Array.isArray(materials) &&
    materials.every((m) => typeof m === 'string')
  );
}

function isSource(value: unknown): boolean {
  if (!isObject(value)) return false;
  const { key, code, slug, page, index } = value;
  if (typeof key !== 'string' || !isStringOrNull(code)) return false;
  if (slug === null) return page === null && index === null;
  return typeof slug === 'string' && isSiteName(slug) && isPageName(page) && isIndexFields(index);
}

const BUNDLE_TEXT = ['name', 'catalog', 'lead', 'agencies', 'scope', 'promisedLimit', 'memberNames', 'href', 'search'];

function isBundleRecord(value: unknown): boolean {
  if (!isObject(value) || typeof value.key !== 'string' || !Array.isArray(value.pages)) return false;
  return value.pages.every(
    (page) =>
      isObject(page) &&
      isPageName(page.path) &&
      isObject(page.index) &&
      BUNDLE_TEXT.every((field) => typeof (page.index as Record<string, unknown>)[field] === 'string') &&
      isStringOrNull(page.index.keyMatter) &&
      typeof page.index.members === 'number',
  );
}

function isManifest(data: unknown): data is GuideManifest {
  if (!isObject(data)) return false;
  const { version, templates, pages, sources, bundles, index } = data;
  if (version !== 3 || typeof templates !== 'string' || !isPages(pages)) return false;
  if (index !== undefined && typeof index !== 'string') return false;
  if (!isObject(sources) || !Object.values(sources).every(isSource)) return false;
  return isObject(bundles) && Object.entries(bundles).every(([folder, b]) => isSiteName(folder) && isBundleRecord(b));
}
