/** `tongban compare` through the CLI, in-process: exit codes, every format, several outputs, languages, bad input. */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { ROOT, tongban, type CliRun } from '../helpers/cli.js';

/** A fresh copy of the sample catalogs (national, guangdong, shenzhen, wuhou). */
function samples(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-compare-'));
  cpSync(path.join(ROOT, 'catalogs'), dir, { recursive: true });
  return dir;
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

const LISTS = ['catalogs/guangdong', 'catalogs/shenzhen', 'catalogs/wuhou'];

describe('tongban compare: exit codes', () => {
  it('exits 0 with the matrix summary even though regions disagree', async () => {
    const result = await tongban(['compare', ...LISTS]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^3 regions, 16 items/);
    // 建筑工程施工许可证核发: guangdong lacks 施工合同, which the other two have.
    expect(result.stdout).toMatch(/建筑工程施工许可证核发 {2}000100005000/);
    expect(result.stdout).toMatch(/^ {2}广东省 {2}materials: .*\(majority: .*施工合同/m);
  });

  it('takes a basic catalog as the reference, not as a region', async () => {
    const result = await tongban(['compare', 'catalogs/national', ...LISTS, '-f', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).regions).toEqual(LISTS);
  });

  it('exits 1 and prints file:line:col  message  code on stderr when item files are unreadable', async () => {
    const dir = samples();
    writeFileSync(path.join(dir, 'wuhou', 'items', 'zz-syntax.yaml'), 'code: "x"\nname: [unclosed\n');
    writeFileSync(path.join(dir, 'shenzhen', 'items', 'zz-duplicate.yaml'), 'name: 甲\nname: 乙\n');
    const result = await tongban(['compare', 'guangdong', 'shenzhen', 'wuhou'], { cwd: dir });
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(PROBLEM_LINE);
    expect(result.stderr).toMatch(/^shenzhen\/items\/zz-duplicate\.yaml:2:1 {2}.+ {2}yaml\/duplicate-key$/m);
    expect(result.stderr).toMatch(/^wuhou\/items\/zz-syntax\.yaml:\d+:\d+ {2}.+ {2}yaml\/syntax$/m);
    // The readable items are still compared.
    expect(result.stdout).toMatch(/^3 regions, 16 items/);

    const json = await tongban(['compare', 'guangdong', 'shenzhen', 'wuhou', '-f', 'json'], { cwd: dir });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).problems.map((p: { code: string }) => p.code)).toEqual([
      'yaml/duplicate-key',
      'yaml/syntax',
    ]);
  });
});

describe('tongban compare: formats', () => {
  it('json: parses, names the report and its version, scores regions and items', async () => {
    const result = await tongban(['compare', ...LISTS, '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.report).toBe('compare');
    expect(report.version).toBe(1);
    expect(report.regions).toEqual(LISTS);
    expect(Object.keys(report.regionScores)).toEqual(LISTS);
    const row = report.rows.find((r: { key: string }) => r.key === '000100005000');
    expect(row.cells['catalogs/guangdong'].materials).toBe('deviate');
    expect(row.cells['catalogs/shenzhen'].materials).toBe('agree');
    expect(report.problems).toEqual([]);
  });

  it('csv: UTF-8 with a BOM, a column per region', async () => {
    const result = await tongban(['compare', ...LISTS, '-f', 'csv']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('\uFEFFbasic code,name,consistency,catalogs/guangdong,')).toBe(true);
    expect(result.stdout.slice(1).split('\r\n')).toContain('000100002000,公共场所卫生许可,1,,consistent,consistent');
  });

  it('html: a self-contained page with a sortable matrix', async () => {
    const result = await tongban(['compare', ...LISTS, '-f', 'html']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(result.stdout).toContain('<table class="sortable"');
    expect(result.stdout).toContain('建筑工程施工许可证核发');
    expect(result.stdout).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
    expect(result.stdout.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('colours the terminal report on request, never a file', async () => {
    const dir = samples();
    expect((await tongban(['compare', 'shenzhen', 'wuhou', '--color'], { cwd: dir })).stdout).toMatch(/\u001b\[/);
    expect((await tongban(['compare', 'shenzhen', 'wuhou'], { cwd: dir })).stdout).not.toMatch(/\u001b\[/);
    await tongban(['compare', 'shenzhen', 'wuhou', '--color', '-o', 'c.txt'], { cwd: dir });
    const text = readFileSync(path.join(dir, 'c.txt'), 'utf8');
    expect(text).toMatch(/^2 regions/);
    expect(text).not.toMatch(/\u001b\[/);
  });
});

describe('tongban compare: several outputs', () => {
  it('writes each -f/-o pair to its own file, relative to the working folder, with nothing on stdout', async () => {
    const dir = samples();
    const result = await tongban(
      [
        'compare',
        'guangdong',
        'shenzhen',
        'wuhou',
        '-f',
        'json',
        '-o',
        'out/compare.json',
        '-f',
        'csv',
        '-o',
        'compare.csv',
        '--format',
        'html',
        '--output',
        'compare.html',
        '-f',
        'stylish',
        '-o',
        'compare.txt',
      ],
      { cwd: dir },
    );
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
    expect(JSON.parse(read('out/compare.json'))).toMatchObject({
      report: 'compare',
      regions: ['guangdong', 'shenzhen', 'wuhou'],
    });
    expect(read('compare.csv').startsWith('\uFEFFbasic code,name,consistency,guangdong,shenzhen,wuhou\r\n')).toBe(true);
    expect(read('compare.html').startsWith('<!doctype html>')).toBe(true);
    expect(read('compare.txt')).toMatch(/^3 regions, 16 items/);
    expect(existsSync(path.join(ROOT, 'compare.csv'))).toBe(false);
  });

  it('refuses two formats on stdout, and an --output without a --format of its own', async () => {
    expectUsage(await tongban(['compare', ...LISTS, '-f', 'json', '-f', 'csv']), /--format/);
    const dir = samples();
    expectUsage(
      await tongban(['compare', 'shenzhen', 'wuhou', '-o', 'a.txt', '-o', 'b.txt'], { cwd: dir }),
      /--output/,
    );
    expect(existsSync(path.join(dir, 'a.txt'))).toBe(false);
  });
});

describe('tongban compare: language', () => {
  it('--lang zh-CN writes Chinese, and so does LANG=zh_CN.UTF-8', async () => {
    const zh = await tongban(['compare', ...LISTS, '--lang', 'zh-CN']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^3 个地区、16 个事项/);
    expect(zh.stdout).toContain('申请材料：');
    expect(zh.stdout).not.toContain('regions');
    const byLocale = await tongban(['compare', ...LISTS], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(byLocale.stdout).toBe(zh.stdout);
    expect((await tongban(['compare', ...LISTS], { env: { LC_ALL: 'zh_CN.UTF-8' } })).stdout).toBe(zh.stdout);
  });

  it('zh-CN reaches csv and html too', async () => {
    const csv = await tongban(['compare', ...LISTS, '--lang', 'zh-CN', '-f', 'csv']);
    expect(csv.stdout.startsWith('\uFEFF基本编码,事项名称,一致率,')).toBe(true);
    expect(csv.stdout).toContain(',一致,一致');
    const html = await tongban(['compare', ...LISTS, '--lang', 'zh-CN', '-f', 'html']);
    expect(html.stdout.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(html.stdout).toContain('<title>跨地区');
  });
});

describe('tongban compare: bad arguments', () => {
  it('an unknown option', async () => {
    expectUsage(await tongban(['compare', ...LISTS, '--exit-code']), /--exit-code/);
  });

  it('an unknown format, or one only diff offers', async () => {
    expectUsage(await tongban(['compare', ...LISTS, '-f', 'xml']), /xml/);
    expectUsage(await tongban(['compare', ...LISTS, '-f', 'markdown']), /markdown/);
  });

  it('a path that does not exist', async () => {
    expectUsage(await tongban(['compare', 'catalogs/shenzhen', 'no/such/place']), /no\/such\/place/);
  });

  it('the wrong number of catalogs: none, one list, or two basic catalogs', async () => {
    expectUsage(await tongban(['compare']), /catalogs/);
    expectUsage(await tongban(['compare', 'catalogs/shenzhen']), /two/);
    expectUsage(await tongban(['compare', 'catalogs/national', 'catalogs/shenzhen']), /two/);
    const dir = samples();
    cpSync(path.join(dir, 'national'), path.join(dir, 'national-copy'), { recursive: true });
    expectUsage(
      await tongban(['compare', 'national', 'national-copy', 'shenzhen', 'wuhou'], { cwd: dir }),
      /one basic catalog/,
    );
  });

  it('an unknown --lang', async () => {
    expectUsage(await tongban(['compare', ...LISTS, '--lang', 'de']), /de/);
  });
});
