/**
 * The CLI run in-process, as users call it: `run(argv, io)` with a folder, an environment and two streams
 * that record what is written. Far faster than spawning the binary, and counted by coverage.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/run.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  /** Added to a minimal environment (LANG=C, so messages are English unless asked). */
  env?: Record<string, string>;
  /** Pretend stdout and stderr are a terminal. */
  tty?: boolean;
  /** The pretended terminal's width. */
  columns?: number;
}

export async function tongban(args: string[], options: CliOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    cwd: options.cwd ?? ROOT,
    env: { LANG: 'C', ...options.env },
    stdout: { write: (text: string) => (stdout += text), isTTY: options.tty === true, columns: options.columns },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.tty === true, columns: options.columns },
  });
  return { code, stdout, stderr };
}
