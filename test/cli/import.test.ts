/** `tongban import` through the CLI, in-process: mapping presets, round trips, conflicts, reports, languages, bad input. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { ROOT, tongban, type CliRun } from '../helpers/cli.js';

const MESSY = path.join(ROOT, 'test', 'fixtures', 'import', 'messy-gbk.csv');

/** A fresh copy of the sample catalogs, with an empty list `again` (wuhou's catalog.yaml, no items). */
function samples(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-import-'));
  cpSync(path.join(ROOT, 'catalogs'), dir, { recursive: true });
  emptyList(dir, 'again', 'wuhou');
  return dir;
}

/** An implementation list `name` with the catalog.yaml of `like` and no items. */
function emptyList(dir: string, name: string, like: string): void {
  mkdirSync(path.join(dir, name));
  writeFileSync(path.join(dir, name, 'catalog.yaml'), readFileSync(path.join(dir, like, 'catalog.yaml')));
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

/** A catalog's items, parsed, sorted by code. */
function itemsOf(folder: string): Record<string, unknown>[] {
  const dir = path.join(folder, 'items');
  return readdirSync(dir)
    .map((f) => parse(readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>)
    .sort((a, b) => String(a.code).localeCompare(String(b.code)));
}

describe('tongban import --map tongban: a round trip of tongban export', () => {
  it('csv → the same items, exit 0 and a clean validation; a second run changes nothing', async () => {
    const dir = samples();
    expect((await tongban(['export', 'wuhou', '-f', 'csv', '-o', 'wuhou.csv'], { cwd: dir })).code).toBe(0);
    const result = await tongban(['import', 'wuhou.csv', '--map', 'tongban', '--out', 'again'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(
      /^10 written, 0 updated, 0 unchanged; 0 rows not imported; 0 unreadable cells \(only their elements left out\); 0 rows left out by the filter; 0 conflicts$/m,
    );
    expect(result.stdout).toMatch(/^✔ /m);
    expect(readdirSync(path.join(dir, 'again', 'items'))).toHaveLength(10);
    expect(itemsOf(path.join(dir, 'again'))).toEqual(itemsOf(path.join(dir, 'wuhou')));

    const again = await tongban(['import', 'wuhou.csv', '--map', 'tongban', '--out', 'again'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^0 written, 0 updated, 10 unchanged;/m);
  });

  it('json and jsonl exports read back the same way', async () => {
    const dir = samples();
    await tongban(['export', 'wuhou', '-f', 'json', '-o', 'wuhou.json', '-f', 'jsonl', '-o', 'wuhou.jsonl'], {
      cwd: dir,
    });
    emptyList(dir, 'again2', 'wuhou');
    for (const [file, out] of [
      ['wuhou.json', 'again'],
      ['wuhou.jsonl', 'again2'],
    ] as const) {
      const result = await tongban(['import', file, '--map', 'tongban', '--out', out], { cwd: dir });
      expect(result.code).toBe(0);
      expect(itemsOf(path.join(dir, out))).toEqual(itemsOf(path.join(dir, 'wuhou')));
    }
  });

  it('--map tongban-basic reads back a basic catalog', async () => {
    const dir = samples();
    await tongban(['export', 'national', '-o', 'national.csv'], { cwd: dir });
    mkdirSync(path.join(dir, 'basic2'));
    writeFileSync(path.join(dir, 'basic2', 'catalog.yaml'), readFileSync(path.join(dir, 'national', 'catalog.yaml')));
    const result = await tongban(['import', 'national.csv', '--map', 'tongban-basic', '--out', 'basic2'], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    expect(itemsOf(path.join(dir, 'basic2'))).toEqual(itemsOf(path.join(dir, 'national')));
  });
});

describe('tongban import --map national', () => {
  it('a messy GBK spreadsheet: readable rows imported, unreadable cells on stderr by row and column, exit 1', async () => {
    const dir = samples();
    emptyList(dir, 'sz', 'shenzhen');
    const result = await tongban(['import', MESSY, '--map', 'national', '--out', 'sz'], { cwd: dir });
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/messy-gbk\.csv: row 3, 法定办结时限: .*二十天.* {2}import\/not-time-limit$/);
    expect(lines[1]).toMatch(/messy-gbk\.csv: row 4, 事项类型: .*许可.* {2}import\/not-in-code-list$/);
    // Every row is written; the two cells that could not be read are left out of their items.
    expect(result.stdout).toMatch(/^4 written, 0 updated, 0 unchanged; 0 rows not imported; 2 unreadable cells/m);
    expect(readdirSync(path.join(dir, 'sz', 'items')).sort()).toEqual([
      '11440300014834735L3002000003000.yaml',
      '11440300067862203L3000500002000.yaml',
      '1144030009719080703000100001000.yaml',
      '1144030009781603X93000100002000.yaml',
    ]);
    const item = parse(readFileSync(path.join(dir, 'sz', 'items', '1144030009719080703000100001000.yaml'), 'utf8'));
    expect(item).toMatchObject({ levels: ['市级'], promisedLimit: { value: 5, unit: '工作日' }, visits: 0 });
    // The imported list is validated and its findings reported.
    expect(result.stdout).toContain('visits/reason-missing');
  });
});

describe('tongban import: conflicts', () => {
  /** wuhou imported into `again`, then one promised limit changed by hand in `again`. */
  async function changedAfterImport(): Promise<{ dir: string; file: string; before: string }> {
    const dir = samples();
    await tongban(['export', 'wuhou', '-o', 'wuhou.csv'], { cwd: dir });
    await tongban(['import', 'wuhou.csv', '--map', 'tongban', '--out', 'again'], { cwd: dir });
    const file = path.join(dir, 'again', 'items', '1151010701947729864000700001000.yaml');
    const text = readFileSync(file, 'utf8');
    const changed = '# 本地补充\n' + text.replace(/promisedLimit:\n {2}value: 45\n/, 'promisedLimit:\n  value: 44\n');
    expect(changed).toContain('value: 44');
    writeFileSync(file, changed);
    return { dir, file, before: changed };
  }

  it('without --update: exit 1, the conflict on stderr, nothing written', async () => {
    const { dir, file, before } = await changedAfterImport();
    const result = await tongban(['import', 'wuhou.csv', '--map', 'tongban', '--out', 'again'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^conflict: row \d+ .*again\/items\/1151010701947729864000700001000\.yaml.*--update/);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(/^0 written, 0 updated, 0 unchanged; .*; 1 conflict$/m);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('with --update: the imported elements merged, comments kept, exit 0', async () => {
    const { dir, file } = await changedAfterImport();
    const result = await tongban(['import', 'wuhou.csv', '--map', 'tongban', '--out', 'again', '--update'], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('~ again/items/1151010701947729864000700001000.yaml: promisedLimit');
    expect(result.stdout).toMatch(/0 written, 1 updated, 9 unchanged/);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('# 本地补充\n')).toBe(true);
    expect(parse(text).promisedLimit).toEqual({ value: 45, unit: '自然日' });
  });

  it('-f json reports the conflict', async () => {
    const { dir } = await changedAfterImport();
    const result = await tongban(['import', 'wuhou.csv', '--map', 'tongban', '--out', 'again', '-f', 'json'], {
      cwd: dir,
    });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.conflicts).toEqual([
      { row: expect.any(Number), file: 'again/items/1151010701947729864000700001000.yaml' },
    ]);
    expect(report.validation).toBeNull();
  });
});

describe('tongban import: report formats and outputs', () => {
  it('-f json: parses, names the report and its version, lists files and unreadable rows', async () => {
    const dir = samples();
    emptyList(dir, 'sz', 'shenzhen');
    const result = await tongban(['import', MESSY, '--map', 'national', '--out', 'sz', '-f', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.report).toBe('import');
    expect(report.version).toBe(1);
    expect(report.written).toEqual([
      'sz/items/1144030009719080703000100001000.yaml',
      'sz/items/1144030009781603X93000100002000.yaml',
      'sz/items/11440300067862203L3000500002000.yaml',
      'sz/items/11440300014834735L3002000003000.yaml',
    ]);
    expect(report).toMatchObject({ skipped: 0, filtered: 0 });
    expect(report.rows.map((r: { row: number; column: string; code: string }) => [r.row, r.column, r.code])).toEqual([
      [3, '法定办结时限', 'import/not-time-limit'],
      [4, '事项类型', 'import/not-in-code-list'],
    ]);
    expect(report.validation.map((d: { code: string }) => d.code)).toContain('visits/reason-missing');
  });

  it('writes each -f/-o pair to its own file, relative to the working folder, with nothing on stdout', async () => {
    const dir = samples();
    await tongban(['export', 'wuhou', '-o', 'wuhou.csv'], { cwd: dir });
    const result = await tongban(
      [
        'import',
        'wuhou.csv',
        '--map',
        'tongban',
        '--out',
        'again',
        '-f',
        'json',
        '-o',
        'out/import.json',
        '-f',
        'stylish',
        '-o',
        'import.txt',
      ],
      { cwd: dir },
    );
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const report = JSON.parse(readFileSync(path.join(dir, 'out', 'import.json'), 'utf8'));
    expect(report).toMatchObject({ report: 'import', unchanged: 0, validation: [] });
    expect(report.written).toHaveLength(10);
    expect(readFileSync(path.join(dir, 'import.txt'), 'utf8')).toMatch(/^10 written, /);
    expect(existsSync(path.join(ROOT, 'import.txt'))).toBe(false);
  });

  it('refuses two formats on stdout with exit 2', async () => {
    const dir = samples();
    await tongban(['export', 'wuhou', '-o', 'wuhou.csv'], { cwd: dir });
    expectUsage(
      await tongban(['import', 'wuhou.csv', '--map', 'tongban', '--out', 'again', '-f', 'json', '-f', 'stylish'], {
        cwd: dir,
      }),
      /--format/,
    );
  });

  it('a usage error changes nothing', async () => {
    const dir = samples();
    await tongban(['export', 'wuhou', '-o', 'wuhou.csv'], { cwd: dir });
    const result = await tongban(
      ['import', 'wuhou.csv', '--map', 'tongban', '--out', 'again', '-f', 'json', '-f', 'stylish'],
      { cwd: dir },
    );
    expect(result.code).toBe(2);
    expect(existsSync(path.join(dir, 'again', 'items'))).toBe(false);
  });
});

describe('tongban import: language', () => {
  it('--lang zh-CN writes Chinese, and so does LANG=zh_CN.UTF-8', async () => {
    const dir = samples();
    await tongban(['export', 'wuhou', '-o', 'wuhou.csv'], { cwd: dir });
    emptyList(dir, 'again2', 'wuhou');
    const zh = await tongban(['import', 'wuhou.csv', '--map', 'tongban', '--out', 'again', '--lang', 'zh-CN'], {
      cwd: dir,
    });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^写入 10 个，/);
    const byLocale = await tongban(['import', 'wuhou.csv', '--map', 'tongban', '--out', 'again2'], {
      cwd: dir,
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(byLocale.stdout).toBe(zh.stdout.replaceAll('again', 'again2'));
  });

  it('zh-CN conflicts and unreadable cells', async () => {
    const dir = samples();
    emptyList(dir, 'sz', 'shenzhen');
    await tongban(['import', MESSY, '--map', 'national', '--out', 'sz'], { cwd: dir });
    const file = path.join(dir, 'sz', 'items', '1144030009719080703000100001000.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/value: 5$/m, 'value: 3'));
    const result = await tongban(['import', MESSY, '--map', 'national', '--out', 'sz', '--lang', 'zh-CN'], {
      cwd: dir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^冲突：第 2 行.*sz\/items\/1144030009719080703000100001000\.yaml/m);
    expect(result.stderr).toMatch(/“二十天”.* {2}import\/not-time-limit$/m);
  });

  it('zh-CN unreadable cells name their row in Chinese', async () => {
    const dir = samples();
    emptyList(dir, 'sz', 'shenzhen');
    const result = await tongban(['import', MESSY, '--map', 'national', '--out', 'sz', '--lang', 'zh-CN'], {
      cwd: dir,
    });
    expect(result.stderr).toContain('第 3 行');
    expect(result.stderr).not.toMatch(/\brow \d/);
  });
});

describe('tongban import: bad arguments', () => {
  it('an unknown option, with a suggestion for a near miss', async () => {
    expectUsage(await tongban(['import', MESSY, '--map', 'national', '--out', 'x', '--frobnicate']), /--frobnicate/);
    const near = await tongban(['import', MESSY, '--map', 'national', '--out', 'x', '--updat']);
    expectUsage(near, /--updat'/);
    expect(near.stderr).toContain('--update');
  });

  it('an unknown format, or an unknown encoding', async () => {
    expectUsage(await tongban(['import', MESSY, '--map', 'national', '--out', 'x', '-f', 'csv']), /csv/);
    expectUsage(await tongban(['import', MESSY, '--map', 'national', '--out', 'x', '--encoding', 'latin1']), /latin1/);
  });

  it('a file, mapping or output folder that does not exist', async () => {
    const dir = samples();
    expectUsage(
      await tongban(['import', 'no-such.csv', '--map', 'national', '--out', 'again'], { cwd: dir }),
      /no-such\.csv/,
    );
    expectUsage(
      await tongban(['import', MESSY, '--map', 'no-such-map', '--out', 'again'], { cwd: dir }),
      /no-such-map/,
    );
    // A preset has no catalog section, so the folder must be a catalog already.
    expectUsage(await tongban(['import', MESSY, '--map', 'national', '--out', 'nowhere'], { cwd: dir }), /nowhere/);
    expect(existsSync(path.join(dir, 'nowhere'))).toBe(false);
  });

  it('catalog flags: a level by alias or code becomes the code list value; a value the schema refuses is named', async () => {
    const dir = samples();
    const flags = ['--name', '示例', '--region', '440300'];
    const byAlias = await tongban(
      ['import', MESSY, '--map', 'national', '--out', 'city', ...flags, '--level', 'city'],
      {
        cwd: dir,
      },
    );
    expect(byAlias.stderr).not.toMatch(/internal error|catalog\.yaml/);
    expect(readFileSync(path.join(dir, 'city', 'catalog.yaml'), 'utf8')).toMatch(/^level: 市级$/m);
    const byCode = await tongban(['import', MESSY, '--map', 'national', '--out', 'prov', ...flags, '--level', '2'], {
      cwd: dir,
    });
    expect(byCode.stderr).not.toMatch(/internal error/);
    expect(readFileSync(path.join(dir, 'prov', 'catalog.yaml'), 'utf8')).toMatch(/^level: 省级$/m);
    expectUsage(
      await tongban(['import', MESSY, '--map', 'national', '--out', 'bad', ...flags, '--level', 'galaxy'], {
        cwd: dir,
      }),
      /--level "galaxy"/,
    );
    expect(existsSync(path.join(dir, 'bad'))).toBe(false);
    expectUsage(
      await tongban(
        ['import', MESSY, '--map', 'national', '--out', 'bad', '--name', '示例', '--region', '44', '--level', '市级'],
        {
          cwd: dir,
        },
      ),
      /--region "44"/,
    );
  });

  it('required options missing, and the wrong number of files', async () => {
    expectUsage(await tongban(['import', MESSY, '--out', 'x']), /--map/);
    expectUsage(await tongban(['import', MESSY, '--map', 'national']), /--out/);
    expectUsage(await tongban(['import', '--map', 'national', '--out', 'x']), /file/);
    expectUsage(await tongban(['import', MESSY, MESSY, '--map', 'national', '--out', 'x']), /argument/);
  });
});
