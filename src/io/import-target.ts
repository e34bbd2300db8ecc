/**
 * The catalog an import writes to: its existing items, found by what identifies them (code; basic code and
 * handling item) whatever their files are called, and new items as `<catalog>/items/<name>.yaml`. Every
 * file is checked with tongban's own reader before it is written, and written atomically.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Finding } from '../core/diagnostic.js';
import { identityOf, type ItemIdentity } from '../core/exchange/mapping.js';
import type { CatalogKind } from '../core/model.js';
import { CATALOG_FILE, ITEMS_DIR, listItemEntries } from './discover.js';
import { readDocumentFile, readDocumentFromBytes, readItemFile, type DocumentRead } from './read-document.js';
import { failure, fsyncFolder, writeFileAtomic } from './write-file.js';

type YamlModule = typeof import('yaml');

/** A file's data, unless the reader refuses it. */
const dataOf = (read: DocumentRead) => (read.findings.some((f) => f.severity === 'error') ? undefined : read.data);
const yaml = (): YamlModule => createRequire(import.meta.url)('yaml') as YamlModule;

/** Where an imported item goes. */
export type Target =
  /** No item of the catalog is this one: a new file. */
  | { kind: 'new'; file: string }
  /** The existing item with this identity. */
  | { kind: 'existing'; file: string }
  /** The file it would be named after holds another item or one the reader refuses, or it is a link. */
  | { kind: 'taken'; file: string }
  /** Several existing items have this identity. */
  | { kind: 'ambiguous'; file: string; files: string[] };

export class ItemStore {
  private byCode = new Map<string, string[]>();
  private byBasic = new Map<string, { file: string; coded: boolean }[]>();
  /** Items that are symbolic links: tongban never writes through one. */
  private links = new Set<string>();

  /** `display` turns an absolute path into the one findings show. */
  constructor(
    readonly catalogDir: string,
    private readonly display: (absolute: string) => string = (absolute) => absolute,
  ) {}

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

  /**
   * Reads every item file of the catalog (with the reader validate uses: links out of the catalog and
   * files that are no regular files are not read) and indexes it by identity.
   */
  indexExisting(kind: CatalogKind): void {
    this.byCode.clear();
    this.byBasic.clear();
    this.links.clear();
    for (const entry of listItemEntries(this.catalogDir)) {
      const file = entry.absolute;
      if (entry.link) this.links.add(file);
      const data = dataOf(readItemFile(this.catalogDir, { ...entry, file: this.display(file) }));
      if (!data) continue;
      const { code, basic } = identityOf(data, kind);
      if (code !== undefined) this.byCode.set(code, [...(this.byCode.get(code) ?? []), file]);
      if (basic !== undefined)
        this.byBasic.set(basic, [...(this.byBasic.get(basic) ?? []), { file, coded: code !== undefined }]);
    }
  }

  /**
   * The file an item goes to: the existing item with its code, else (an item without code, or an
   * existing item that has none yet) the one with its basic code and handling item; else `<name>.yaml`.
   */
  targetOf(identity: ItemIdentity, name: string): Target {
    let matches = identity.code !== undefined ? (this.byCode.get(identity.code) ?? []) : [];
    if (matches.length === 0 && identity.basic !== undefined) {
      const sameBasic = this.byBasic.get(identity.basic) ?? [];
      matches = sameBasic.filter((m) => identity.code === undefined || !m.coded).map((m) => m.file);
    }
    const [first] = matches;
    if (first !== undefined) {
      if (matches.length > 1) return { kind: 'ambiguous', file: first, files: matches };
      return this.links.has(first) ? { kind: 'taken', file: first } : { kind: 'existing', file: first };
    }
    const file = this.fileOf(name);
    // Whatever is there (a file, a dangling link, a folder) is not ours to replace.
    return lstatSync(file, { throwIfNoEntry: false }) ? { kind: 'taken', file } : { kind: 'new', file };
  }

  /** Whether an existing item (one of those indexed) differs from `item`. */
  differs(file: string, item: Record<string, unknown>): boolean {
    return !isDeepStrictEqual(dataOf(readDocumentFile(file, this.display(file))), item);
  }

  /** The text of a new item file, with a comment saying where it came from. */
  render(comment: string, item: Record<string, unknown>): string {
    return `# ${comment}\n` + yaml().stringify(item, { lineWidth: 0 });
  }

  /**
   * An existing file with the elements of `item` that differ set, keeping the author's comments and other
   * elements; and the names of the elements changed (none: nothing to write).
   */
  merged(file: string, item: Record<string, unknown>): { text: string; fields: string[] } {
    const doc = yaml().parseDocument(readFileSync(file, 'utf8'));
    const current = doc.toJS() as Record<string, unknown>;
    const fields = Object.keys(item).filter((key) => !isDeepStrictEqual(current[key], item[key]));
    for (const key of fields) doc.set(key, item[key]);
    return { text: fields.length ? doc.toString({ lineWidth: 0 }) : '', fields };
  }

  /** Why tongban's reader would refuse `text` as an item file (too large, too deep…), if it would. */
  refusal(file: string, text: string): Finding | undefined {
    return readDocumentFromBytes(Buffer.from(text, 'utf8'), this.display(file)).findings.find(
      (f) => f.severity === 'error',
    );
  }

  write(file: string, text: string): void {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, text, this.display(file));
  }

  /** New item files written (atomically) but not yet flushed to disk: `flush()` does that for all of them. */
  private unflushed: string[] = [];

  /**
   * A new item file, written atomically without waiting for the disk: a flush per file (two fsyncs) was
   * two thirds of an import's time. `flush()` makes them durable together before the import reports
   * success; until then the rows are still in the file being imported. Existing items (`write`) are
   * flushed one by one as before, since they hold what people wrote.
   */
  writeNew(file: string, text: string): void {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, text, { shown: this.display(file), durable: false });
    this.unflushed.push(file);
  }

  /** Flushes the new files, several at a time (the disk groups them), then each folder once. */
  async flush(): Promise<void> {
    const files = this.unflushed;
    this.unflushed = [];
    const folders = new Set<string>();
    for (let start = 0; start < files.length; start += FLUSH_BATCH) {
      await Promise.all(
        files.slice(start, start + FLUSH_BATCH).map(async (file) => {
          try {
            const handle = await open(file, 'r');
            try {
              await handle.sync();
            } finally {
              await handle.close();
            }
          } catch (error) {
            // A disk that fails now is said as a write that failed, with the file, not as an internal error.
            throw failure(this.display(file), error);
          }
          folders.add(path.dirname(file));
        }),
      );
    }
    for (const folder of folders) fsyncFolder(folder);
  }
}

/** How many new files are flushed at once. */
const FLUSH_BATCH = 32;
