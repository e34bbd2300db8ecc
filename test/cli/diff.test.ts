/** `tongban diff` through the CLI, in-process: exit codes, every format, several outputs, languages, bad input. */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { ROOT, tongban, type CliRun } from '../helpers/cli.js';

/** A fresh copy of the sample catalogs (national, guangdong, shenzhen, wuhou). */
function samples(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-diff-'));
  cpSync(path.join(ROOT, 'catalogs'), dir, { recursive: true });
  return dir;
}

/** Replaces `from` by `to` in one file, failing loudly when `from` is not there. */
function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`${String(from)} not found in ${file}`);
  writeFileSync(file, changed);
}

/**
 * A usage error: exit 2, nothing on stdout, one line on stderr (no stack trace); commander may add its
 * "(Did you mean …?)" line for a near miss.
 */
function expectUsage(result: CliRun, fragment: string | RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^[^\n]+\n(\(Did you mean [^\n]+\?\)\n)?$/);
  expect(result.stderr).not.toMatch(/internal error|\bat .+:\d+:\d+/);
  expect(result.stderr).toMatch(fragment);
}

/** Every stderr line is `file:line:col  message  code`. */
const PROBLEM_LINE = /^\S+:\d+:\d+ {2}\S.* {2}[a-z-]+\/[a-z-]+$/;

describe('tongban diff: exit codes', () => {
  it('lists the differences of two lists and exits 0 without --exit-code, even when standard elements differ', async () => {
    const result = await tongban(['diff', 'catalogs/shenzhen', 'catalogs/wuhou']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^catalogs\/shenzhen\s+↔\s+catalogs\/wuhou\n/);
    // The renamed material and the added one of 食品经营许可.
    expect(result.stdout).toContain('食品经营许可  000100001000');
    expect(result.stdout).toContain('营业执照复印件 → 营业执照');
    expect(result.stdout).toContain('+ 经营场所使用证明');
    // Items on one side only.
    expect(result.stdout).toMatch(/社会保障卡申领 {2}002000003000/);
    expect(result.stdout).toMatch(/最低生活保障金给付 {2}000500001000/);
  });

  it('--exit-code exits 1 when standard elements differ', async () => {
    const plain = await tongban(['diff', 'catalogs/shenzhen', 'catalogs/wuhou']);
    const result = await tongban(['diff', 'catalogs/shenzhen', 'catalogs/wuhou', '--exit-code']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    // The flag changes the exit status, not the report.
    expect(result.stdout).toBe(plain.stdout);
  });

  it('--exit-code exits 0 when only elements that may vary differ (basic catalog vs a list: levels)', async () => {
    const result = await tongban(['diff', 'catalogs/national', 'catalogs/shenzhen', '--exit-code', '-f', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.summary.changed).toBeGreaterThan(0);
    expect(report.summary.findings).toBe(0);
  });

  it('--exit-code: a changed promised limit is not a finding, a renamed material is', async () => {
    const dir = samples();
    cpSync(path.join(dir, 'shenzhen'), path.join(dir, 'copy'), { recursive: true });
    const item = path.join(dir, 'copy', 'items', '000100001000.yaml');
    edit(item, /promisedLimit:\n {2}value: 5\n/, 'promisedLimit:\n  value: 4\n');
    const vary = await tongban(['diff', 'shenzhen', 'copy', '--exit-code'], { cwd: dir });
    expect(vary.code).toBe(0);
    expect(vary.stdout).toContain('promised limit: 5 working days → 4 working days');

    edit(item, '- name: 营业执照复印件', '- name: 营业执照副本');
    const standard = await tongban(['diff', 'shenzhen', 'copy', '--exit-code'], { cwd: dir });
    expect(standard.code).toBe(1);
    expect(standard.stdout).toContain('营业执照复印件 → 营业执照副本');
    // Without the flag the same difference exits 0.
    expect((await tongban(['diff', 'shenzhen', 'copy'], { cwd: dir })).code).toBe(0);
  });

  it('--exit-code exits 0 for a catalog compared with itself', async () => {
    const result = await tongban(['diff', 'catalogs/wuhou', 'catalogs/wuhou', '--exit-code', '-f', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.summary).toMatchObject({ pairs: 10, changed: 0, findings: 0, onlyLeft: 0, onlyRight: 0 });
  });

  it('exits 1 and prints file:line:col  message  code on stderr when item files are unreadable', async () => {
    const dir = samples();
    writeFileSync(path.join(dir, 'wuhou', 'items', 'zz-syntax.yaml'), 'code: "x"\nname: [unclosed\n');
    writeFileSync(path.join(dir, 'shenzhen', 'items', 'zz-duplicate.yaml'), 'name: 甲\nname: 乙\n');
    const result = await tongban(['diff', 'shenzhen', 'wuhou'], { cwd: dir });
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(PROBLEM_LINE);
    expect(result.stderr).toMatch(/^shenzhen\/items\/zz-duplicate\.yaml:2:1 {2}.+ {2}yaml\/duplicate-key$/m);
    expect(result.stderr).toMatch(/^wuhou\/items\/zz-syntax\.yaml:\d+:\d+ {2}.+ {2}yaml\/syntax$/m);
    // The readable items are still compared.
    expect(result.stdout).toContain('营业执照复印件 → 营业执照');

    const json = await tongban(['diff', 'shenzhen', 'wuhou', '-f', 'json'], { cwd: dir });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).problems.map((p: { code: string }) => p.code)).toEqual([
      'yaml/duplicate-key',
      'yaml/syntax',
    ]);
  });
});

describe('tongban diff: formats', () => {
  it('json: parses, names the report and its version, counts the differences', async () => {
    const result = await tongban(['diff', 'catalogs/shenzhen', 'catalogs/wuhou', '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.report).toBe('diff');
    expect(report.version).toBe(1);
    expect(report.left).toEqual({ label: 'catalogs/shenzhen', kind: 'implementation' });
    expect(report.summary).toMatchObject({ pairs: 7, changed: 7, findings: 3, onlyLeft: 5, onlyRight: 3 });
    expect(report.onlyRight.map((i: { key: string }) => i.key)).toEqual([
      '000500001000',
      '002000001000',
      '002000002000',
    ]);
    expect(report.problems).toEqual([]);
  });

  it('markdown: a heading per item, standard changes in bold', async () => {
    const result = await tongban(['diff', 'catalogs/shenzhen', 'catalogs/wuhou', '-f', 'markdown']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^### catalogs\/shenzhen ↔ catalogs\/wuhou\n/);
    expect(result.stdout).toContain('#### 食品经营许可 `000100001000`');
    expect(result.stdout).toMatch(/^ {2}- \*\*~ 营业执照复印件 → 营业执照.*\*\*$/m);
  });

  it('csv: UTF-8 with a BOM, CRLF rows, one row per change', async () => {
    const result = await tongban(['diff', 'catalogs/shenzhen', 'catalogs/wuhou', '-f', 'csv']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('\uFEFFbasic code,name,element,')).toBe(true);
    const rows = result.stdout.slice(1).split('\r\n');
    expect(rows).toContain('000100001000,食品经营许可,materials,yes,renamed,营业执照复印件,营业执照');
    expect(rows.some((r) => r.startsWith('000500001000,最低生活保障金给付,'))).toBe(true);
  });

  it('html: a self-contained page', async () => {
    const result = await tongban(['diff', 'catalogs/shenzhen', 'catalogs/wuhou', '-f', 'html']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(result.stdout).toContain('食品经营许可');
    expect(result.stdout).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
    expect(result.stdout.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('colours the terminal report on request, never a file', async () => {
    const dir = samples();
    const coloured = await tongban(['diff', 'shenzhen', 'wuhou', '--color'], { cwd: dir });
    expect(coloured.stdout).toMatch(/\u001b\[/);
    expect((await tongban(['diff', 'shenzhen', 'wuhou'], { cwd: dir })).stdout).not.toMatch(/\u001b\[/);
    const toFile = await tongban(['diff', 'shenzhen', 'wuhou', '--color', '-o', 'diff.txt'], { cwd: dir });
    expect(toFile.stdout).toBe('');
    const text = readFileSync(path.join(dir, 'diff.txt'), 'utf8');
    expect(text).toContain('营业执照复印件 → 营业执照');
    expect(text).not.toMatch(/\u001b\[/);
  });
});

describe('tongban diff: several outputs', () => {
  it('writes each -f/-o pair to its own file, relative to the working folder, with nothing on stdout', async () => {
    const dir = samples();
    const result = await tongban(
      [
        'diff',
        'shenzhen',
        'wuhou',
        '-f',
        'json',
        '-o',
        'out/diff.json',
        '-f',
        'csv',
        '-o',
        'diff.csv',
        '--format',
        'html',
        '--output',
        'diff.html',
        '-f',
        'markdown',
        '-o',
        'diff.md',
        '-f',
        'stylish',
        '-o',
        'diff.txt',
      ],
      { cwd: dir },
    );
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
    expect(JSON.parse(read('out/diff.json'))).toMatchObject({ report: 'diff', summary: { findings: 3 } });
    expect(read('diff.csv').startsWith('\uFEFFbasic code,')).toBe(true);
    expect(read('diff.html').startsWith('<!doctype html>')).toBe(true);
    expect(read('diff.md').startsWith('### shenzhen ↔ wuhou')).toBe(true);
    expect(read('diff.txt')).toMatch(/^shenzhen\s+↔\s+wuhou\n/);
    expect(existsSync(path.join(ROOT, 'diff.csv'))).toBe(false);
  });

  it('keeps one format on stdout beside the files', async () => {
    const dir = samples();
    const result = await tongban(['diff', 'shenzhen', 'wuhou', '-f', 'json', '-o', 'd.json', '-f', 'markdown'], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('### shenzhen ↔ wuhou')).toBe(true);
    expect(JSON.parse(readFileSync(path.join(dir, 'd.json'), 'utf8')).report).toBe('diff');
  });

  it('refuses two formats on stdout, and an --output without a --format of its own', async () => {
    expectUsage(await tongban(['diff', 'catalogs/shenzhen', 'catalogs/wuhou', '-f', 'json', '-f', 'csv']), /--format/);
    const dir = samples();
    expectUsage(
      await tongban(['diff', 'shenzhen', 'wuhou', '-f', 'json', '-o', 'a.json', '-o', 'b.json'], { cwd: dir }),
      /--output/,
    );
    expect(existsSync(path.join(dir, 'a.json'))).toBe(false);
  });
});

describe('tongban diff: language', () => {
  it('--lang zh-CN writes Chinese, and so does LANG=zh_CN.UTF-8', async () => {
    const args = ['diff', 'catalogs/shenzhen', 'catalogs/wuhou'];
    const zh = await tongban([...args, '--lang', 'zh-CN']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('[标准] 申请材料');
    expect(zh.stdout).toContain('[可变] 承诺时限');
    expect(zh.stdout).not.toContain('[standard]');
    const byLocale = await tongban(args, { env: { LANG: 'zh_CN.UTF-8' } });
    expect(byLocale.stdout).toBe(zh.stdout);
    // --lang beats the locale.
    expect((await tongban([...args, '--lang', 'en'], { env: { LANG: 'zh_CN.UTF-8' } })).stdout).toContain(
      '[standard] materials',
    );
  });

  it('zh-CN reaches markdown, csv and html too', async () => {
    const args = ['diff', 'catalogs/shenzhen', 'catalogs/wuhou', '--lang', 'zh-CN'];
    expect((await tongban([...args, '-f', 'markdown'])).stdout).toContain('**[标准] 申请材料**');
    expect((await tongban([...args, '-f', 'csv'])).stdout.startsWith('\uFEFF基本编码,事项名称,要素,')).toBe(true);
    expect((await tongban([...args, '-f', 'html'])).stdout.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(
      true,
    );
  });

  it('zh-CN csv: items on one side only are labelled in Chinese', async () => {
    const result = await tongban(['diff', 'catalogs/shenzhen', 'catalogs/wuhou', '--lang', 'zh-CN', '-f', 'csv']);
    const changes = result.stdout
      .slice(1)
      .split('\r\n')
      .map((row) => row.split(',')[4]);
    expect(changes).toContain('仅在 catalogs/wuhou 中');
    expect(changes.filter((c) => c?.startsWith('only '))).toEqual([]);
  });

  it('usage errors are in Chinese too', async () => {
    const result = await tongban(['diff', 'catalogs/shenzhen', 'no/such/place', '--lang', 'zh-CN']);
    expectUsage(result, /^错误：.*no\/such\/place/);
  });
});

describe('tongban diff: bad arguments', () => {
  it('an unknown option', async () => {
    expectUsage(await tongban(['diff', 'catalogs/shenzhen', 'catalogs/wuhou', '--frobnicate']), /--frobnicate/);
  });

  it('an unknown format, or one of another command', async () => {
    expectUsage(await tongban(['diff', 'catalogs/shenzhen', 'catalogs/wuhou', '-f', 'xml']), /xml/);
    expectUsage(await tongban(['diff', 'catalogs/shenzhen', 'catalogs/wuhou', '-f', 'sarif']), /sarif/);
  });

  it('a path that does not exist', async () => {
    expectUsage(await tongban(['diff', 'catalogs/shenzhen', 'no/such/place']), /no\/such\/place/);
    expectUsage(await tongban(['diff', 'no/such/place', 'catalogs/shenzhen']), /no\/such\/place/);
  });

  it('a folder that is not one catalog', async () => {
    expectUsage(await tongban(['diff', 'catalogs', 'catalogs/wuhou']), /catalogs/);
  });

  it('the wrong number of arguments', async () => {
    expectUsage(await tongban(['diff']), /left/);
    expectUsage(await tongban(['diff', 'catalogs/shenzhen']), /--git/);
    expectUsage(await tongban(['diff', 'catalogs/national', 'catalogs/shenzhen', 'catalogs/wuhou']), /argument/);
  });

  it('an unknown --lang', async () => {
    expectUsage(await tongban(['diff', 'catalogs/shenzhen', 'catalogs/wuhou', '--lang', 'fr']), /fr/);
  });
});

describe('tongban diff --git', () => {
  /** The samples in a git repository, committed, then one material of shenzhen renamed in the work tree. */
  function repository(): string {
    const dir = samples();
    const git = (...args: string[]) =>
      execFileSync(
        'git',
        ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args],
        {
          cwd: dir,
          stdio: 'ignore',
        },
      );
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'samples');
    edit(path.join(dir, 'shenzhen', 'items', '000100001000.yaml'), '- name: 营业执照复印件', '- name: 营业执照正本');
    return dir;
  }

  it('compares a catalog with its committed state; a bad ref is a usage error', async () => {
    const dir = repository();
    const result = await tongban(['diff', 'shenzhen', '--git', 'HEAD', '--exit-code', '-f', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.left.label).toBe('HEAD:shenzhen');
    expect(report.summary).toMatchObject({ pairs: 12, changed: 1, findings: 1 });
    const syntax = await tongban(['diff', 'HEAD:shenzhen', 'shenzhen'], { cwd: dir });
    expect(syntax.stdout).toContain('营业执照复印件 → 营业执照正本');
    expectUsage(await tongban(['diff', 'shenzhen', '--git', 'no-such-ref'], { cwd: dir }), /no-such-ref/);
  });

  it('reports no problem for an implementation list whose basic catalog is committed too', async () => {
    const dir = repository();
    const result = await tongban(['diff', 'shenzhen', '--git', 'HEAD'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
