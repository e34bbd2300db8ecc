/** The item files of a catalog an import writes to: `<catalog>/items/<name>.yaml`, each written atomically. */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { CATALOG_FILE, ITEMS_DIR } from './discover.js';
import { writeFileAtomic } from './write-file.js';

type YamlModule = typeof import('yaml');
const yaml = (): YamlModule => createRequire(import.meta.url)('yaml') as YamlModule;

export class ItemStore {
  constructor(readonly catalogDir: string) {}

  fileOf(name: string): string {
    return path.join(this.catalogDir, ITEMS_DIR, `${name}.yaml`);
  }

  hasCatalog(): boolean {
    return existsSync(path.join(this.catalogDir, CATALOG_FILE));
  }

  /** Writes catalog.yaml when the catalog does not exist yet. */
  createCatalog(meta: unknown): void {
    mkdirSync(this.catalogDir, { recursive: true });
    writeFileAtomic(path.join(this.catalogDir, CATALOG_FILE), yaml().stringify(meta));
  }

  has(name: string): boolean {
    return existsSync(this.fileOf(name));
  }

  read(name: string): unknown {
    return yaml().parse(readFileSync(this.fileOf(name), 'utf8'));
  }

  /** A new item file, with a comment saying where it came from. */
  create(name: string, comment: string, item: Record<string, unknown>): void {
    mkdirSync(path.join(this.catalogDir, ITEMS_DIR), { recursive: true });
    writeFileAtomic(this.fileOf(name), `# ${comment}\n` + yaml().stringify(item, { lineWidth: 0 }));
  }

  /**
   * Sets the elements of `item` that differ in the existing file, keeping the author's comments and other
   * elements; returns the names of the elements changed.
   */
  update(name: string, item: Record<string, unknown>): string[] {
    const doc = yaml().parseDocument(readFileSync(this.fileOf(name), 'utf8'));
    const current = doc.toJS() as Record<string, unknown>;
    const fields = Object.keys(item).filter((key) => !isDeepStrictEqual(current[key], item[key]));
    if (fields.length === 0) return fields;
    for (const key of fields) doc.set(key, item[key]);
    writeFileAtomic(this.fileOf(name), doc.toString({ lineWidth: 0 }));
    return fields;
  }
}
