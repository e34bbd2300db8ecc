/**
 * A reader that parses only what changed: each item file is read and hashed (with a salt naming
 * everything else its use depends on), and a file whose key a previous run recorded is skipped before
 * parsing. A skipped file yields a read with no data and no findings, so readAll/readUsable leave it out
 * without a problem; the caller takes what it needs of it from its own records. Links and special files
 * are judged on every run, never skipped (as the validation cache does).
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { ItemFiles, ItemReader } from './item-reader.js';
import { readDocumentFromBytes, readItemFile, type DocumentRead } from './read-document.js';

/** Item files are a few KB: one buffer, reused, holds each while it is hashed (and parsed when it changed). */
const SHARED = Buffer.allocUnsafe(256 * 1024);

/**
 * A regular file's bytes in the shared buffer (valid until the next call), or undefined for anything else
 * — not a regular file, larger than the buffer, unreadable — which the caller reads the ordinary way
 * (readItemFile), with its findings. Opened non-blocking and judged by the open descriptor, as
 * readRegularFile does: a pipe is never waited on.
 */
function readShared(absolute: string): Uint8Array | undefined {
  let fd: number;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size >= SHARED.length) return undefined;
    let length = 0;
    for (let n = 1; n > 0 && length < stat.size; length += n)
      n = readSync(fd, SHARED, length, SHARED.length - length, null);
    // Grown past the buffer while being read: the ordinary way.
    return length >= SHARED.length ? undefined : SHARED.subarray(0, length);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

export class SkippingReader implements ItemReader {
  /** Display path → key of the file as read this run (files that could be hashed). */
  readonly keys = new Map<string, string>();
  /** Display paths of the files skipped this run. */
  readonly skipped = new Set<string>();
  /** How many files were parsed. */
  parsed = 0;

  /** `known(file, key)`: whether a previous run recorded this key for this file. */
  constructor(
    private readonly salt: string,
    private readonly known: (file: string, key: string) => boolean,
  ) {}

  *read(catalog: ItemFiles): Iterable<DocumentRead> {
    for (const item of catalog.items) {
      if (item.link || item.special) {
        this.parsed++;
        yield readItemFile(catalog.absoluteDir, item);
        continue;
      }
      const bytes = readShared(item.absolute);
      if (bytes === undefined) {
        this.parsed++;
        yield readItemFile(catalog.absoluteDir, item);
        continue;
      }
      const key = createHash('sha1').update(this.salt).update('\0').update(item.file).update('\0').update(bytes);
      const digest = key.digest('hex');
      this.keys.set(item.file, digest);
      if (this.known(item.file, digest)) {
        this.skipped.add(item.file);
        yield { file: item.file, findings: [], suppressions: [] };
        continue;
      }
      this.parsed++;
      // Decoded to text at once: nothing keeps the shared bytes.
      yield readDocumentFromBytes(bytes, item.file);
    }
  }
}
