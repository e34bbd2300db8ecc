/**
 * A write-ahead journal for changes that touch several files of a catalog (the ledger, items, renames).
 * Before the first file is touched, every step — and the content each file has before and will have after
 * — is written to `<catalog>/.tongban-journal.json` (atomically, flushed); the steps are then carried out,
 * and the journal removed. A run killed in between leaves the journal behind, and the next code command
 * (under the catalog's lock) finds it and finishes the change: each step is idempotent, and a file is only
 * written when it still holds what the journal says it held before or already holds what it should hold
 * after. If finishing fails (a full disk), what was done is undone. A file changed by hand since the crash
 * is never overwritten: the journal is left alone and the files named (exit 2) for a person to decide.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { UsageError } from './errors.js';
import { faultPoint } from './fault.js';
import { ownerAlive } from './lock.js';
import { readRegularFile } from './read-document.js';
import { TEMP_FILE, writeFileAtomic } from './write-file.js';

export const JOURNAL_FILE = '.tongban-journal.json';

/** Writes `content` to `file`, which held `before` (null: did not exist). Paths relative to the catalog. */
export interface WriteStep {
  kind: 'write';
  file: string;
  before: string | null;
  content: string;
}

/** Renames `from` to `to` (which must not exist). */
export interface RenameStep {
  kind: 'rename';
  from: string;
  to: string;
}

export type JournalStep = WriteStep | RenameStep;

interface JournalFile {
  version: 1;
  /** What the change was, for the message after recovery (e.g. "code assign"). */
  command: string;
  started: string;
  pid: number;
  host: string;
  steps: JournalStep[];
}

export type Recovery = { kind: 'completed' | 'rolled-back'; command: string; started: string } | undefined;

function contentOf(dir: string, file: string): string | null {
  const bytes = readRegularFile(path.join(dir, file));
  return bytes instanceof Uint8Array ? Buffer.from(bytes).toString('utf8') : null;
}

/** Whether a killed run left a change half done in this catalog. */
export function journalPending(catalogDir: string): boolean {
  return existsSync(path.join(catalogDir, JOURNAL_FILE));
}

/** Carries out the steps, journaled: after a crash the next `recover` finishes them. */
export function applyJournaled(catalogDir: string, command: string, steps: readonly JournalStep[]): void {
  const journal: JournalFile = {
    version: 1,
    command,
    started: new Date().toISOString(),
    pid: process.pid,
    host: hostname(),
    steps: [...steps],
  };
  const journalFile = path.join(catalogDir, JOURNAL_FILE);
  writeFileAtomic(journalFile, JSON.stringify(journal));
  for (const step of steps) {
    faultPoint('journal-step');
    forward(catalogDir, step);
  }
  faultPoint('journal-done');
  rmSync(journalFile, { force: true });
}

/** One step, done if not done already. */
function forward(dir: string, step: JournalStep): void {
  if (step.kind === 'write') {
    if (contentOf(dir, step.file) !== step.content) writeFileAtomic(path.join(dir, step.file), step.content);
    return;
  }
  const from = path.join(dir, step.from);
  const to = path.join(dir, step.to);
  if (existsSync(from) && !existsSync(to)) renameSync(from, to);
}

/** Whether a step can still be completed, is complete, or meets a file changed since. */
function stateOf(dir: string, step: JournalStep, later: readonly JournalStep[]): 'pending' | 'done' | 'conflict' {
  if (step.kind === 'write') {
    // A file renamed by a later step may already have moved: look for its content where it went.
    const moved = later.find((s): s is RenameStep => s.kind === 'rename' && s.from === step.file);
    const current = contentOf(dir, step.file) ?? (moved ? contentOf(dir, moved.to) : null);
    if (current === step.content) return 'done';
    return current === step.before ? 'pending' : 'conflict';
  }
  const from = existsSync(path.join(dir, step.from));
  const to = existsSync(path.join(dir, step.to));
  if (!from && to) return 'done';
  if (from && !to) return 'pending';
  return 'conflict';
}

/** Undoes a step, where the file still holds what the step made. */
function backward(dir: string, step: JournalStep): void {
  if (step.kind === 'rename') {
    if (existsSync(path.join(dir, step.to)) && !existsSync(path.join(dir, step.from))) {
      renameSync(path.join(dir, step.to), path.join(dir, step.from));
    }
    return;
  }
  if (contentOf(dir, step.file) !== step.content) return;
  if (step.before === null) rmSync(path.join(dir, step.file), { force: true });
  else writeFileAtomic(path.join(dir, step.file), step.before);
}

/**
 * Finishes (or, where a file was changed since, rolls back) a change a killed run left half done, and
 * removes temporary files of dead runs. Call under the catalog's lock. Returns what was done, if anything.
 */
export function recover(catalogDir: string, shown: string): Recovery {
  removeStrayTemps(catalogDir);
  const journalFile = path.join(catalogDir, JOURNAL_FILE);
  if (!existsSync(journalFile)) return undefined;
  let journal: JournalFile;
  try {
    const bytes = readRegularFile(journalFile);
    if (!(bytes instanceof Uint8Array)) throw new Error(bytes.reason);
    journal = JSON.parse(Buffer.from(bytes).toString('utf8')) as JournalFile;
    if (journal.version !== 1 || !Array.isArray(journal.steps)) throw new Error('not a journal');
  } catch {
    throw new UsageError('usage/journal-unreadable', { path: path.join(shown, JOURNAL_FILE) });
  }
  const states = journal.steps.map((step, index) => stateOf(catalogDir, step, journal.steps.slice(index + 1)));
  const conflicts = journal.steps.filter((_, i) => states[i] === 'conflict');
  if (conflicts.length) {
    // A file was changed since the run was killed: finishing or undoing would overwrite that change.
    throw new UsageError('usage/journal-conflict', {
      path: path.join(shown, JOURNAL_FILE),
      files: conflicts.map((s) => (s.kind === 'write' ? s.file : `${s.from} → ${s.to}`)).join(', '),
    });
  }
  try {
    // Step by step, each judged as it comes: a file an earlier step wrote and a later one renamed is done.
    journal.steps.forEach((step, index) => {
      if (stateOf(catalogDir, step, journal.steps.slice(index + 1)) === 'pending') forward(catalogDir, step);
    });
  } catch (error) {
    // Finishing failed (a full disk, a file made read-only): put back what the change had done.
    for (const step of [...journal.steps].reverse()) backward(catalogDir, step);
    rmSync(journalFile, { force: true });
    if (error instanceof UsageError) return { kind: 'rolled-back', command: journal.command, started: journal.started };
    throw error;
  }
  rmSync(journalFile, { force: true });
  return { kind: 'completed', command: journal.command, started: journal.started };
}

/** Temporary files (`.<name>.tongban-<pid>-<random>.tmp`) of runs that are no longer running. */
export function removeStrayTemps(catalogDir: string): string[] {
  const removed: string[] = [];
  const visit = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const absolute = path.join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('.')) visit(absolute);
      const match = entry.isFile() ? TEMP_FILE.exec(entry.name) : null;
      if (!match) continue;
      const pid = Number(match[2]);
      if (pid !== process.pid && !ownerAlive({ pid, host: hostname(), started: null, token: '' })) {
        rmSync(absolute, { force: true });
        removed.push(absolute);
      }
    }
  };
  visit(catalogDir);
  return removed;
}
