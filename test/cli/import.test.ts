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

  it('a list entry that holds ；or spaces at its ends is written as JSON, so the round trip stays exact', async () => {
    const dir = samples();
    const file = path.join(dir, 'wuhou', 'items', '000100001000.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^conditions:\n/m, 'conditions:\n  - "有场所；有设备"\n  - " 前后有空格 "\n'));
    expect((await tongban(['export', 'wuhou', '-o', 'wuhou.csv'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(path.join(dir, 'wuhou.csv'), 'utf8')).toContain('有场所；有设备""');
    const result = await tongban(['import', 'wuhou.csv', '--map', 'tongban', '--out', 'again'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(itemsOf(path.join(dir, 'again'))).toEqual(itemsOf(path.join(dir, 'wuhou')));
    // And the same with keys for headers.
    expect((await tongban(['export', 'wuhou', '--headers', 'keys', '-o', 'keys.csv'], { cwd: dir })).code).toBe(0);
    emptyList(dir, 'keyed', 'wuhou');
    expect((await tongban(['import', 'keys.csv', '--map', 'tongban', '--out', 'keyed'], { cwd: dir })).code).toBe(0);
    expect(itemsOf(path.join(dir, 'keyed'))).toEqual(itemsOf(path.join(dir, 'wuhou')));
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

describe('tongban import --map national: cells as real portal exports write them', () => {
  const HEADER =
    '事项名称,实施编码,事项类型,行使层级,受理条件,申请材料,法定办结时限,承诺办结时限,网上办理深度,办理地点,咨询电话,监督投诉电话';
  const ROW = [
    '食品经营许可',
    '1144030009719080703000100001000',
    '行政许可',
    '市级',
    '具备下列条件：（一）有固定场所；（二）有专业人员',
    '"身份证（原件1份，复印件1份）\n身份证明材料（电子证照）"',
    '法定办结时限：20个工作日',
    '3个月',
    '互联网咨询、互联网收件、互联网预审',
    '地址：广州市海珠区',
    '020-12345678（工作日9:00-17:00）',
    '"4008-123-123；028-12345转1"',
  ].join(',');

  it('keeps the numbers, notes and extensions, strips labels, reads stages, materials and lists; months are named', async () => {
    const dir = samples();
    emptyList(dir, 'sz', 'shenzhen');
    writeFileSync(path.join(dir, 'portal.csv'), `${HEADER}\n${ROW}\n`);
    const result = await tongban(['import', 'portal.csv', '--map', 'national', '--out', 'sz'], { cwd: dir });
    // The one cell that cannot be read: a limit in months, said as such.
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/row 2, 承诺办结时限: "3个月" .*counts months.* {2}import\/time-limit-unit$/),
    ]);
    const item = parse(readFileSync(path.join(dir, 'sz', 'items', '1144030009719080703000100001000.yaml'), 'utf8'));
    expect(item).toMatchObject({
      conditions: ['具备下列条件：', '有固定场所', '有专业人员'],
      materials: [
        { name: '身份证', forms: ['原件', '复印件'], copies: 1 },
        { name: '身份证明材料', forms: ['电子'], source: '政府部门核发', eLicence: true },
      ],
      statutoryLimit: { value: 20, unit: '工作日' },
      online: { depth: 2 },
      place: '广州市海珠区',
      contacts: {
        consultation: { phone: '020-12345678（工作日9:00-17:00）' },
        complaint: { phone: '400-812-3123；028-12345转1' },
      },
    });
    expect(item.promisedLimit).toBeUndefined();
    // validate reads the stored phones with the same parser: no contact finding.
    expect(result.stdout).not.toMatch(/contact\//);
  });

  it('a constant goes through its transform: levels: { value: 县级, transform: codeListSet } is a list', async () => {
    const dir = samples();
    emptyList(dir, 'sz', 'shenzhen');
    writeFileSync(
      path.join(dir, 'map.yaml'),
      'kind: implementation\nfields:\n  code: 实施编码\n  name: 事项名称\n  levels: { value: 县级, transform: codeListSet, list: level }\n',
    );
    writeFileSync(path.join(dir, 'rows.csv'), `事项名称,实施编码\n甲,1144030009719080703000100001000\n`);
    await tongban(['import', 'rows.csv', '--map', 'map.yaml', '--out', 'sz'], { cwd: dir });
    const item = parse(readFileSync(path.join(dir, 'sz', 'items', '1144030009719080703000100001000.yaml'), 'utf8'));
    expect(item.levels).toEqual(['县级']);
  });

  it('a constant its transform cannot read is a mapping error, said once', async () => {
    const dir = samples();
    writeFileSync(
      path.join(dir, 'map.yaml'),
      'kind: implementation\nfields:\n  code: 实施编码\n  levels: { value: 区县级, transform: codeListSet, list: level }\n',
    );
    writeFileSync(path.join(dir, 'rows.csv'), `实施编码\nC1\n`);
    const result = await tongban(['import', 'rows.csv', '--map', 'map.yaml', '--out', 'again'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/map\.yaml:4:\d+.*"区县级".*transform: codeListSet.*mapping\/constant/);
  });
});

describe('tongban import: nested JSON behind an API wrapper', () => {
  const wrapped = {
    code: 200,
    msg: '成功',
    data: {
      departments: [{ deptName: '某局', items: [{ bm: '1144030009719080703000100001000', mc: '食品经营许可' }] }],
    },
  };
  const mapping = (pathSteps: string) =>
    `kind: implementation\nrecords: { path: [${pathSteps}] }\nfields:\n  code: bm\n  name: mc\n  agency.name: deptName\n`;

  it('records.path goes through data (an object) to the records', async () => {
    const dir = samples();
    emptyList(dir, 'sz', 'shenzhen');
    writeFileSync(path.join(dir, 'rows.json'), JSON.stringify(wrapped));
    writeFileSync(path.join(dir, 'map.yaml'), mapping('data, departments, items'));
    const result = await tongban(['import', 'rows.json', '--map', 'map.yaml', '--out', 'sz'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^1 written, /m);
    const item = parse(readFileSync(path.join(dir, 'sz', 'items', '1144030009719080703000100001000.yaml'), 'utf8'));
    expect(item).toMatchObject({
      code: '1144030009719080703000100001000',
      name: '食品经营许可',
      agency: { name: '某局' },
    });
  });

  it('a path that does not fit the file is a usage error in words of the language, and no validation follows', async () => {
    const dir = samples();
    emptyList(dir, 'sz', 'shenzhen');
    writeFileSync(path.join(dir, 'rows.json'), JSON.stringify(wrapped));
    writeFileSync(path.join(dir, 'map.yaml'), mapping('departments, items'));
    const zh = await tongban(['import', 'rows.json', '--map', 'map.yaml', '--out', 'sz', '--lang', 'zh-CN'], {
      cwd: dir,
    });
    expectUsage(
      zh,
      /records\.path 的第一步“departments”在文件顶层应为记录数组或对象，实为 缺失（顶层字段："code", "msg", "data"）/,
    );
    expect(zh.stderr).not.toMatch(/\(top\)|（\(|\(\(/);
    const en = await tongban(['import', 'rows.json', '--map', 'map.yaml', '--out', 'sz'], { cwd: dir });
    expectUsage(en, /"departments", should be an array of records or an object .* but is missing/);
    expect(existsSync(path.join(dir, 'sz', 'items'))).toBe(false);
  });

  it('a record deeper down that is not there is reported by where it is, in the brackets of the language', async () => {
    const dir = samples();
    emptyList(dir, 'sz', 'shenzhen');
    const data = { data: { departments: [{ deptName: '某局', items: '无' }, wrapped.data.departments[0]] } };
    writeFileSync(path.join(dir, 'rows.json'), JSON.stringify(data));
    writeFileSync(path.join(dir, 'map.yaml'), mapping('data, departments, items'));
    const zh = await tongban(['import', 'rows.json', '--map', 'map.yaml', '--out', 'sz', '--lang', 'zh-CN'], {
      cwd: dir,
    });
    expect(zh.stderr).toMatch(
      /^rows\.json：第 1 条记录（data\.departments\[0\]），“items”：data\.departments\[0\] 处的“items”既不是记录数组也不是对象/m,
    );
    expect(zh.stderr).not.toMatch(/\(top\)|\(\(/);
  });

  it('an import that reads nothing prints no validation', async () => {
    const dir = samples();
    emptyList(dir, 'sz', 'shenzhen');
    writeFileSync(path.join(dir, 'rows.jsonl'), '{"bm": "C1"\n');
    writeFileSync(path.join(dir, 'map.yaml'), 'kind: implementation\nfields:\n  code: bm\n');
    const result = await tongban(['import', 'rows.jsonl', '--map', 'map.yaml', '--out', 'sz', '--lang', 'zh-CN'], {
      cwd: dir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/import\/not-json/);
    expect(result.stdout).not.toMatch(/✔|未发现问题/);
  });
});

describe('tongban import: a misspelt mapping key', () => {
  it('is named once, at its line and column, with the key meant, in both languages', async () => {
    const dir = samples();
    writeFileSync(
      path.join(dir, 'map.yaml'),
      'kind: implementation\nfields:\n  code: 实施编码\n  levels: { column: 行使层级, transfrom: codeListSet, list: level }\n',
    );
    writeFileSync(path.join(dir, 'rows.csv'), `实施编码,行使层级\nC1,市级\n`);
    const en = await tongban(['import', 'rows.csv', '--map', 'map.yaml', '--out', 'again'], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(en.stderr).toMatch(
      /map\.yaml:4:\d+.*no key "transfrom" in fields\.levels .*did you mean "transform"\?.*mapping\/misspelt-key/,
    );
    expect(en.stderr).not.toMatch(/oneOf|element of this item/);
    const zh = await tongban(['import', 'rows.csv', '--map', 'map.yaml', '--out', 'again', '--lang', 'zh-CN'], {
      cwd: dir,
    });
    expect(zh.stderr).toMatch(/映射中 fields\.levels 下没有“transfrom”这个键：是否应为“transform”？/);
    expect(zh.stderr).not.toMatch(/不属于该事项要素|oneOf/);
  });
});

describe('validate names the element of a type error', () => {
  it('levels: 县级 (a string where a list belongs)', async () => {
    const dir = samples();
    const file = path.join(dir, 'shenzhen', 'items', '000100001000.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^levels:\n(?: {2}- .*\n)+/m, 'levels: 市级\n'));
    expect(readFileSync(file, 'utf8')).toMatch(/^levels: 市级$/m);
    const zh = await tongban(['validate', 'shenzhen', '--lang', 'zh-CN'], { cwd: dir });
    expect(zh.stdout).toMatch(/“levels”类型错误：应为 列表，实为 字符串/);
    const en = await tongban(['validate', 'shenzhen'], { cwd: dir });
    expect(en.stdout).toMatch(/levels: expected list, found string/);
  });
});
