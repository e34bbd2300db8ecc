/**
 * `--cache`: two levels, both keyed by the tool build, the config and profile files, and the arguments.
 *
 * 1. A run whose files all have the size and mtime they had last time reuses last time's findings
 *    without reading a single item (the common case on a CI re-run or a pre-commit hook).
 * 2. Otherwise each file's parse is reused when its content hash is unchanged (a checkout that only
 *    touched mtimes costs a read and a hash, not a parse), and validation runs in full on the parsed
 *    documents, so results are the same as without the cache by construction.
 *
 * Parses are kept per part of a catalog (its files a thousand at a time): loaded when that part is read,
 * written (and let go) once it has been read to the end, so memory stays bounded whatever the size of a
 * catalog. A cache that cannot be read is ignored; one that cannot be written is skipped. The cache never
 * changes a result.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../core/diagnostic.js';
import type { ItemFiles, ItemReader } from './item-reader.js';
import {
  readDocumentFile,
  readDocumentFromBytes,
  readItemFile,
  readRegularFile,
  type DocumentRead,
} from './read-document.js';
import { writeFileAtomic } from './write-file.js';

const FORMAT = 2;
/** Files per stored part of a catalog's parses: a run holds one part at a time (a few MB). */
const PART_SIZE = 1000;

/** A part of a catalog's files: the catalog's absolute folder, and which PART_SIZE files in order. */
interface Part {
  dir: string;
  index: number;
}
const partKey = (part: Part) => `${part.index}\0${part.dir}`;
const partOf = (key: string): Part => {
  const split = key.indexOf('\0');
  return { index: Number(key.slice(0, split)), dir: key.slice(split + 1) };
};

export interface CachedRun {
  findings: Finding[];
  suppressedCount: number;
}

interface RunFile {
  format: number;
  key: string;
  /** Display path → "size:mtimeMs" of every file the run read. */
  files: Record<string, string>;
  result: CachedRun;
}

interface ParseEntry {
  hash: string;
  stamp: string;
  read: DocumentRead;
}

function sha1(data: string | Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}

function stampOf(absolute: string): string | undefined {
  try {
    const stat = statSync(absolute);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function tryWrite(file: string, value: unknown): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, JSON.stringify(value), { durable: false });
  } catch {
    // A cache that cannot be written only costs speed next time.
  }
}

export class ValidationCache implements ItemReader {
  private readonly runFile: string;
  private readonly parses = new Map<string, Map<string, ParseEntry>>();
  private readonly stamps = new Map<string, string>();

  /** `key` identifies everything besides the files that decides the result. */
  constructor(
    private readonly dir: string,
    private readonly key: string,
  ) {
    this.runFile = path.join(dir, `run-${sha1(key).slice(0, 16)}.json`);
  }

  /** Last run's result if every file it read (and only those) still has the same size and mtime. */
  unchangedRun(files: ReadonlyMap<string, string>): CachedRun | undefined {
    const previous = readJson<RunFile>(this.runFile);
    if (!previous || previous.format !== FORMAT || previous.key !== this.key) return undefined;
    const listed = Object.keys(previous.files);
    if (listed.length !== files.size) return undefined;
    for (const [file, absolute] of files) {
      const stamp = stampOf(absolute);
      if (stamp === undefined || previous.files[file] !== stamp) return undefined;
      this.stamps.set(file, stamp);
    }
    return previous.result;
  }

  private parsesFile(part: Part): string {
    return path.join(this.dir, `parse-${sha1(`${this.key}\0${part.dir}\0${part.index}`).slice(0, 16)}.json`);
  }

  private parsesOf(part: Part): Map<string, ParseEntry> {
    let entries = this.parses.get(partKey(part));
    if (!entries) {
      const stored = readJson<{ format: number; entries: Record<string, ParseEntry> }>(this.parsesFile(part));
      entries = new Map(stored?.format === FORMAT ? Object.entries(stored.entries) : []);
      this.parses.set(partKey(part), entries);
    }
    return entries;
  }

  /**
   * Reads a catalog's items, reusing the parse of each unchanged file and recording every parse for next
   * time. Parses are kept by parts of PART_SIZE files in catalog order, each stored (and let go) once read
   * to its end; a file added or removed shifts the files after it, and a file that moves to the next part
   * is parsed again, once.
   */
  *read(catalog: ItemFiles): Iterable<DocumentRead> {
    const { items } = catalog;
    for (let start = 0; start < items.length; start += PART_SIZE) {
      const part: Part = { dir: catalog.absoluteDir, index: start / PART_SIZE };
      const files = items.slice(start, start + PART_SIZE);
      const entries = this.parsesOf(part);
      for (const item of files) {
        // A link is judged where it leads on every run, never from the cache.
        yield item.link || item.special
          ? readItemFile(catalog.absoluteDir, item)
          : this.readOne(entries, item.absolute, item.file);
      }
      const read = new Set(files.map((item) => item.file));
      this.writeParses(part, entries, (file) => read.has(file));
      this.parses.delete(partKey(part));
    }
  }

  /** Stores a part's parses of the files `keep` keeps (those the run read: not deleted files'). */
  private writeParses(part: Part, entries: Map<string, ParseEntry>, keep: (file: string) => boolean): void {
    const kept = Object.fromEntries([...entries].filter(([file]) => keep(file)));
    tryWrite(this.parsesFile(part), { format: FORMAT, entries: kept });
  }

  private readOne(entries: Map<string, ParseEntry>, absolute: string, file: string): DocumentRead {
    const previous = entries.get(file);
    const stamp = stampOf(absolute);
    if (stamp !== undefined) this.stamps.set(file, stamp);
    if (previous && stamp !== undefined && previous.stamp === stamp) return previous.read;
    const bytes = readRegularFile(absolute);
    if (!(bytes instanceof Uint8Array)) return readDocumentFile(absolute, file);
    const hash = sha1(bytes);
    if (previous && previous.hash === hash) {
      entries.set(file, { ...previous, stamp: stamp ?? '' });
      return previous.read;
    }
    const read = readDocumentFromBytes(bytes, file);
    entries.set(file, { hash, stamp: stamp ?? '', read });
    return read;
  }

  /** Stores this run's parses and result. `files` are the files the run read, by display path. */
  save(files: ReadonlyMap<string, string>, result: CachedRun): void {
    // Parts not read to the end are stored here.
    for (const [key, entries] of this.parses) this.writeParses(partOf(key), entries, (file) => files.has(file));
    const stamps: Record<string, string> = {};
    for (const [file, absolute] of files) {
      const stamp = this.stamps.get(file) ?? stampOf(absolute);
      if (stamp === undefined) return;
      stamps[file] = stamp;
    }
    tryWrite(this.runFile, { format: FORMAT, key: this.key, files: stamps, result } satisfies RunFile);
  }
}

/** What, besides the files, decides a run's result: the build, the config and profiles, the arguments. */
export function cacheKey(parts: {
  build: string;
  configFile: string | undefined;
  profiles: string[];
  args: unknown;
}): string {
  const { configFile, ...rest } = parts;
  return sha1(
    JSON.stringify({ ...rest, config: configFile === undefined ? undefined : readFileSync(configFile, 'utf8') }),
  );
}
