/**
 * The one way tongban writes a file. Readers see the old content or the new, never half of it: the text
 * goes to a temporary file in the target's own folder, is flushed to disk, and is renamed over the target
 * (the folder is flushed too, so the rename survives a power cut; outputs that are simply made again skip
 * the flushing). It never writes through a symbolic
 * link and never replaces what is not a regular file: a character device such as /dev/null or
 * /dev/stdout is simply written to; a folder, a FIFO, a socket or a link is refused with a usage error. A
 * replaced file keeps its permissions. The temporary file is removed on every way out (io/cleanup.ts).
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
  type Stats,
} from 'node:fs';
import path from 'node:path';
import { release, track } from './cleanup.js';
import { UsageError } from './errors.js';
import { faultPoint } from './fault.js';

/** Temporary files are named after their target and owner, so a crashed run's leftovers can be recognised. */
export const TEMP_FILE = /^\.(.+)\.tongban-(\d+)-[0-9a-f]+\.tmp$/;

export function existing(file: string, shown: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw failure(shown, error);
  }
}

export function fsyncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems cannot sync a folder; the rename itself is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function failure(file: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof UsageError || code === undefined) throw error;
  return new UsageError('usage/cannot-write', { path: file, reason: code });
}

export interface WriteOptions {
  /** How errors name the file: the path as the user gave it (default: `file`). */
  shown?: string;
  /**
   * Flush to disk before and after the rename (default). Outputs that can simply be made again (guide
   * pages, the validation cache) skip it: still atomic, ~20× faster, at worst remade after a power cut.
   */
  durable?: boolean;
}

/** Writes `content` to `file`, replacing it atomically. */
export function writeFileAtomic(file: string, content: string, options: WriteOptions | string = {}): void {
  const { shown = file, durable = true } = typeof options === 'string' ? { shown: options } : options;
  const target = path.resolve(file);
  const stats = existing(target, shown);
  if (stats?.isSymbolicLink()) throw new UsageError('usage/write-link', { path: shown });
  if (stats?.isCharacterDevice()) {
    // /dev/null, /dev/stdout, a terminal: write to it; there is nothing to replace.
    try {
      writeFileSync(target, content);
      return;
    } catch (error) {
      throw failure(shown, error);
    }
  }
  if (stats && !stats.isFile()) throw new UsageError('usage/write-special', { path: shown });

  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.tongban-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    mkdirSync(dir, { recursive: true });
    // 'wx': the temporary name must be new; a file or link already there is never followed.
    fd = openSync(temp, 'wx', stats ? stats.mode & 0o7777 : 0o666);
    track(temp);
    writeSync(fd, content);
    if (durable) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    faultPoint('before-rename');
    renameSync(temp, target);
    release(temp);
    if (durable) fsyncFolder(dir);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    release(temp);
    throw failure(shown, error);
  }
}
