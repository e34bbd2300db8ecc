/** The built binary as users and CI run it (`npm run build` first; npm test does): a real process's exit code and streams. */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const BIN = path.join(ROOT, 'bin', 'tongban.js');

function binary(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LANG: 'C' },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bin/tongban.js', () => {
  it('prints its version', () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(binary(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('validates the samples with exit 0, and exits 2 with one line for a missing path', () => {
    expect(binary(['validate', 'catalogs'])).toMatchObject({ code: 0, stderr: '' });
    expect(binary(['validate', 'no/such/place'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: path does not exist: no/such/place\n',
    });
  });

  it('exits 1 on findings', () => {
    expect(binary(['code', 'explain', '0001000O1000']).code).toBe(1);
  });

  it('a full disk on stdout (/dev/full) is one line on stderr and exit 2, not a stack trace', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [BIN, 'validate', 'catalogs', '-f', 'json'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', LANG: 'C' },
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe('error: cannot write to standard output (ENOSPC)\n');
    } finally {
      closeSync(full);
    }
  });
});
