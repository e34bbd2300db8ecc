/** The few git questions `--changed` asks, through the git command line. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { UsageError } from './errors.js';

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new UsageError('usage/git', { command: `git ${args.join(' ')}`, detail: stderr || (error as Error).message });
  }
}

/** Absolute paths of files that differ from `ref` (committed, staged or not) plus untracked files. */
export function changedSince(cwd: string, ref: string): Set<string> {
  const top = git(cwd, ['rev-parse', '--show-toplevel']).trim();
  git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  const listed = [
    ...git(top, ['diff', '--name-only', '-z', ref, '--']).split('\0'),
    ...git(top, ['ls-files', '--others', '--exclude-standard', '-z']).split('\0'),
  ];
  return new Set(listed.filter(Boolean).map((file) => path.join(top, file)));
}

/** A file's content at `ref`, or undefined when it did not exist there. */
export function contentAt(cwd: string, ref: string, absolute: string): string | undefined {
  const top = git(cwd, ['rev-parse', '--show-toplevel']).trim();
  const relative = path.relative(top, absolute).split(path.sep).join('/');
  try {
    return execFileSync('git', ['show', `${ref}:${relative}`], {
      cwd: top,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return undefined;
  }
}
