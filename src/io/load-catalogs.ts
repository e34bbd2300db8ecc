/**
 * Reads the selected catalogs (and the basic catalogs they implement) into CatalogSources: every
 * catalog.yaml first (to learn which basic catalogs to add), and each catalog's item files lazily, as
 * validation iterates them, so that only one item at a time need be held in memory.
 *
 * Item texts are not kept: the few files that need positions (those with findings) are read again.
 * Reading on several threads was measured and dropped: on the 2-vCPU machines this runs on, two threads
 * parsing at once each slow down ~1.6×, and handing parsed items back costs more than the rest saves.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../core/diagnostic.js';
import type { CatalogSource, SourceDocument } from '../core/model.js';
import type { Suppression } from '../core/suppressions.js';
import type { CatalogFiles, ItemFacts } from '../core/changed.js';
import { CATALOG_FILE, listItemFiles, type IgnorePredicate, type Selection } from './discover.js';
import { readDocumentFile, readTextFile, type DocumentRead } from './read-document.js';

/** Beside catalog.yaml: every code the catalog ever issued (see core/codes/ledger.ts). */
export const LEDGER_FILE = 'ledger.yaml';

export interface LoadedCatalogs {
  sources: CatalogSource[];
  /**
   * Findings of the reader itself (unreadable files, YAML problems, a basic catalog that is not there) in
   * requested files. Complete once every source's items have been iterated; so is `suppressions`.
   */
  findings: Finding[];
  /** The text of a file read (display path), read again from disk; for positions. */
  textOf(file: string): string | undefined;
  /** Suppression comments of the requested files that have any. */
  suppressions: Map<string, Suppression[]>;
  /** Whether findings in a file (display path) were asked for. */
  isRequested(file: string): boolean;
  itemCount: number;
  /** Every requested file read or listed: catalog.yaml files and items. */
  files: string[];
  /** Every file this run reads, requested or not (display path → absolute path). */
  readFiles: Map<string, string>;
  /** Each catalog's catalog.yaml and item files (display paths), for scoping `--changed`. */
  catalogFiles: CatalogFiles[];
  /** The code and basic code seen in each item file as it was read; complete once items are iterated. */
  facts: Map<string, ItemFacts>;
}

export interface LoadOptions {
  ignored?: IgnorePredicate;
  /** How to read the item files of a catalog (absolute folder); the cache supplies one. */
  readerFor?: (catalogDir: string) => (absolute: string, file: string) => DocumentRead;
  /** Called after each item file is read, with how many of how many. */
  onProgress?: (done: number, total: number) => void;
}

interface FileToRead {
  absolute: string;
  file: string;
}

export function displayPath(cwd: string, absolute: string): string {
  return (path.relative(cwd, absolute) || '.').split(path.sep).join('/');
}

interface PendingCatalog {
  absoluteDir: string;
  source: CatalogSource;
  items: FileToRead[];
}

export function loadCatalogs(selection: Selection, cwd: string, options: LoadOptions = {}): LoadedCatalogs {
  const ignored = options.ignored ?? (() => false);
  // A catalog shown as '.' (the working directory) has files shown without any folder prefix.
  const wholeCatalogs = [...selection.wholeCatalogs]
    .map((dir) => displayPath(cwd, dir))
    .map((dir) => (dir === '.' ? '' : dir + '/'));
  const askedFiles = new Set([...selection.files].map((file) => displayPath(cwd, file)));
  const isRequested = (file: string) => askedFiles.has(file) || wholeCatalogs.some((dir) => file.startsWith(dir));
  const findings: Finding[] = [];
  const suppressions = new Map<string, Suppression[]>();
  const record = (read: DocumentRead) => {
    if (!isRequested(read.file)) return;
    findings.push(...read.findings);
    if (read.suppressions.length) suppressions.set(read.file, read.suppressions);
  };
  const absoluteOf = new Map<string, string>();
  const toRead = (absolute: string): FileToRead => {
    const file = displayPath(cwd, absolute);
    absoluteOf.set(file, absolute);
    return { absolute, file };
  };

  // 1. catalog.yaml files, following implementation lists to their basic catalogs.
  const pending: PendingCatalog[] = [];
  const queued = new Set<string>();
  const queue = selection.catalogDirs.map((dir) => ({ dir, requested: true }));
  for (let next = queue.shift(); next; next = queue.shift()) {
    if (queued.has(next.dir)) continue;
    queued.add(next.dir);
    const meta = toRead(path.join(next.dir, CATALOG_FILE));
    const metaRead = readDocumentFile(meta.absolute, meta.file);
    record(metaRead);
    const ledgerPath = path.join(next.dir, LEDGER_FILE);
    const ledgerRead = existsSync(ledgerPath) ? readDocumentFile(ledgerPath, toRead(ledgerPath).file) : undefined;
    if (ledgerRead) record(ledgerRead);
    const source: CatalogSource = {
      dir: displayPath(cwd, next.dir),
      metaFile: meta.file,
      meta: metaRead.data === undefined ? undefined : { file: meta.file, data: metaRead.data },
      items: [],
      requested: next.requested,
      ...(ledgerRead?.data !== undefined ? { ledger: { file: ledgerRead.file, data: ledgerRead.data } } : {}),
    };
    // Item paths are the catalog's shown path plus the path inside it: no path.relative per file.
    const shownDir = source.dir === '.' ? '' : source.dir + '/';
    const items = listItemFiles(next.dir, ignored).map((absolute) => {
      const file =
        shownDir +
        absolute
          .slice(next.dir.length + 1)
          .split(path.sep)
          .join('/');
      absoluteOf.set(file, absolute);
      return { absolute, file };
    });
    pending.push({ absoluteDir: next.dir, source, items });
    const declared = metaRead.data as { kind?: unknown; basic?: unknown } | undefined;
    if (declared?.kind !== 'implementation' || typeof declared.basic !== 'string') continue;
    const basicDir = path.resolve(next.dir, declared.basic);
    if (!existsSync(path.join(basicDir, CATALOG_FILE))) {
      if (isRequested(meta.file))
        findings.push({
          code: 'catalog/basic-missing',
          severity: 'error',
          file: meta.file,
          path: '/basic',
          args: { dir: declared.basic },
        });
      continue;
    }
    source.basicDir = displayPath(cwd, basicDir);
    queue.push({ dir: basicDir, requested: false });
  }

  // 2. Sources whose items are read as they are iterated.
  const facts = new Map<string, ItemFacts>();
  const total = pending.reduce((sum, p) => sum + p.items.length, 0);
  let done = 0;
  function* readItems(
    items: FileToRead[],
    readItem: (absolute: string, file: string) => DocumentRead,
  ): Generator<SourceDocument> {
    for (const { absolute, file } of items) {
      const read = readItem(absolute, file);
      options.onProgress?.(++done, total);
      record(read);
      if (read.data === undefined) continue;
      const { code, basicCode } = read.data;
      facts.set(file, {
        ...(typeof code === 'string' ? { code } : {}),
        ...(typeof basicCode === 'string' ? { basicCode } : {}),
      });
      yield { file, data: read.data };
    }
  }
  for (const { absoluteDir, source, items } of pending)
    source.items = readItems(items, options.readerFor?.(absoluteDir) ?? readDocumentFile);

  const requestedCatalogs = pending.filter((p) => p.source.requested);
  const itemFiles = requestedCatalogs.flatMap((p) => p.items.map((i) => i.file)).filter(isRequested);
  const files = [...requestedCatalogs.map((p) => p.source.metaFile).filter(isRequested), ...itemFiles].sort();
  // Read again on demand and not kept: locating asks once per file with findings.
  const textOf = (file: string): string | undefined => {
    const absolute = absoluteOf.get(file);
    const again = absolute === undefined ? undefined : readTextFile(absolute, file);
    return again && 'text' in again ? again.text : undefined;
  };

  return {
    sources: pending.map((p) => p.source),
    findings,
    readFiles: absoluteOf,
    catalogFiles: pending.map(({ source, items }) => ({
      dir: source.dir,
      metaFile: source.metaFile,
      ...(source.basicDir !== undefined ? { basicDir: source.basicDir } : {}),
      items: items.map((i) => i.file),
    })),
    facts,
    textOf,
    suppressions,
    isRequested,
    itemCount: itemFiles.length,
    files,
  };
}
