/**
 * The output folder of `tongban guide`: pages written atomically, and a manifest
 * (`.tongban-guides.json`) recording what each page was built from, so that a rebuild renders only
 * pages whose view changed and deletes pages of items that are gone.
 */
import { existsSync, lstatSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isPagePath } from '../core/guide/names.js';
import { UsageError } from './errors.js';
import { readRegularFile } from './read-document.js';
import { writeFileAtomic } from './write-file.js';

const MANIFEST = '.tongban-guides.json';

export interface GuideManifest {
  version: 1;
  /** Hash of the templates and format the pages were rendered with: any change re-renders all. */
  templates: string;
  /** Page path (relative to the folder) → hash of its view. */
  pages: Record<string, string>;
}

export class GuideSite {
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
    return isManifest(data) ? data : undefined;
  }

  writeManifest(manifest: GuideManifest): void {
    writeFileAtomic(path.join(this.root, MANIFEST), JSON.stringify(manifest, null, 1) + '\n');
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

function isManifest(data: unknown): data is GuideManifest {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const { version, templates, pages } = data as Record<string, unknown>;
  if (version !== 1 || typeof templates !== 'string') return false;
  if (typeof pages !== 'object' || pages === null || Array.isArray(pages)) return false;
  return Object.entries(pages).every(([page, hash]) => typeof hash === 'string' && isPagePath(page));
}
