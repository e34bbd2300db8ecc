/**
 * The output folder of `tongban guide`: pages written atomically, and a manifest
 * (`.tongban-guides.json`) recording what each page was built from, so that a rebuild renders only
 * pages whose view changed and deletes pages of items that are gone.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
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

  readManifest(): GuideManifest | undefined {
    const file = path.join(this.root, MANIFEST);
    if (!existsSync(file)) return undefined;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as GuideManifest;
    } catch {
      return undefined; // a damaged manifest only costs a full rebuild
    }
  }

  writeManifest(manifest: GuideManifest): void {
    writeFileAtomic(path.join(this.root, MANIFEST), JSON.stringify(manifest, null, 1) + '\n');
  }

  /**
   * A page's file, only when it lies inside the folder: manifest entries are data from disk, and an entry
   * such as `../file` must never reach a file outside it.
   */
  private fileOf(page: string): string | undefined {
    const file = path.resolve(this.root, page);
    return file.startsWith(path.resolve(this.root) + path.sep) ? file : undefined;
  }

  has(page: string): boolean {
    const file = this.fileOf(page);
    return file !== undefined && existsSync(file);
  }

  write(page: string, text: string): void {
    const file = this.fileOf(page);
    if (file === undefined) throw new Error(`guide page outside the output folder: ${page}`);
    writeFileAtomic(file, text);
  }

  remove(page: string): void {
    const file = this.fileOf(page);
    if (file !== undefined) rmSync(file, { force: true });
  }
}
