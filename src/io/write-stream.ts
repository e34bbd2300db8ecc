/**
 * Writing a file piece by piece, as atomically as writeFileAtomic (io/write-file.ts): the pieces go to a
 * temporary file in the target's own folder (buffered, so a row is not a system call), which is flushed
 * and renamed over the target on `commit()`. Until then readers see the old file; `abort()` (or any way
 * out of the process: io/cleanup.ts) removes the temporary file. A character device (/dev/stdout) is
 * written to directly; a link, folder, FIFO or socket is refused as writeFileAtomic refuses it.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { release, track } from './cleanup.js';
import { UsageError } from './errors.js';
import { faultPoint } from './fault.js';
import { existing, failure, fsyncFolder, type WriteOptions } from './write-file.js';

export interface StreamWriter {
  write(text: string): void;
  /** Flushes, then replaces the target with what was written. */
  commit(): void;
  /** Drops what was written; the target stays as it was. */
  abort(): void;
}

/** Pieces are gathered up to this many characters before one write. */
const BUFFER = 1 << 20;

/** A temporary name next to `target`, recognised by TEMP_FILE (io/write-file.ts). */
export function tempNameFor(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.tongban-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
}

export function openStreamWriter(file: string, options: WriteOptions = {}): StreamWriter {
  const { shown = file, durable = true } = options;
  const target = path.resolve(file);
  const stats = existing(target, shown);
  if (stats?.isSymbolicLink()) throw new UsageError('usage/write-link', { path: shown });
  if (stats && !stats.isFile() && !stats.isCharacterDevice())
    throw new UsageError('usage/write-special', { path: shown });
  const device = stats?.isCharacterDevice() === true;
  const temp = device ? target : tempNameFor(target);
  let fd: number | undefined;
  try {
    if (!device) mkdirSync(path.dirname(target), { recursive: true });
    // 'wx': the temporary name must be new; a file or link already there is never followed.
    fd = device ? openSync(target, 'w') : openSync(temp, 'wx', stats ? stats.mode & 0o7777 : 0o666);
    if (!device) track(temp);
  } catch (error) {
    throw failure(shown, error);
  }
  let pending: string[] = [];
  let size = 0;
  let open = true;
  const flush = () => {
    if (size === 0 || fd === undefined) return;
    writeSync(fd, pending.join(''));
    pending = [];
    size = 0;
  };
  const abort = () => {
    if (!open) return;
    open = false;
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    if (!device) {
      rmSync(temp, { force: true });
      release(temp);
    }
  };
  return {
    write(text) {
      pending.push(text);
      size += text.length;
      if (size >= BUFFER)
        try {
          flush();
        } catch (error) {
          abort();
          throw failure(shown, error);
        }
    },
    commit() {
      try {
        flush();
        if (durable && !device && fd !== undefined) fsyncSync(fd);
        if (fd !== undefined) closeSync(fd);
        fd = undefined;
        open = false;
        if (device) return;
        faultPoint('before-rename');
        renameSync(temp, target);
        release(temp);
        if (durable) fsyncFolder(path.dirname(target));
      } catch (error) {
        open = true;
        abort();
        throw failure(shown, error);
      }
    },
    abort,
  };
}
