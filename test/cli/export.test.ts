/** `tongban export` through the CLI, in-process: every format, several outputs, problems, languages, bad input. */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { ROOT, tongban, type CliRun } from '../helpers/cli.js';

/** A fresh copy of the sample catalogs (national, guangdong, shenzhen, wuhou). */
function samples(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-export-'));
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

/** The codes of a catalog's items, as its files hold them, sorted. */
function codesOf(catalog: string): string[] {
  const dir = path.join(ROOT, 'catalogs', catalog, 'items');
  return readdirSync(dir)
    .map((f) => String((parse(readFileSync(path.join(dir, f), 'utf8')) as { code: string }).code))
    .sort();
}

describe('tongban export: formats', () => {
  it('csv (the default): UTF-8 with a BOM, headed by the standard element names, plain lists readable', async () => {
    const result = await tongban(['export', 'catalogs/wuhou']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.startsWith('\uFEFF实施编码,基本编码,业务办理项,事项名称,事项类型,')).toBe(true);
    const rows = result.stdout.slice(1).trimEnd().split('\r\n');
    expect(rows[1]).toMatch(/^11510107055842061G4000100001000,000100001000,,食品经营许可,行政许可,/);
    // A plain list is its entries joined by ；; a structured element is still a JSON cell.
    expect(rows[1]).toContain(',县级,');
    expect(result.stdout).toContain(',企业法人；非法人企业；自然人,');
    expect(result.stdout).toMatch(/"\[\{""law"":/);
  });

  it('--headers keys: tongban keys and JSON cells, for machines', async () => {
    const result = await tongban(['export', 'catalogs/wuhou', '--headers', 'keys']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('\uFEFFcode,basicCode,handlingItem,name,type,')).toBe(true);
    expect(result.stdout).toContain('"[""县级""]"');
    expect((await tongban(['export', 'catalogs/wuhou', '--headers', 'names'])).code).toBe(2);
  });

  it('csv of a basic catalog has the basic columns', async () => {
    const result = await tongban(['export', 'catalogs/national', '-f', 'csv']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('\uFEFF基本编码,事项名称,事项类型,行使层级,设定依据,所属主项基本编码,')).toBe(true);
    expect(result.stdout.slice(1).trimEnd().split('\r\n')).toHaveLength(1 + 18);
  });

  it('json: one array of the items as their files hold them', async () => {
    const result = await tongban(['export', 'catalogs/wuhou', '--format', 'json']);
    expect(result.code).toBe(0);
    const items = JSON.parse(result.stdout) as { code: string; basicCode: string }[];
    expect(Array.isArray(items)).toBe(true);
    expect(items.map((i) => i.code).sort()).toEqual(codesOf('wuhou'));
    expect(items[0]).toMatchObject({ basicCode: '000100001000', name: '食品经营许可', levels: ['县级'] });
  });

  it('jsonl: one item per line', async () => {
    const result = await tongban(['export', 'catalogs/shenzhen', '-f', 'jsonl']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(12);
    expect(lines.map((l) => (JSON.parse(l) as { code: string }).code).sort()).toEqual(codesOf('shenzhen'));
  });

  it('jsonld: a schema.org graph of GovernmentService nodes', async () => {
    const result = await tongban(['export', 'catalogs/wuhou', '-f', 'jsonld']);
    expect(result.code).toBe(0);
    const ld = JSON.parse(result.stdout);
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@graph']).toHaveLength(10);
    expect(ld['@graph'][0]).toMatchObject({
      '@type': 'GovernmentService',
      name: '食品经营许可',
      identifier: '11510107055842061G4000100001000',
      provider: { '@type': 'GovernmentOrganization' },
    });
  });

  it('several catalogs of both kinds: json takes them all, csv refuses with exit 2', async () => {
    const json = await tongban(['export', 'catalogs/national', 'catalogs/wuhou', '-f', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toHaveLength(18 + 10);
    expectUsage(await tongban(['export', 'catalogs/national', 'catalogs/wuhou']), /CSV/);
    expectUsage(await tongban(['export', 'catalogs/national', 'catalogs/wuhou', '-f', 'csv', '-o', 'x.csv']), /CSV/);
    expect(existsSync(path.join(ROOT, 'x.csv'))).toBe(false);
  });

  it('every list under the working folder by default', async () => {
    const dir = samples();
    const result = await tongban(['export', '-f', 'jsonl'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(18 + 5 + 12 + 10);
  });
});

describe('tongban export: unreadable items', () => {
  it('exits 1 and prints file:line:col  message  code on stderr, exporting the readable items', async () => {
    const dir = samples();
    writeFileSync(path.join(dir, 'wuhou', 'items', 'zz-syntax.yaml'), 'code: "x"\nname: [unclosed\n');
    writeFileSync(path.join(dir, 'wuhou', 'items', 'zz-duplicate.yaml'), 'name: 甲\nname: 乙\n');
    const result = await tongban(['export', 'wuhou', '-f', 'jsonl'], { cwd: dir });
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(PROBLEM_LINE);
    expect(result.stderr).toMatch(/^wuhou\/items\/zz-duplicate\.yaml:2:1 {2}.+ {2}yaml\/duplicate-key$/m);
    expect(result.stderr).toMatch(/^wuhou\/items\/zz-syntax\.yaml:\d+:\d+ {2}.+ {2}yaml\/syntax$/m);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(10);

    // The same with csv, and when the export goes to a file.
    const csv = await tongban(['export', 'wuhou', '-f', 'csv', '-o', 'w.csv'], { cwd: dir });
    expect(csv.code).toBe(1);
    expect(csv.stdout).toBe('');
    expect(csv.stderr).toMatch(/yaml\/syntax$/m);
    expect(readFileSync(path.join(dir, 'w.csv'), 'utf8').trimEnd().split('\r\n')).toHaveLength(11);
  });
});

describe('tongban export: several outputs', () => {
  it('writes each -f/-o pair to its own file, relative to the working folder, with nothing on stdout', async () => {
    const dir = samples();
    const result = await tongban(
      [
        'export',
        'wuhou',
        '-f',
        'csv',
        '-o',
        'out/wuhou.csv',
        '-f',
        'json',
        '-o',
        'wuhou.json',
        '--format',
        'jsonl',
        '--output',
        'wuhou.jsonl',
        '-f',
        'jsonld',
        '-o',
        'wuhou.jsonld',
      ],
      { cwd: dir },
    );
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
    expect(read('out/wuhou.csv').startsWith('\uFEFF实施编码,基本编码,')).toBe(true);
    expect(JSON.parse(read('wuhou.json'))).toHaveLength(10);
    expect(read('wuhou.jsonl').trimEnd().split('\n')).toHaveLength(10);
    expect(JSON.parse(read('wuhou.jsonld'))['@graph']).toHaveLength(10);
    expect(existsSync(path.join(ROOT, 'wuhou.json'))).toBe(false);
  });

  it('refuses two formats on stdout, and an --output without a --format of its own', async () => {
    expectUsage(await tongban(['export', 'catalogs/wuhou', '-f', 'json', '-f', 'jsonl']), /--format/);
    const dir = samples();
    expectUsage(await tongban(['export', 'wuhou', '-o', 'a.csv', '-o', 'b.csv'], { cwd: dir }), /--output/);
    expect(existsSync(path.join(dir, 'a.csv'))).toBe(false);
  });
});

describe('tongban export: language', () => {
  it('--lang zh-CN gives Chinese problems and usage errors, and so does LANG=zh_CN.UTF-8', async () => {
    const dir = samples();
    writeFileSync(path.join(dir, 'wuhou', 'items', 'zz-duplicate.yaml'), 'name: 甲\nname: 乙\n');
    const zh = await tongban(['export', 'wuhou', '-f', 'jsonl', '--lang', 'zh-CN'], { cwd: dir });
    expect(zh.code).toBe(1);
    expect(zh.stderr).toMatch(/^wuhou\/items\/zz-duplicate\.yaml:2:1 {2}.*[\u4e00-\u9fff].* {2}yaml\/duplicate-key\n$/);
    expect(zh.stderr).not.toContain('duplicate key');
    const byLocale = await tongban(['export', 'wuhou', '-f', 'jsonl'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    expect(byLocale.stderr).toBe(zh.stderr);
    // The items themselves do not depend on the language.
    const en = await tongban(['export', 'wuhou', '-f', 'jsonl', '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toContain('duplicate key');
    expect(zh.stdout).toBe(en.stdout);

    expectUsage(
      await tongban(['export', 'national', 'wuhou', '--lang', 'zh-CN'], { cwd: dir }),
      /^错误：一次 CSV 导出只能包含一种目录/,
    );
  });
});

describe('tongban export: bad arguments', () => {
  it('an unknown option', async () => {
    expectUsage(await tongban(['export', 'catalogs/wuhou', '--pretty']), /--pretty/);
  });

  it('an unknown format, or one of another command', async () => {
    expectUsage(await tongban(['export', 'catalogs/wuhou', '-f', 'xlsx']), /xlsx/);
    expectUsage(await tongban(['export', 'catalogs/wuhou', '-f', 'stylish']), /stylish/);
  });

  it('a path that does not exist, or a folder without catalogs', async () => {
    expectUsage(await tongban(['export', 'catalogs/wuhou', 'no/such/place']), /no\/such\/place/);
    expectUsage(await tongban(['export', 'test/core']), /test\/core/);
  });

  it('an option without its value', async () => {
    expectUsage(await tongban(['export', 'catalogs/wuhou', '-f']), /--format/);
    expectUsage(await tongban(['export', 'catalogs/wuhou', '-f', 'csv', '-o']), /--output/);
  });
});
