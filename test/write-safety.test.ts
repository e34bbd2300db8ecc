/**
 * Nothing a user has is lost or half-written, and nothing outside what was asked is touched: the one
 * writer (links, devices, pipes, folders), item files that are links or pipes, temporary files on
 * signals, interrupted changes (journal, repair of tongban 0.1 leftovers), and git references that are
 * really options.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/io/write-file.js';
import { ROOT, tongban } from './helpers/cli.js';

function samples(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-safety-'));
  cpSync(path.join(ROOT, 'catalogs'), dir, { recursive: true });
  return dir;
}

describe('the writer', () => {
  it('refuses to replace a FIFO, a folder or a link, and says so in one line', async () => {
    const dir = samples();
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    mkdirSync(path.join(dir, 'folder'));
    writeFileSync(path.join(dir, 'target.json'), 'keep');
    symlinkSync(path.join(dir, 'target.json'), path.join(dir, 'link.json'));
    for (const [output, message] of [
      ['pipe', 'error: pipe is not a regular file (a folder, a pipe or a socket); name a file to write\n'],
      ['folder', 'error: folder is not a regular file (a folder, a pipe or a socket); name a file to write\n'],
      [
        'link.json',
        'error: link.json is a symbolic link; tongban does not write through links (name the file it points to)\n',
      ],
    ] as const) {
      expect(await tongban(['validate', '.', '-f', 'json', '-o', output], { cwd: dir })).toEqual({
        code: 2,
        stdout: '',
        stderr: message,
      });
    }
    expect(lstatSync(path.join(dir, 'pipe')).isFIFO()).toBe(true);
    expect(lstatSync(path.join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'target.json'), 'utf8')).toBe('keep');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes to a character device (/dev/null) without replacing it', async () => {
    const result = await tongban(['validate', 'catalogs', '-f', 'json', '-o', '/dev/null']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('keeps a replaced file’s permissions, and leaves no temporary file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tongban-mode-'));
    const file = path.join(dir, 'report.txt');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['report.txt']);
  });

  it.skipIf(process.getuid?.() === 0)(
    'a folder that cannot be written is a usage error, not an internal error',
    async () => {
      const dir = samples();
      mkdirSync(path.join(dir, 'locked'));
      chmodSync(path.join(dir, 'locked'), 0o500);
      const result = await tongban(['validate', '.', '-f', 'json', '-o', 'locked/report.json'], { cwd: dir });
      expect(result).toMatchObject({ code: 2, stderr: 'error: cannot write locked/report.json (EACCES)\n' });
    },
  );

  it('removes its temporary files when the process is ended by a signal', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tongban-signal-'));
    const temp = path.join(dir, '.x.tongban-1-ab.tmp');
    const script = `
      import { writeFileSync } from 'node:fs';
      import { track } from '${pathToFileURL(path.join(ROOT, 'dist', 'io', 'cleanup.js')).href}';
      writeFileSync(${JSON.stringify(temp)}, 'half');
      track(${JSON.stringify(temp)});
      console.log('ready');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script]);
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    expect(existsSync(temp)).toBe(true);
    child.kill('SIGTERM');
    const signal = await new Promise((resolve) => child.on('close', (_code, s) => resolve(s)));
    expect(signal).toBe('SIGTERM');
    expect(existsSync(temp)).toBe(false);
  });
});

describe('item files that are not plain files', () => {
  it('a link out of the catalog is reported and not read; a pipe is reported and never blocks', async () => {
    const dir = samples();
    writeFileSync(path.join(dir, 'secret.yaml'), 'name: 不该被读取的内容\n');
    symlinkSync(path.join(dir, 'secret.yaml'), path.join(dir, 'wuhou', 'items', 'link.yaml'));
    execFileSync('mkfifo', [path.join(dir, 'wuhou', 'items', 'pipe.yaml')]);
    const validate = await tongban(['validate', 'wuhou', '-f', 'json'], { cwd: dir });
    const codes = (JSON.parse(validate.stdout) as { diagnostics: { code: string; file: string }[] }).diagnostics.map(
      (d) => `${d.file} ${d.code}`,
    );
    expect(codes).toEqual(['wuhou/items/link.yaml file/link-outside', 'wuhou/items/pipe.yaml file/unreadable']);
    const exported = await tongban(['export', 'wuhou', '-f', 'json'], { cwd: dir });
    expect(exported.code).toBe(1);
    expect(exported.stdout).not.toContain('不该被读取的内容');
    expect(exported.stderr).toContain('file/link-outside');
  });

  it('a link to an item inside the catalog is read like the item', async () => {
    const dir = samples();
    mkdirSync(path.join(dir, 'wuhou', 'items', 'more'));
    symlinkSync('../000100001000.yaml', path.join(dir, 'wuhou', 'items', 'more', 'alias.yaml'));
    const result = await tongban(['validate', 'wuhou', '-f', 'json'], { cwd: dir });
    // The same item twice: its code is a duplicate, which shows it was read.
    expect(result.stdout).toContain('code/duplicate');
    expect(result.stdout).not.toContain('file/link-outside');
  });
});

describe('interrupted changes', () => {
  it('code repair mends what a killed tongban 0.1 left: a code never written, a retirement never marked', async () => {
    const dir = samples();
    // 0.1 wrote the ledger first: a crash left the ledger recording a code its item never got …
    const file = path.join(dir, 'national', 'items', '000100004000.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^code: .*\n/m, ''));
    // … or a code retired in the ledger whose item is still live.
    const ledgerFile = path.join(dir, 'national', 'ledger.yaml');
    writeFileSync(
      ledgerFile,
      readFileSync(ledgerFile, 'utf8').replace(
        /(- code: "000100005000"\n\s+state: )"active"/,
        '$1"retired"\n    retired: "2026-01-02"\n    reason: "取消"',
      ),
    );
    // And a temporary file of a run that no longer exists.
    writeFileSync(path.join(dir, 'national', 'items', '.000100001000.yaml.tongban-999999-ab12.tmp'), 'half');
    const before = await tongban(['code', 'check', 'national'], { cwd: dir });
    expect(before.code).toBe(1);
    const repair = await tongban(['code', 'repair', 'national'], { cwd: dir });
    expect(repair.stderr).toBe('');
    expect(repair.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^code: "000100004000"$/m);
    expect(readFileSync(path.join(dir, 'national', 'items', '000100005000.yaml'), 'utf8')).toMatch(
      /status: "取消"\ncancelDate: "2026-01-02"\n$/,
    );
    expect(readdirSync(path.join(dir, 'national', 'items')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await tongban(['code', 'check', 'national'], { cwd: dir })).toMatchObject({ code: 0 });
  });

  it('a journal whose files were changed by hand since is not finished over them; the files are named', async () => {
    const dir = samples();
    const journal = {
      version: 1,
      command: 'code assign',
      started: '2026-12-01T00:00:00Z',
      pid: 1,
      host: 'elsewhere',
      steps: [
        { kind: 'write', file: 'items/000100001000.yaml', before: 'what it was\n', content: 'what it would be\n' },
      ],
    };
    writeFileSync(path.join(dir, 'national', '.tongban-journal.json'), JSON.stringify(journal));
    const item = readFileSync(path.join(dir, 'national', 'items', '000100001000.yaml'), 'utf8');
    const result = await tongban(['code', 'assign', 'national'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^error: a code command was interrupted \(national\/\.tongban-journal\.json\), and these files were changed since: items\/000100001000\.yaml;/,
    );
    expect(readFileSync(path.join(dir, 'national', 'items', '000100001000.yaml'), 'utf8')).toBe(item);
    // validate says the catalog is between two states.
    const validate = await tongban(['validate', 'national', '-f', 'json'], { cwd: dir });
    expect(validate.stdout).toContain('ledger/interrupted');
    expect(await tongban(['code', 'assign', 'national', '--dry-run'], { cwd: dir })).toMatchObject({ code: 2 });
  });
});

describe('git references', () => {
  it('a reference that is an option never reaches git as one', async () => {
    const dir = samples();
    const git = (...args: string[]) =>
      spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: dir });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'one');
    for (const args of [
      ['diff', 'wuhou', '--git=--output=F'],
      ['diff', 'wuhou', '--git', '-oF'],
      ['diff', '--output=F:wuhou', 'wuhou'],
      ['validate', '.', '--changed=--output=F'],
    ]) {
      const result = await tongban(args, { cwd: dir });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).not.toMatch(/internal error/);
    }
    expect(existsSync(path.join(dir, 'F'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('F') || f.startsWith('-'))).toEqual([]);
  });
});
