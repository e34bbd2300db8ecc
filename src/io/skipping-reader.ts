/**
 * A reader that parses only what changed: each item file is read and hashed (with a salt naming
 * everything else its use depends on), and a file whose key a previous run recorded is skipped before
 * parsing. A skipped file yields a read with no data and no findings, so readAll/readUsable leave it out
 * without a problem; the caller takes what it needs of it from its own records. Links and special files
 * are judged on every run, never skipped (as the validation cache does).
 */
import { createHash } from 'node:crypto';
import type { ItemFiles, ItemReader } from './item-reader.js';
import { readDocumentFromBytes, readItemFile, readRegularFile, type DocumentRead } from './read-document.js';

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
      const bytes = readRegularFile(item.absolute);
      if (!(bytes instanceof Uint8Array)) {
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
      yield readDocumentFromBytes(bytes, item.file);
    }
  }
}
