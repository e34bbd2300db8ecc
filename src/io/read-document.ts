/** One file → its data, its reader findings and its suppression comments. */
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { findingIn, type Finding } from '../core/diagnostic.js';
import type { ItemRead } from '../core/model.js';
import { parseSuppressions, type Suppression } from '../core/suppressions.js';
import { decodeItemFile } from './decode.js';
import { parseItemYaml } from './parse-yaml.js';

/** A file as read: its data (when it holds a YAML mapping), the reader's findings, its suppression comments. */
export interface DocumentRead extends ItemRead {
  suppressions: Suppression[];
  /** The length of its text when that had the plain shape: its findings can be placed by its lines. */
  plainLength?: number;
}

/**
 * A file's bytes, only when it is a regular file: a pipe or device named like a YAML file is refused
 * without waiting on it (opened non-blocking, judged by the open descriptor: no race with a swap).
 */
export function readRegularFile(absolute: string): Uint8Array | { reason: string } {
  let fd: number;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { reason: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { reason: 'not a regular file' };
    return readOpen(fd, stat.size);
  } catch (error) {
    return { reason: (error as NodeJS.ErrnoException).code ?? String(error) };
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes of an open file whose size is known: readFileSync(fd) would ask for the size again (a second
 * fstat for each of 100k item files). A file that reports no size (as /proc's do) is read to its end.
 */
function readOpen(fd: number, size: number): Uint8Array {
  if (size === 0) return readFileSync(fd);
  const bytes = Buffer.allocUnsafeSlow(size);
  let done = 0;
  while (done < size) {
    const read = readSync(fd, bytes, done, size - done, null);
    if (read === 0) break; // shorter than it was a moment ago
    done += read;
  }
  return done === size ? bytes : bytes.subarray(0, done);
}

function readBytes(absolute: string, file: string): Uint8Array | Finding {
  const bytes = readRegularFile(absolute);
  return bytes instanceof Uint8Array
    ? bytes
    : findingIn(file, { code: 'file/unreadable', path: '', args: { reason: bytes.reason } });
}

export function readTextFile(absolute: string, file: string): { text: string } | { finding: Finding } {
  const bytes = readBytes(absolute, file);
  return bytes instanceof Uint8Array ? decodeItemFile(bytes, file) : { finding: bytes };
}

export function readDocumentFile(absolute: string, file: string): DocumentRead {
  const bytes = readBytes(absolute, file);
  return bytes instanceof Uint8Array
    ? readDocumentFromBytes(bytes, file)
    : { file, findings: [bytes], suppressions: [] };
}

/** The document in `bytes`; undefined bytes mean the file could not be read. */
export function readDocumentFromBytes(bytes: Uint8Array | undefined, file: string): DocumentRead {
  if (bytes === undefined)
    return {
      file,
      findings: [{ code: 'file/unreadable', severity: 'error', file, path: '', args: { reason: 'read failed' } }],
      suppressions: [],
    };
  const decoded = decodeItemFile(bytes, file);
  if ('finding' in decoded) return { file, findings: [decoded.finding], suppressions: [] };
  const parsed = parseItemYaml(decoded.text, file);
  const read: DocumentRead = { file, findings: parsed.findings, suppressions: parseSuppressions(decoded.text) };
  if (parsed.data !== undefined) read.data = parsed.data;
  if (parsed.plain) read.plainLength = decoded.text.length;
  return read;
}

/**
 * An item file of a catalog. A symbolic link is read only when it leads to a file inside the catalog: a
 * link out of it (to another project, to /etc) is a finding, not a silent read of whatever it names.
 */
export function readItemFile(
  catalogDir: string,
  item: { absolute: string; file: string; link?: boolean; special?: boolean },
): DocumentRead {
  if (item.special) {
    const finding = findingIn(item.file, { code: 'file/unreadable', path: '', args: { reason: 'not a regular file' } });
    return { file: item.file, findings: [finding], suppressions: [] };
  }
  if (item.link) {
    let target: string;
    let root: string;
    try {
      target = realpathSync(item.absolute);
      root = realpathSync(catalogDir);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      return {
        file: item.file,
        findings: [findingIn(item.file, { code: 'file/unreadable', path: '', args: { reason } })],
        suppressions: [],
      };
    }
    if (target.startsWith(root + path.sep) && !statSync(target).isFile()) {
      const finding = findingIn(item.file, {
        code: 'file/unreadable',
        path: '',
        args: { reason: 'not a regular file' },
      });
      return { file: item.file, findings: [finding], suppressions: [] };
    }
    if (!target.startsWith(root + path.sep)) {
      return {
        file: item.file,
        findings: [findingIn(item.file, { code: 'file/link-outside', path: '', args: { target } })],
        suppressions: [],
      };
    }
  }
  return readDocumentFile(item.absolute, item.file);
}
