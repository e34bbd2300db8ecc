/** `tongban stats` through the CLI, in-process: targets and exit codes, every format, outputs, languages, bad input. */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { ROOT, tongban, type CliRun } from '../helpers/cli.js';

/** A fresh copy of the sample catalogs (national, guangdong, shenzhen, wuhou). */
function samples(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-stats-'));
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

interface TargetJson {
  measure: string;
  value: number;
  actual: number;
  met: boolean;
}

describe('tongban stats: targets and exit codes', () => {
  it('exits 0 when every list meets its target (cities and counties: 70% online)', async () => {
    const result = await tongban(['stats', 'catalogs/shenzhen', 'catalogs/wuhou']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^✔ 广东省深圳市 .*\d+\.\d%.*70\.0%$/m);
    expect(result.stdout).toMatch(/^✔ 四川省成都市武侯区 .*\d+\.\d%.*70\.0%$/m);
    expect(result.stdout).not.toMatch(/^✖/m);
  });

  it('exits 1 when a target is missed: guangdong (a province) is 80% online against 90%', async () => {
    const result = await tongban(['stats', 'catalogs/guangdong']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^✖ 广东省 .*80\.0%.*90\.0%$/m);
    // One missed target among several lists is enough.
    expect((await tongban(['stats', 'catalogs/shenzhen', 'catalogs/guangdong', 'catalogs/wuhou'])).code).toBe(1);
  });

  it('measures every list under the working folder by default, leaving the basic catalog out', async () => {
    const dir = samples();
    const result = await tongban(['stats', '-f', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.catalogs.map((c: { label: string }) => c.label)).toEqual(['guangdong', 'shenzhen', 'wuhou']);
    expect(report.byLevel.map((l: { level: string }) => l.level)).toEqual(['省级', '市级', '县级']);
  });

  it('takes targets from tongban.config.yaml', async () => {
    const dir = samples();
    writeFileSync(
      path.join(dir, 'tongban.config.yaml'),
      'stats:\n  targets:\n    - { measure: onlineRate, value: 0.8 }\n',
    );
    expect((await tongban(['stats', 'guangdong'], { cwd: dir })).code).toBe(0);
    writeFileSync(
      path.join(dir, 'tongban.config.yaml'),
      'stats:\n  targets:\n    - { measure: zeroVisitRate, value: 0.5, levels: [县级] }\n',
    );
    const missed = await tongban(['stats', 'wuhou', 'shenzhen'], { cwd: dir });
    expect(missed.code).toBe(1);
    expect(missed.stdout).toMatch(/^✖ 四川省成都市武侯区 .*%.*50\.0%$/m);
    // A broken config is a usage error, located.
    writeFileSync(path.join(dir, 'tongban.config.yaml'), 'stats:\n  targets: 3\n');
    const broken = await tongban(['stats', 'wuhou'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/^tongban\.config\.yaml:2:\d+: .*\(schema\/type\)\n$/);
  });

  it('exits 1 and prints file:line:col  message  code on stderr when item files are unreadable', async () => {
    const dir = samples();
    writeFileSync(path.join(dir, 'wuhou', 'items', 'zz-syntax.yaml'), 'code: "x"\nname: [unclosed\n');
    writeFileSync(path.join(dir, 'shenzhen', 'items', 'zz-duplicate.yaml'), 'name: 甲\nname: 乙\n');
    // Both lists meet their targets: only the unreadable files fail the run.
    const result = await tongban(['stats', 'shenzhen', 'wuhou'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toMatch(/^✖/m);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(PROBLEM_LINE);
    expect(result.stderr).toMatch(/^shenzhen\/items\/zz-duplicate\.yaml:2:1 {2}.+ {2}yaml\/duplicate-key$/m);
    expect(result.stderr).toMatch(/^wuhou\/items\/zz-syntax\.yaml:\d+:\d+ {2}.+ {2}yaml\/syntax$/m);

    const json = await tongban(['stats', 'shenzhen', 'wuhou', '-f', 'json'], { cwd: dir });
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.problems.map((p: { code: string }) => p.code)).toEqual(['yaml/duplicate-key', 'yaml/syntax']);
    // The readable items are still measured.
    expect(report.catalogs.map((c: { measures: { items: number } }) => c.measures.items)).toEqual([12, 10]);
  });

  it('an element whose shape is wrong is left out and said so; the rest of the item is measured', async () => {
    const dir = samples();
    const file = path.join(dir, 'wuhou', 'items', '000100001000.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^visits: \d+$/m, 'visits: many'));
    const result = await tongban(['stats', 'wuhou', '-f', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^wuhou\/items\/000100001000\.yaml:\d+:\d+ {2}.+visits.+ {2}item\/partial\n$/);
    const { measures } = JSON.parse(result.stdout).catalogs[0];
    expect(measures.items).toBe(10);
    expect(measures.known.zeroVisitRate).toBe(9);
    expect(measures.known.onlineRate).toBe(10);
  });
});

describe('tongban stats: formats', () => {
  it('json: parses, names the report and its version, records each target', async () => {
    const result = await tongban(['stats', 'catalogs/guangdong', '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.report).toBe('stats');
    expect(report.version).toBe(1);
    expect(report.catalogs[0]).toMatchObject({ label: 'catalogs/guangdong', level: '省级' });
    expect(report.catalogs[0].measures).toMatchObject({ items: 5, onlineRate: 0.8 });
    const targets = report.catalogs[0].targets as TargetJson[];
    expect(targets).toEqual([expect.objectContaining({ measure: 'onlineRate', value: 0.9, actual: 0.8, met: false })]);
    expect(report.problems).toEqual([]);
  });

  it('csv: UTF-8 with a BOM, a row per list and per level', async () => {
    const result = await tongban(['stats', 'catalogs/guangdong', 'catalogs/wuhou', '-f', 'csv']);
    expect(result.code).toBe(1);
    expect(result.stdout.startsWith('\uFEFF')).toBe(true);
    const rows = result.stdout.slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toContain('online rate');
    expect(rows.slice(1).map((r) => r.split(',').slice(0, 3))).toEqual([
      ['catalogs/guangdong', '省级', '5'],
      ['catalogs/wuhou', '县级', '10'],
      ['[省级]', '省级', '5'],
      ['[县级]', '县级', '10'],
    ]);
  });

  it('html: a self-contained page with a bar chart per measure', async () => {
    const result = await tongban(['stats', 'catalogs/guangdong', '-f', 'html']);
    expect(result.code).toBe(1);
    expect(result.stdout.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(result.stdout.match(/<figure class="chart">/g)?.length ?? 0).toBe(10);
    expect(result.stdout).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
    expect(result.stdout.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('colours the terminal report on request, never a file', async () => {
    const dir = samples();
    expect((await tongban(['stats', 'wuhou', '--color'], { cwd: dir })).stdout).toMatch(/\u001b\[/);
    expect((await tongban(['stats', 'wuhou'], { cwd: dir })).stdout).not.toMatch(/\u001b\[/);
    await tongban(['stats', 'wuhou', '--color', '-o', 's.txt'], { cwd: dir });
    const text = readFileSync(path.join(dir, 's.txt'), 'utf8');
    expect(text).toMatch(/^✔ 四川省成都市武侯区 /m);
    expect(text).not.toMatch(/\u001b\[/);
  });
});

describe('tongban stats: several outputs', () => {
  it('writes each -f/-o pair to its own file, relative to the working folder, with nothing on stdout', async () => {
    const dir = samples();
    const result = await tongban(
      [
        'stats',
        'guangdong',
        '-f',
        'json',
        '-o',
        'out/stats.json',
        '-f',
        'csv',
        '-o',
        'stats.csv',
        '--format',
        'html',
        '--output',
        'stats.html',
        '-f',
        'stylish',
        '-o',
        'stats.txt',
      ],
      { cwd: dir },
    );
    // The target is still missed: the files do not change the exit status.
    expect(result).toEqual({ code: 1, stdout: '', stderr: '' });
    const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
    expect(JSON.parse(read('out/stats.json'))).toMatchObject({ report: 'stats', catalogs: [{ label: 'guangdong' }] });
    expect(read('stats.csv').startsWith('\uFEFF')).toBe(true);
    expect(read('stats.csv')).toContain('\r\nguangdong,省级,5,');
    expect(read('stats.html').startsWith('<!doctype html>')).toBe(true);
    expect(read('stats.txt')).toMatch(/^✖ 广东省 /m);
    expect(existsSync(path.join(ROOT, 'stats.csv'))).toBe(false);
  });

  it('refuses two formats on stdout, and an --output without a --format of its own', async () => {
    expectUsage(await tongban(['stats', 'catalogs/wuhou', '-f', 'json', '-f', 'html']), /--format/);
    const dir = samples();
    expectUsage(await tongban(['stats', 'wuhou', '-f', 'csv', '-o', 'a.csv', '-o', 'b.csv'], { cwd: dir }), /--output/);
    expect(existsSync(path.join(dir, 'a.csv'))).toBe(false);
  });
});

describe('tongban stats: language', () => {
  it('--lang zh-CN writes Chinese, and so does LANG=zh_CN.UTF-8', async () => {
    const zh = await tongban(['stats', 'catalogs/guangdong', '--lang', 'zh-CN']);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toMatch(/^网上可办率\s+80\.0%/m);
    expect(zh.stdout).toMatch(/^✖ 广东省 网上可办率 80\.0%，.*90\.0%$/m);
    expect(zh.stdout).not.toContain('online rate');
    const byLocale = await tongban(['stats', 'catalogs/guangdong'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(byLocale.stdout).toBe(zh.stdout);
    expect(byLocale.code).toBe(1);
  });

  it('zh-CN reaches html, and the measure columns of csv', async () => {
    const html = await tongban(['stats', 'catalogs/guangdong', '--lang', 'zh-CN', '-f', 'html']);
    expect(html.stdout.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(html.stdout).toContain('网上可办率');
    const csv = await tongban(['stats', 'catalogs/guangdong', '--lang', 'zh-CN', '-f', 'csv']);
    expect(csv.stdout.slice(1).split('\r\n')[0]).toContain(',网上可办率,');
  });

  it('zh-CN csv: every header is Chinese', async () => {
    const csv = await tongban(['stats', 'catalogs/guangdong', '--lang', 'zh-CN', '-f', 'csv']);
    const header = csv.stdout.slice(1).split('\r\n')[0]!.split(',');
    expect(header).toHaveLength(13);
    expect(header).toContain('事项数');
    for (const cell of header) expect(cell).toMatch(/[^\u0000-\u007f]/);
  });
});

describe('tongban stats: bad arguments', () => {
  it('an unknown option', async () => {
    expectUsage(await tongban(['stats', 'catalogs/wuhou', '--bogus']), /--bogus/);
  });

  it('an unknown format, or one of another command', async () => {
    expectUsage(await tongban(['stats', 'catalogs/wuhou', '-f', 'md']), /md/);
    expectUsage(await tongban(['stats', 'catalogs/wuhou', '-f', 'markdown']), /markdown/);
  });

  it('a path that does not exist, or a folder without catalogs', async () => {
    expectUsage(await tongban(['stats', 'no/such/place']), /no\/such\/place/);
    expectUsage(await tongban(['stats', 'test/core']), /test\/core/);
  });

  it('an unknown --lang', async () => {
    expectUsage(await tongban(['stats', 'catalogs/wuhou', '--lang', 'zh']), /zh/);
  });
});
