/**
 * The progress bar appears only for a person at a terminal (stderr a TTY, not CI), only for long runs, and is
 * cleared; every long command draws the same one.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { shouldShowProgress, terminalProgress } from '../../src/cli/progress.js';
import { ROOT, tongban } from '../helpers/cli.js';

function fakeTerminal(isTTY: boolean): { stream: NodeJS.WriteStream; written: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY, columns: 80, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { stream, written: () => text };
}

describe('progress', () => {
  it('shows on a terminal outside CI only', () => {
    expect(shouldShowProgress({ stderr: fakeTerminal(true).stream, env: {} })).toBe(true);
    expect(shouldShowProgress({ stderr: fakeTerminal(true).stream, env: { CI: 'true' } })).toBe(false);
    expect(shouldShowProgress({ stderr: fakeTerminal(false).stream, env: {} })).toBe(false);
  });

  it('draws a bar for a long run and nothing for a short one', () => {
    {
      const long = fakeTerminal(true);
      const bar = terminalProgress('validating', { stderr: long.stream, env: {} });
      for (let done = 1; done <= 2000; done += 500) bar.update(done, 2000);
      bar.stop();
      expect(long.written()).toContain('validating');
      expect(long.written()).toMatch(/\d+\/2000/);

      const short = fakeTerminal(true);
      const quiet = terminalProgress('validating', { stderr: short.stream, env: {} });
      quiet.update(10, 20);
      quiet.stop();
      expect(short.written()).toBe('');
    }
  });
});

describe('every long command draws the same bar, on a terminal only', () => {
  // The samples are small: TONGBAN_PROGRESS=always shows the bar for short runs too.
  const ALWAYS = { TONGBAN_PROGRESS: 'always' };
  const COMMANDS: { label: string; args: string[] }[] = [
    { label: 'validating', args: ['validate', '.'] },
    { label: 'validating', args: ['validate', '--shard', '1/2', '-o', 'partial.json'] },
    { label: 'building guides', args: ['guide', '.', '--out', 'site'] },
    { label: 'exporting', args: ['export', 'wuhou', '-f', 'csv', '-o', 'wuhou-out.csv'] },
    { label: 'exporting', args: ['export', '.', '-f', 'json', '-o', 'all.json'] },
    { label: 'importing', args: ['import', 'wuhou.csv', '--map', 'tongban', '--out', 'again'] },
    { label: 'diffing', args: ['diff', 'shenzhen', 'wuhou'] },
    { label: 'comparing', args: ['compare', 'national', 'guangdong', 'shenzhen', 'wuhou'] },
    { label: 'comparing', args: ['compare', 'national', 'guangdong', 'shenzhen', 'wuhou', '--engine', 'duckdb'] },
    { label: 'measuring', args: ['stats', '.'] },
    { label: 'assigning codes', args: ['code', 'assign', '.', '--dry-run'] },
  ];

  function project(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'tongban-progress-'));
    cpSync(path.join(ROOT, 'catalogs'), dir, { recursive: true });
    return dir;
  }

  it('on a terminal: label, done/total, items/s and ETA on stderr; the same exit code as without it', async () => {
    const dir = project();
    expect((await tongban(['export', 'wuhou', '-f', 'csv', '-o', 'wuhou.csv'], { cwd: dir })).code).toBe(0);
    mkdirSync(path.join(dir, 'again'));
    copyFileSync(path.join(dir, 'wuhou', 'catalog.yaml'), path.join(dir, 'again', 'catalog.yaml'));
    for (const { label, args } of COMMANDS) {
      const plain = await tongban(args, { cwd: dir, env: ALWAYS });
      expect(plain.stderr, args.join(' ')).not.toContain('items/s');
      const watched = await tongban(args, { cwd: dir, env: ALWAYS, tty: true });
      expect(watched.stderr, args.join(' ')).toContain(label);
      expect(watched.stderr, args.join(' ')).toMatch(/\d+\/\d+ {2}(\d+|…) items\/s {2}ETA/);
      expect(watched.code, args.join(' ')).toBe(plain.code);
      // In CI, or switched off, a terminal gets no bar either.
      const ci = await tongban(args, { cwd: dir, env: { ...ALWAYS, CI: 'true' }, tty: true });
      expect(ci.stderr, args.join(' ')).not.toContain('items/s');
      const off = await tongban(args, { cwd: dir, env: { TONGBAN_PROGRESS: 'off' }, tty: true });
      expect(off.stderr, args.join(' ')).not.toContain('items/s');
    }
  });

  it('speaks the language asked for', async () => {
    const dir = project();
    const run = await tongban(['validate', '.', '--lang', 'zh-CN'], { cwd: dir, env: ALWAYS, tty: true });
    expect(run.stderr).toContain('校验中');
    expect(run.stderr).toContain('项/秒');
  });

  it('short runs get no bar unless asked for', async () => {
    const dir = project();
    const run = await tongban(['validate', '.'], { cwd: dir, tty: true });
    expect(run.stderr).not.toContain('items/s');
  });
});
