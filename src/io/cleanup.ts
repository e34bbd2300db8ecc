/**
 * Temporary files and folders tongban creates, removed on every way out: normal exit, an exception, and
 * SIGINT/SIGTERM/SIGHUP (after which the process ends the way the signal asked). Only kill -9 escapes
 * this; the code commands then remove stray temp files of dead processes on their next run
 * (app/shared/code-catalog.ts, `tongban code repair`).
 */
import { rmSync } from 'node:fs';

const pending = new Set<string>();
let installed = false;

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function removeAll(): void {
  for (const file of pending) rmSync(file, { recursive: true, force: true });
  pending.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeAll();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // End as the signal would have without our handler (exit status 128 + signal number).
  process.kill(process.pid, signal);
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', removeAll);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

/** Remembers `file` (or folder) as temporary until `release`; it is removed if the process ends first. */
export function track(file: string): void {
  install();
  pending.add(file);
}

/** `file` is no longer temporary (renamed into place, or removed by its owner). */
export function release(file: string): void {
  pending.delete(file);
}
