/**
 * The git questions tongban asks, through the git command line: what changed since a revision, a file's
 * content at one, and a folder as it was at one. A revision comes from the user, so it is checked to be
 * one (never an option such as `--output=…` that git would act on) before it reaches any git command.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { UsageError } from './errors.js';

function run(cwd: string, args: string[]): Buffer {
  try {
    return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  } catch (error) {
    const failure = error as { stderr?: Buffer; status?: number | null; code?: string };
    const detail =
      failure.stderr?.toString().trim() ||
      (failure.code === 'ENOENT' ? 'git is not installed' : `exit status ${failure.status ?? '?'}`);
    throw new UsageError('usage/git', {
      command: `git ${args.join(' ')}`,
      detail,
      reason: gitReason(args, failure, detail),
    });
  }
}

/**
 * Why git failed, as a key the message catalogs word (`git.not-repo`…), for the failures users meet; any
 * other failure is passed on in git's own words.
 */
function gitReason(args: readonly string[], failure: { code?: string }, detail: string): string {
  if (failure.code === 'ENOENT') return 'git.missing';
  if (/not a git repository/i.test(detail)) return 'git.not-repo';
  if (args[0] === 'rev-parse' && args.includes('--verify')) return 'git.revision';
  if (/unknown revision|bad revision|not a valid object name|invalid object name/i.test(detail)) return 'git.revision';
  if (/did not match any files|pathspec/i.test(detail)) return 'git.path';
  return detail;
}

function text(cwd: string, args: string[]): string {
  return run(cwd, args).toString('utf8');
}

/** The top folder of the repository `cwd` is in. */
export function repositoryRoot(cwd: string): string {
  return text(cwd, ['rev-parse', '--show-toplevel']).trim();
}

/** `ref` as a commit git knows; anything that is not (an option, a typo) is a usage error. */
export function checkRevision(cwd: string, ref: string): void {
  if (ref.startsWith('-'))
    throw new UsageError('usage/git', { command: 'git', detail: `"${ref}" is not a revision`, reason: 'git.revision' });
  run(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
}

/** Absolute paths of files that differ from `ref` (committed, staged or not) plus untracked files. */
export function changedSince(cwd: string, ref: string): Set<string> {
  const top = repositoryRoot(cwd);
  checkRevision(cwd, ref);
  const listed = [
    ...text(top, ['diff', '--name-only', '-z', ref, '--']).split('\0'),
    ...text(top, ['ls-files', '--others', '--exclude-standard', '-z']).split('\0'),
  ];
  return new Set(listed.filter(Boolean).map((file) => path.join(top, file)));
}

/** A file's content at `ref` (checked with checkRevision first), or undefined when it did not exist there. */
export function contentAt(cwd: string, ref: string, absolute: string): string | undefined {
  const top = repositoryRoot(cwd);
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

/** A tar archive of `folder` (relative to the repository root) as it was at `ref`. */
export function archiveAt(cwd: string, ref: string, folder: string): Buffer {
  const top = repositoryRoot(cwd);
  checkRevision(cwd, ref);
  return run(top, ['archive', '--format=tar', ref, '--', folder]);
}
