/**
 * One writer per catalog: `tongban code` commands hold `<catalog>/.tongban.lock` while they plan and
 * apply, so two runs cannot issue the same code. A lock left by a process that no longer exists is removed.
 */
import { openSync, closeSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors.js';

const LOCK_FILE = '.tongban.lock';

/** A lock file younger than this whose pid cannot be read yet is being written, not abandoned. */
const FRESH_MS = 10_000;

function holderAlive(file: string): boolean {
  let pid: number;
  let age: number;
  try {
    pid = Number(readFileSync(file, 'utf8').trim());
    age = Date.now() - statSync(file).mtimeMs;
  } catch {
    return true; // gone or being replaced: look again
  }
  // The holder creates the file, then writes its pid: an empty file is a lock being taken.
  if (!Number.isInteger(pid) || pid <= 0) return age < FRESH_MS;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** How long to wait for another run to finish; TONGBAN_LOCK_TIMEOUT_MS overrides (tests, slow disks). */
const TIMEOUT_MS = Number(process.env.TONGBAN_LOCK_TIMEOUT_MS) || 15_000;

export function withCatalogLock<T>(catalogDir: string, work: () => T, timeoutMs = TIMEOUT_MS): T {
  const file = path.join(catalogDir, LOCK_FILE);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!holderAlive(file)) rmSync(file, { force: true });
      else if (Date.now() > deadline) throw new UsageError('usage/locked', { path: file });
      else sleep(50);
    }
  }
  try {
    return work();
  } finally {
    rmSync(file, { force: true });
  }
}
