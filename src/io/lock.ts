/**
 * One writer per catalog. The code commands hold `<catalog>/.tongban.lock` while they plan and apply, so
 * two runs cannot issue the same code. The lock file is created exclusively (O_EXCL) and names its owner:
 * process id, host and the process's start time, and a random token. It is stale only when its owner is
 * provably gone — the same host, and no such process, or a process of that id started at another time
 * (the id was reused). A lock of another host is never taken over; the run waits, then names the holder.
 *
 * Taking over a stale lock is itself guarded: only the holder of `<lock>.takeover` (created exclusively,
 * held for a moment) may remove a stale lock, and only after reading it again and finding the same stale
 * owner — so when several runs find the same stale lock, exactly one removes it and one takes the lock.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { UsageError } from './errors.js';

const LOCK_FILE = '.tongban.lock';

export interface LockOwner {
  pid: number;
  host: string;
  /** The owner's start time as the kernel counts it (/proc/<pid>/stat), when the system says. */
  started: number | null;
  token: string;
}

/** A lock file younger than this that names no owner yet is being written, not abandoned. */
const FRESH_MS = 10_000;

/** How long to wait for another run to finish; TONGBAN_LOCK_TIMEOUT_MS overrides (tests, slow disks). */
const TIMEOUT_MS = Number(process.env.TONGBAN_LOCK_TIMEOUT_MS) || 15_000;

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot (Linux only). */
export function processStart(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces; count fields after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const started = Number(fields[19]);
    return Number.isFinite(started) ? started : null;
  } catch {
    return null;
  }
}

function ownerNow(): LockOwner {
  return {
    pid: process.pid,
    host: hostname(),
    started: processStart(process.pid),
    token: randomBytes(8).toString('hex'),
  };
}

type Read = { owner: LockOwner } | { unnamed: number } | 'gone';

/** The owner a lock file names; `unnamed` (with its age) when it does not (yet) name one. */
function readLock(file: string): Read {
  let text: string;
  let age: number;
  try {
    text = readFileSync(file, 'utf8');
    age = Date.now() - statSync(file).mtimeMs;
  } catch {
    return 'gone';
  }
  // A lock of tongban 0.1 holds a bare pid (of this host: it knew no other).
  const pid = Number(text.trim());
  if (/^\d+$/.test(text.trim()) && pid > 0) return { owner: { pid, host: hostname(), started: null, token: text } };
  try {
    const owner = JSON.parse(text) as Partial<LockOwner> | null;
    if (typeof owner?.pid === 'number' && typeof owner.host === 'string' && typeof owner.token === 'string') {
      return { owner: { pid: owner.pid, host: owner.host, started: owner.started ?? null, token: owner.token } };
    }
  } catch {
    // Not JSON yet: the owner is still writing it; judged below by its age.
  }
  return { unnamed: age };
}

/** Whether the owner may still be running; false only when that is certain. */
export function ownerAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A live process with that id: the owner only if it started when the owner did.
  const started = processStart(owner.pid);
  return owner.started === null || started === null || started === owner.started;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Creates `file` exclusively with `owner` in it; false when it already exists. */
function create(file: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(owner));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Removes the lock file only while it still holds `token` (never another run's lock). */
function removeIfOwned(file: string, token: string): void {
  const read = readLock(file);
  if (read !== 'gone' && 'owner' in read && read.owner.token === token) rmSync(file, { force: true });
}

function isStale(read: Read): boolean {
  if (read === 'gone') return false;
  if ('unnamed' in read) return read.unnamed > FRESH_MS;
  return !ownerAlive(read.owner);
}

/** Removes the stale lock `judged`, under the takeover guard; returns whether anything changed. */
function takeOver(file: string, judged: Read, me: LockOwner): void {
  const guard = `${file}.takeover`;
  if (!create(guard, me)) {
    // Someone else is taking over; a guard left by a dead run is removed like any stale lock would be.
    const held = readLock(guard);
    if (isStale(held) && held !== 'gone' && 'owner' in held) removeIfOwned(guard, held.owner.token);
    return;
  }
  try {
    const again = readLock(file);
    const same =
      again !== 'gone' &&
      judged !== 'gone' &&
      (('owner' in again && 'owner' in judged && again.owner.token === judged.owner.token) ||
        ('unnamed' in again && 'unnamed' in judged));
    if (same && isStale(again)) rmSync(file, { force: true });
  } finally {
    removeIfOwned(guard, me.token);
  }
}

export function withCatalogLock<T>(catalogDir: string, work: () => T, timeoutMs = TIMEOUT_MS): T {
  const file = path.join(catalogDir, LOCK_FILE);
  const me = ownerNow();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (create(file, me)) break;
    const read = readLock(file);
    if (isStale(read)) {
      takeOver(file, read, me);
      continue;
    }
    if (Date.now() > deadline) {
      const holder = read !== 'gone' && 'owner' in read ? `${read.owner.pid}@${read.owner.host}` : '?';
      throw new UsageError('usage/locked', { path: file, holder });
    }
    sleep(25 + Math.floor(Math.random() * 50));
  }
  try {
    return work();
  } finally {
    removeIfOwned(file, me.token);
  }
}
