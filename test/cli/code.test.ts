/**
 * `tongban code explain|assign|retire|merge|split|check` through the CLI, in-process: exit codes, reports on
 * stdout and in files, what is written (and, for dry runs and refusals, that nothing is), usage errors.
 * Every scenario works on a copy of the sample catalogs in a temporary folder.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { ROOT, tongban } from '../helpers/cli.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A copy of the bundled sample catalogs (national, guangdong, shenzhen, wuhou). */
function samples(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-code-'));
  cpSync(path.join(ROOT, 'catalogs'), dir, { recursive: true });
  return dir;
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const write = (dir: string, file: string, text: string | Buffer) => writeFileSync(path.join(dir, file), text);

/** Every file under `dir`, by relative path, with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (sub: string) => {
    for (const name of readdirSync(path.join(dir, sub))) {
      const relative = sub ? `${sub}/${name}` : name;
      if (statSync(path.join(dir, relative)).isDirectory()) walk(relative);
      else files.set(relative, readFileSync(path.join(dir, relative)));
    }
  };
  walk('');
  return files;
}

function without(files: Map<string, Buffer>, ...names: string[]): Map<string, Buffer> {
  const copy = new Map(files);
  for (const name of names) copy.delete(name);
  return copy;
}

/** A new, uncoded basic item with comments and a blank line, to see that they survive. */
const newItem = (name: string, type = '行政许可') =>
  `# ${name}：待赋码\nname: ${name}  # 名称以基本目录为准\ntype: ${type}\nlevels: [市级]\n\nbasis:\n  - law: 《某法》\n`;

interface LedgerEntry {
  code: string;
  state: string;
  file?: string;
  issued?: string;
  retired?: string;
  reason?: string;
  replaces?: string[];
  replacedBy?: string[];
}
const ledgerOf = (dir: string, catalog = 'national') =>
  new Map((parse(read(dir, `${catalog}/ledger.yaml`)) as { entries: LedgerEntry[] }).entries.map((e) => [e.code, e]));

const oneLine = (text: string) => text.endsWith('\n') && !text.slice(0, -1).includes('\n');

describe('tongban code explain', () => {
  it('exits 0 for valid basic and implementation codes and names each segment', async () => {
    const result = await tongban(['code', 'explain', '000100001000', '11440232MB2D06811W4000117051000']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    // Each code says which profile read it (auto: national for these).
    expect(result.stdout).toContain('000100001000  basic code  (national profile)\n');
    expect(result.stdout).toContain('11440232MB2D06811W4000117051000  implementation code  (national profile)\n');
    expect(result.stdout).toMatch(/✔ {2}main item number +5 +00001 +main item no\. 1\n/);
    expect(result.stdout.match(/ {2}✔ valid code\n/g)).toHaveLength(2);
    expect(result.stdout).not.toContain('✖');
  });

  it('exits 1 when any code is wrong, saying which segment breaks which pattern', async () => {
    const result = await tongban(['code', 'explain', '000100001000', '0001000O1000']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '  ✖ basic code "0001000O1000": segment main item number "000O1" at position 5 is invalid (must match [0-9]{5})\n',
    );
    // The right code is still explained as valid.
    expect(result.stdout).toContain('  ✔ valid code\n');
  });

  it('exits 1 for full-width or lower-case input and suggests the corrected code', async () => {
    const result = await tongban(['code', 'explain', '０００１００００３００ｙ']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('did you mean "00010000300Y"?');
  });

  it('-f json parses, with report "explain", version 1, and a verdict per code', async () => {
    const result = await tongban(['code', 'explain', '00010000300Y', '0001000O1000', '-f', 'json']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ report: 'explain', version: 1, tool: { name: 'tongban' } });
    expect(json.codes.map((c: { code: string; valid: boolean }) => [c.code, c.valid])).toEqual([
      ['00010000300Y', true],
      ['0001000O1000', false],
    ]);
    expect(json.codes[1].problem.code).toBe('code/basic-segment');
    expect(json.codes[1].segments.find((s: { name: string }) => s.name === 'main')).toMatchObject({
      value: '000O1',
      ok: false,
    });
  });

  it('-o writes the report to a file and nothing to stdout; the exit code is unchanged', async () => {
    const dir = samples();
    const result = await tongban(['code', 'explain', '0001000O1000', '-f', 'json', '-o', 'out/explain.json'], {
      cwd: dir,
    });
    expect(result).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(JSON.parse(read(dir, 'out/explain.json'))).toMatchObject({
      report: 'explain',
      version: 1,
      codes: [{ code: '0001000O1000', valid: false }],
    });
  });

  it('speaks Chinese with --lang zh-CN and by locale', async () => {
    const zh = await tongban(['code', 'explain', '000100001000', '--lang', 'zh-CN']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('000100001000  基本编码  （全国方案）\n');
    expect(zh.stdout).toContain('国家基本目录');
    expect(zh.stdout).toContain('✔ 编码有效');
    const byLocale = await tongban(['code', 'explain', '0001000O1000'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(byLocale.code).toBe(1);
    expect(byLocale.stdout).toContain('“主项序号”段“000O1”不正确');
  });

  it('exits 2 with one line for a profile file that does not exist, and for no codes at all', async () => {
    const dir = samples();
    expect(await tongban(['code', 'explain', '000100001000', '--profile', 'nope.yaml'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: profile file not found: nope.yaml\n',
    });
    expect(await tongban(['code', 'explain'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: missing required argument 'codes'\n",
    });
  });
});

describe('tongban code assign', () => {
  it('--dry-run prints the plan and writes nothing, not a byte', async () => {
    const dir = samples();
    write(dir, 'national/items/new.yaml', newItem('新事项'));
    const before = snapshot(dir);
    const result = await tongban(['code', 'assign', 'national', '--dry-run'], { cwd: dir });
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'national: 1 code to assign, 0 existing codes to record\n' +
        '  + items/new.yaml  000100006000\n' +
        '    file renamed to items/000100006000.yaml\n' +
        'this is the plan (--dry-run); nothing was written\n',
    });
    expect(snapshot(dir)).toEqual(before);
  });

  it('-n -f json: a plan report (version 1) with the assignment and the ledger it would write', async () => {
    const dir = samples();
    write(dir, 'national/items/new.yaml', newItem('新事项'));
    const before = snapshot(dir);
    const result = await tongban(['code', 'assign', 'national', '-n', '-f', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ report: 'plan', version: 1, dryRun: true, applied: false, diagnostics: [] });
    expect(json.plans).toHaveLength(1);
    expect(json.plans[0]).toMatchObject({
      catalog: 'national',
      assignments: [{ file: 'items/new.yaml', code: '000100006000', rename: 'items/000100006000.yaml' }],
      adopted: [],
    });
    expect(json.plans[0].ledger.entries.map((e: LedgerEntry) => e.code)).toContain('000100006000');
    expect(snapshot(dir)).toEqual(before);
  });

  it('writes the code into the item and the ledger, changing nothing else, and a second run changes nothing', async () => {
    const dir = samples();
    const original = newItem('新事项');
    write(dir, 'national/items/new.yaml', original);
    const before = snapshot(dir);
    const ledgerBefore = read(dir, 'national/ledger.yaml');

    const result = await tongban(['code', 'assign', 'national'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/\+ items\/new\.yaml {2}000100006000\n[\s\S]*✔ written\n$/);

    // The file is renamed after its code (the catalog's convention) and only the code line is new.
    expect(existsSync(path.join(dir, 'national/items/new.yaml'))).toBe(false);
    expect(read(dir, 'national/items/000100006000.yaml')).toBe(
      original.replace('name:', 'code: "000100006000"\nname:'),
    );
    // The ledger keeps every byte (comments included) and gains one entry.
    const ledgerAfter = read(dir, 'national/ledger.yaml');
    expect(ledgerAfter.startsWith(ledgerBefore)).toBe(true);
    expect(ledgerAfter.slice(ledgerBefore.length)).toMatch(
      /^ {2}- code: "000100006000"\n {4}state: "active"\n {4}file: "items\/000100006000\.yaml"\n {4}issued: "\d{4}-\d{2}-\d{2}"\n$/,
    );
    // No other file changed.
    const after = snapshot(dir);
    expect(without(after, 'national/items/000100006000.yaml', 'national/ledger.yaml')).toEqual(
      without(before, 'national/items/new.yaml', 'national/ledger.yaml'),
    );

    const again = await tongban(['code', 'assign', 'national'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('national: 0 codes to assign, 0 existing codes to record\n✔ nothing to change\n');
    expect(snapshot(dir)).toEqual(after);
    expect(await tongban(['code', 'check', '.'], { cwd: dir })).toMatchObject({ code: 0 });
  });

  it('-o writes the plan to a file (stdout stays empty) while the codes are written', async () => {
    const dir = samples();
    write(dir, 'national/items/new.yaml', newItem('新事项'));
    const result = await tongban(['code', 'assign', 'national', '-f', 'json', '-o', 'plan.json'], { cwd: dir });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(read(dir, 'plan.json'))).toMatchObject({ report: 'plan', version: 1, applied: true });
    expect(read(dir, 'national/items/000100006000.yaml')).toContain('code: "000100006000"\n');
  });

  it('exits 1 and writes nothing when an item has a type the profile has no type code for', async () => {
    const dir = samples();
    // A profile like the national one, without a type code for 公共服务.
    const profile = readFileSync(path.join(ROOT, 'schemas/profiles/national.yaml'), 'utf8')
      .replace(/^id: national$/m, 'id: no-public')
      .replace(/^ {2}公共服务: .*\n/m, '');
    expect(profile).not.toContain('公共服务:');
    write(dir, 'national/profile.yaml', profile);
    write(dir, 'national/catalog.yaml', read(dir, 'national/catalog.yaml') + 'profile: profile.yaml\n');
    write(dir, 'national/items/service.yaml', newItem('新服务', '公共服务'));
    write(dir, 'national/items/licence.yaml', newItem('新许可'));
    const before = snapshot(dir);

    const result = await tongban(['code', 'assign', 'national'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'national/items/service.yaml:3:7  profile no-public has no type code for "公共服务"  assign/type-unknown\n',
    );
    expect(result.stdout).not.toContain('✔');
    // Not even the item that could be coded: nothing of a catalog is written while its plan has a problem.
    expect(snapshot(dir)).toEqual(before);

    const json = JSON.parse((await tongban(['code', 'assign', 'national', '-f', 'json'], { cwd: dir })).stdout);
    expect(json).toMatchObject({ report: 'plan', version: 1, applied: false });
    expect(json.diagnostics.map((d: { code: string; file: string }) => [d.code, d.file])).toEqual([
      ['assign/type-unknown', 'national/items/service.yaml'],
    ]);
  });

  it('exits 1 with item/invalid for an item whose coding element has the wrong shape, and writes nothing', async () => {
    const dir = samples();
    write(dir, 'national/items/new.yaml', newItem('新事项'));
    write(dir, 'national/items/bad.yaml', 'name: 坏事项\ntype: 行政许可\nlevels: 市级\n');
    const before = snapshot(dir);
    const result = await tongban(['code', 'assign', 'national', '-f', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ report: 'plan', version: 1, dryRun: false, applied: false });
    expect(json.diagnostics).toHaveLength(1);
    expect(json.diagnostics[0]).toMatchObject({ code: 'item/invalid', file: 'national/items/bad.yaml', line: 1 });
    expect(snapshot(dir)).toEqual(before);

    const stylish = await tongban(['code', 'assign', 'national', '--lang', 'zh-CN'], { cwd: dir });
    expect(stylish.code).toBe(1);
    // levels is a list; the elements this basic item lacks (a real list lacks many) do not stop coding.
    expect(stylish.stdout).toContain('national/items/bad.yaml:1:1  事项未通过 Schema 校验（1 个问题），已略过');
    expect(snapshot(dir)).toEqual(before);
  });

  it('records an existing code in the ledger only when it is a code: "ABC-123" is refused, nothing written', async () => {
    const dir = samples();
    const file = 'shenzhen/items/000100001000.yaml';
    write(dir, file, read(dir, file).replace(/^code: .*$/m, 'code: "ABC-123"'));
    rmSync(path.join(dir, 'shenzhen', 'ledger.yaml'));
    const before = snapshot(dir);
    const result = await tongban(['code', 'assign', 'shenzhen', '-f', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.diagnostics).toEqual([
      expect.objectContaining({ code: 'assign/code-malformed', file: `${file}`, line: expect.any(Number) }),
    ]);
    expect(snapshot(dir)).toEqual(before);
  });

  it('speaks Chinese with --lang zh-CN', async () => {
    const dir = samples();
    write(dir, 'national/items/new.yaml', newItem('新事项'));
    const result = await tongban(['code', 'assign', 'national', '--dry-run', '--lang', 'zh-CN'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'national：赋码 1 个，补记台账 0 个\n' +
        '  + items/new.yaml  000100006000\n' +
        '    文件改名为 items/000100006000.yaml\n' +
        '以上为计划（--dry-run），未写入任何文件\n',
    );
  });

  it('exits 2 for a path that does not exist', async () => {
    const dir = samples();
    expect(await tongban(['code', 'assign', 'nowhere'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: path does not exist: nowhere\n',
    });
  });

  it('codes an item file that starts with a UTF-8 byte order mark', async () => {
    const dir = samples();
    const body = 'name: 新事项\ntype: 行政许可\nlevels: [市级]\nbasis:\n  - law: 《某法》\n';
    write(dir, 'national/items/new.yaml', '\uFEFF' + body);
    expect((await tongban(['validate', 'national/items/new.yaml'], { cwd: dir })).code).toBe(0);
    const result = await tongban(['code', 'assign', 'national'], { cwd: dir });
    expect(result.stdout).not.toContain('edit/not-block-mapping');
    expect(result.code).toBe(0);
    expect(read(dir, 'national/items/000100006000.yaml')).toBe('\uFEFFcode: "000100006000"\n' + body);
  });

  it('keeps CRLF line endings in the line it inserts', async () => {
    const dir = samples();
    const original = newItem('新事项').replace(/\n/g, '\r\n');
    write(dir, 'national/items/new.yaml', original);
    const result = await tongban(['code', 'assign', 'national'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(read(dir, 'national/items/000100006000.yaml')).toBe(
      original.replace('name:', 'code: "000100006000"\r\nname:'),
    );
  });

  it('leaves the ledger and the items agreeing after a successful assign', async () => {
    const dir = samples();
    write(
      dir,
      'national/items/000100002000.yaml',
      read(dir, 'national/items/000100002000.yaml').replace(/^code: .*\n/m, ''),
    );
    const assigned = await tongban(['code', 'assign', 'national'], { cwd: dir });
    expect(assigned.code).toBe(0);
    const check = await tongban(['code', 'check', 'national'], { cwd: dir });
    expect(check.stdout).not.toContain('ledger/vanished');
    expect(check.code).toBe(0);
  });
});

describe('tongban code retire', () => {
  it('retires a code: the ledger records it, the item is marked 取消 and otherwise kept byte for byte', async () => {
    const dir = samples();
    const file = 'national/items/000100004000.yaml';
    const original = read(dir, file);
    const result = await tongban(['code', 'retire', 'national', '000100004000'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('  - 000100004000  retired\n');
    expect(result.stdout).toMatch(/✔ written\n$/);

    const item = read(dir, file);
    const data = parse(item) as { status: string; cancelDate: string; code: string };
    expect(data).toMatchObject({ status: '取消', code: '000100004000' });
    expect(data.cancelDate).toMatch(DATE);
    expect(item.replace(/^(status|cancelDate): .*\n/gm, '')).toBe(original);

    const entry = ledgerOf(dir).get('000100004000');
    expect(entry).toMatchObject({ state: 'retired', reason: '取消', retired: data.cancelDate });
    expect(await tongban(['code', 'check', 'national'], { cwd: dir })).toMatchObject({ code: 0 });
  });

  it("replaces an implementation item's status in place and records --reason", async () => {
    const dir = samples();
    const file = 'shenzhen/items/000100001000.yaml';
    const original = read(dir, file);
    expect(original).toContain('\nstatus: 在用\n');
    const code = '1144030009719080703000100001000';
    const result = await tongban(['code', 'retire', 'shenzhen', code, '--reason', '撤销'], { cwd: dir });
    expect(result.code).toBe(0);
    const item = read(dir, file);
    expect(item).toContain('\nstatus: "取消"\n');
    expect(item.replace(/^cancelDate: .*\n/m, '')).toBe(original.replace('status: 在用', 'status: "取消"'));
    expect(ledgerOf(dir, 'shenzhen').get(code)).toMatchObject({ state: 'retired', reason: '撤销' });
  });

  it('--dry-run reports the plan (JSON too) and writes nothing', async () => {
    const dir = samples();
    const before = snapshot(dir);
    const stylish = await tongban(['code', 'retire', 'national', '000100004000', '--dry-run'], { cwd: dir });
    expect(stylish.code).toBe(0);
    expect(stylish.stdout).toContain('this is the plan (--dry-run); nothing was written\n');
    const json = await tongban(['code', 'retire', 'national', '000100004000', '-n', '-f', 'json'], { cwd: dir });
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ report: 'plan', version: 1, dryRun: true, applied: false });
    expect(report.plans[0].ledger.entries.find((e: LedgerEntry) => e.code === '000100004000')).toMatchObject({
      state: 'retired',
      reason: '取消',
    });
    expect(snapshot(dir)).toEqual(before);
  });

  it('exits 1 for a code retired already, or one the ledger does not know, and writes nothing', async () => {
    const dir = samples();
    expect((await tongban(['code', 'retire', 'national', '000100004000'], { cwd: dir })).code).toBe(0);
    const before = snapshot(dir);
    const twice = await tongban(['code', 'retire', 'national', '000100004000'], { cwd: dir });
    expect(twice.code).toBe(1);
    expect(twice.stdout).toMatch(
      /national\/ledger\.yaml\S* {2}code "000100004000" was retired on [\d-]+; .*lifecycle\/already-retired\n/,
    );
    const unknown = await tongban(['code', 'retire', 'national', '000199999000'], { cwd: dir });
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('the ledger has no code "000199999000"  lifecycle/unknown-code');
    expect(snapshot(dir)).toEqual(before);
  });

  it('exits 2 with one line for --into, and for a path holding several catalogs', async () => {
    const dir = samples();
    write(dir, 'national/items/new.yaml', newItem('新事项'));
    const before = snapshot(dir);
    expect(
      await tongban(['code', 'retire', 'national', '000100004000', '--into', 'national/items/new.yaml'], { cwd: dir }),
    ).toEqual({ code: 2, stdout: '', stderr: 'error: retire takes one or more codes and no --into\n' });
    expect(await tongban(['code', 'retire', '.', '000100004000'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: name exactly one catalog: .\n',
    });
    const zh = await tongban(
      ['code', 'retire', 'national', '000100004000', '--into', 'national/items/new.yaml', '--lang', 'zh-CN'],
      { cwd: dir },
    );
    expect(zh).toEqual({ code: 2, stdout: '', stderr: '错误：注销需要一个或多个编码，不接受 --into\n' });
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('tongban code merge and split', () => {
  it('merge --into one file: the new item gets a code, the old ones are cancelled, lineage both ways', async () => {
    const dir = samples();
    write(dir, 'national/items/merged.yaml', newItem('合并后的事项'));
    const result = await tongban(
      ['code', 'merge', 'national', '000100004000', '000100005000', '--into', 'national/items/merged.yaml'],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  + items/merged.yaml  000100006000\n');
    expect(result.stdout).toContain('  - 000100004000  retired, replaced by 000100006000\n');
    expect(result.stdout).toContain('  - 000100005000  retired, replaced by 000100006000\n');
    expect(read(dir, 'national/items/000100006000.yaml')).toBe(
      newItem('合并后的事项').replace('name:', 'code: "000100006000"\nname:'),
    );
    for (const old of ['000100004000', '000100005000'])
      expect(parse(read(dir, `national/items/${old}.yaml`))).toMatchObject({ status: '取消', code: old });
    const ledger = ledgerOf(dir);
    expect(ledger.get('000100006000')).toMatchObject({
      state: 'active',
      file: 'items/000100006000.yaml',
      replaces: ['000100004000', '000100005000'],
    });
    expect(ledger.get('000100004000')).toMatchObject({
      state: 'retired',
      reason: '合并',
      replacedBy: ['000100006000'],
    });
    expect(ledger.get('000100005000')).toMatchObject({
      state: 'retired',
      reason: '合并',
      replacedBy: ['000100006000'],
    });
    expect(await tongban(['code', 'check', 'national'], { cwd: dir })).toMatchObject({ code: 0 });
  });

  it('split --into a b: each new item gets a code, the old one is cancelled, lineage both ways', async () => {
    const dir = samples();
    write(dir, 'national/items/part-a.yaml', newItem('拆分甲'));
    write(dir, 'national/items/part-b.yaml', newItem('拆分乙'));
    const result = await tongban(
      [
        'code',
        'split',
        'national',
        '000100001000',
        '--into',
        'national/items/part-a.yaml',
        'national/items/part-b.yaml',
        '-f',
        'json',
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ report: 'plan', version: 1, dryRun: false, applied: true, diagnostics: [] });
    expect(json.plans[0].assignments.map((a: { file: string; code: string }) => [a.file, a.code])).toEqual([
      ['items/part-a.yaml', '000100006000'],
      ['items/part-b.yaml', '000100007000'],
    ]);
    expect(parse(read(dir, 'national/items/000100006000.yaml'))).toMatchObject({
      code: '000100006000',
      name: '拆分甲',
    });
    expect(parse(read(dir, 'national/items/000100007000.yaml'))).toMatchObject({
      code: '000100007000',
      name: '拆分乙',
    });
    expect(parse(read(dir, 'national/items/000100001000.yaml'))).toMatchObject({ status: '取消' });
    const ledger = ledgerOf(dir);
    expect(ledger.get('000100001000')).toMatchObject({
      state: 'retired',
      reason: '拆分',
      replacedBy: ['000100006000', '000100007000'],
    });
    expect(ledger.get('000100006000')).toMatchObject({ state: 'active', replaces: ['000100001000'] });
    expect(ledger.get('000100007000')).toMatchObject({ state: 'active', replaces: ['000100001000'] });
  });

  it('merge and split --dry-run write nothing', async () => {
    const dir = samples();
    write(dir, 'national/items/a.yaml', newItem('甲'));
    write(dir, 'national/items/b.yaml', newItem('乙'));
    const before = snapshot(dir);
    const merge = await tongban(
      ['code', 'merge', 'national', '000100004000', '000100005000', '--into', 'national/items/a.yaml', '-n'],
      { cwd: dir },
    );
    expect(merge.code).toBe(0);
    expect(merge.stdout).toContain('  + items/a.yaml  000100006000\n');
    const split = await tongban(
      ['code', 'split', 'national', '000100004000', '--into', 'national/items/a.yaml', 'national/items/b.yaml', '-n'],
      { cwd: dir },
    );
    expect(split.code).toBe(0);
    expect(split.stdout).toContain('nothing was written');
    expect(snapshot(dir)).toEqual(before);
  });

  it('exits 1 when the --into item already has a code', async () => {
    const dir = samples();
    const before = snapshot(dir);
    const result = await tongban(
      ['code', 'merge', 'national', '000100004000', '000100005000', '--into', 'national/items/000100001000.yaml'],
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('the item already has code "000100001000"');
    expect(result.stdout).toContain('lifecycle/target-coded');
    expect(snapshot(dir)).toEqual(before);
  });

  it.each([
    [
      'merge with two --into files',
      ['merge', 'national', '000100004000', '000100005000', '--into', 'a.yaml', 'b.yaml'],
    ],
    [
      'merge with --into twice',
      ['merge', 'national', '000100004000', '000100005000', '--into', 'a.yaml', '--into', 'b.yaml'],
    ],
    ['merge with one code', ['merge', 'national', '000100004000', '--into', 'a.yaml']],
    ['merge without --into', ['merge', 'national', '000100004000', '000100005000']],
  ])('exits 2 with a one-line message: %s', async (_, args) => {
    const dir = samples();
    const before = snapshot(dir);
    expect(await tongban(['code', ...args], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: merge takes two or more different codes and one --into item file\n',
    });
    expect(snapshot(dir)).toEqual(before);
  });

  it.each([
    ['split with two codes', ['split', 'national', '000100004000', '000100005000', '--into', 'a.yaml', 'b.yaml']],
    ['split with one --into file', ['split', 'national', '000100004000', '--into', 'a.yaml']],
  ])('exits 2 with a one-line message: %s', async (_, args) => {
    const dir = samples();
    const before = snapshot(dir);
    const result = await tongban(['code', ...args], { cwd: dir });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: split takes one code and two or more different --into item files\n',
    });
    expect(oneLine(result.stderr)).toBe(true);
    expect(snapshot(dir)).toEqual(before);
  });

  it('the arity messages are in Chinese with --lang zh-CN', async () => {
    const dir = samples();
    expect(
      await tongban(['code', 'merge', 'national', '000100004000', '--into', 'a.yaml', '--lang', 'zh-CN'], { cwd: dir }),
    ).toEqual({ code: 2, stdout: '', stderr: '错误：合并需要至少两个不同的编码和一个 --into 事项文件\n' });
    expect(
      await tongban(['code', 'split', 'national', '000100004000', '--into', 'a.yaml', '--lang', 'zh-CN'], { cwd: dir }),
    ).toEqual({ code: 2, stdout: '', stderr: '错误：拆分需要一个编码和至少两个不同的 --into 事项文件\n' });
  });

  it('refuses a split into the same file twice, and a merge of a code with itself', async () => {
    const splitDir = samples();
    write(splitDir, 'national/items/a.yaml', newItem('甲'));
    const splitBefore = snapshot(splitDir);
    const split = await tongban(
      ['code', 'split', 'national', '000100004000', '--into', 'national/items/a.yaml', 'national/items/a.yaml'],
      { cwd: splitDir },
    );
    const mergeDir = samples();
    write(mergeDir, 'national/items/a.yaml', newItem('甲'));
    const mergeBefore = snapshot(mergeDir);
    const merge = await tongban(
      ['code', 'merge', 'national', '000100004000', '000100004000', '--into', 'national/items/a.yaml'],
      { cwd: mergeDir },
    );
    expect([split.code, merge.code]).toEqual([2, 2]);
    expect(split.stderr).toBe('error: split takes one code and two or more different --into item files\n');
    expect(merge.stderr).toBe('error: merge takes two or more different codes and one --into item file\n');
    expect(snapshot(splitDir)).toEqual(splitBefore);
    expect(snapshot(mergeDir)).toEqual(mergeBefore);
  });

  it('names an --into file outside the catalog by a normalised path', async () => {
    const dir = samples();
    write(dir, 'elsewhere.yaml', newItem('别处'));
    const result = await tongban(
      ['code', 'merge', 'national', '000100004000', '000100005000', '--into', 'elsewhere.yaml'],
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('lifecycle/target-missing');
    expect(result.stdout).not.toContain('/../');
  });
});

describe('tongban code check', () => {
  it('passes the bundled samples with exit 0', async () => {
    const result = await tongban(['code', 'check', 'catalogs']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^✔ 4 catalogs, \d+ items checked: no problems\n$/);
    expect(result.code).toBe(0);
  });

  it('exits 1 for a duplicate code, located at the later file', async () => {
    const dir = samples();
    write(dir, 'national/items/copy.yaml', read(dir, 'national/items/000100001000.yaml'));
    const result = await tongban(['code', 'check', '.'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'national/items/copy.yaml\n  2:7  error  code "000100001000" is already used by national/items/000100001000.yaml  code/duplicate\n',
    );
    expect(result.stdout).toContain('✖ 1 problem (1 error, 0 warnings, 0 infos)');
  });

  it('exits 1 for ledger problems: a vanished file, an unrecorded code, a retired code in use', async () => {
    const dir = samples();
    rmSync(path.join(dir, 'national/items/000100002000.yaml'));
    write(
      dir,
      'national/items/000100004000.yaml',
      read(dir, 'national/items/000100004000.yaml').replace('code: "000100004000"', 'code: "000100009000"'),
    );
    write(
      dir,
      'national/ledger.yaml',
      read(dir, 'national/ledger.yaml').replace(
        /( {2}- code: "000100001000"\n) {4}state: "active"\n/,
        '$1    state: "retired"\n    retired: "2026-01-01"\n',
      ),
    );
    const result = await tongban(['code', 'check', 'national', '-f', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ report: 'validate', version: 1 });
    const found = json.diagnostics.map((d: { code: string; file: string }) => `${d.code} ${d.file}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'ledger/vanished national/ledger.yaml',
        'ledger/unrecorded national/items/000100004000.yaml',
        'ledger/retired-in-use national/items/000100001000.yaml',
      ]),
    );
    expect(found.every((f: string) => f.startsWith('ledger/'))).toBe(true);
  });

  it('reports ledger findings at file:line:col, in Chinese with --lang zh-CN', async () => {
    const dir = samples();
    rmSync(path.join(dir, 'national/items/000100002000.yaml'));
    const result = await tongban(['code', 'check', 'national', '--lang', 'zh-CN'], { cwd: dir });
    expect(result.code).toBe(1);
    const line = read(dir, 'national/ledger.yaml').split('\n').indexOf('    file: "items/000100002000.yaml"') + 1;
    expect(line).toBeGreaterThan(0);
    expect(result.stdout).toContain(
      `national/ledger.yaml\n  ${line}:11  错误  在用编码“000100002000”的事项文件 items/000100002000.yaml 已不存在，且编码未注销  ledger/vanished\n`,
    );
    expect(result.stdout).toContain('1 个问题（1 个错误');
  });

  it('leaves out findings that are not about codes', async () => {
    const dir = samples();
    // A promised time limit over the statutory one: an error for validate, none of code check's business.
    const file = 'wuhou/items/000100001000.yaml';
    write(dir, file, read(dir, file).replace('value: 10\n', 'value: 30\n'));
    expect((await tongban(['validate', '.'], { cwd: dir })).code).toBe(1);
    const result = await tongban(['code', 'check', '.'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/no problems\n$/);
  });

  it('-o writes the report to a file', async () => {
    const dir = samples();
    write(dir, 'national/items/copy.yaml', read(dir, 'national/items/000100001000.yaml'));
    const result = await tongban(['code', 'check', '.', '-f', 'sarif', '-o', 'code.sarif'], { cwd: dir });
    expect(result).toEqual({ code: 1, stdout: '', stderr: '' });
    const sarif = JSON.parse(read(dir, 'code.sarif'));
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['code/duplicate']);
  });
});

describe('tongban code: usage', () => {
  it('exits 2 for an unknown subcommand or option, with one line on stderr', async () => {
    // In a copy, so that nothing could be written to the repository's samples even if an option were taken.
    const dir = samples();
    const before = snapshot(dir);
    expect(await tongban(['code', 'frobnicate'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: unknown command 'frobnicate'\n",
    });
    for (const sub of ['explain', 'assign', 'retire', 'merge', 'split', 'check']) {
      const result = await tongban(['code', sub, '--frobnicate'], { cwd: dir });
      expect(result.code, sub).toBe(2);
      expect(result.stderr, sub).toBe("error: unknown option '--frobnicate'\n");
      expect(result.stdout, sub).toBe('');
    }
    expect((await tongban(['code', 'assign', '--format', 'sarif'], { cwd: dir })).code).toBe(2);
    expect((await tongban(['code', 'explain', '000100001000', '--lang', 'fr'], { cwd: dir })).code).toBe(2);
    expect(snapshot(dir)).toEqual(before);
  });

  it('prints help for code and its subcommands with exit 0, in Chinese too', async () => {
    const help = await tongban(['code', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: tongban code [options] [command]');
    for (const sub of ['explain', 'assign', 'retire', 'merge', 'split', 'check'])
      expect(help.stdout).toContain(`  ${sub} `);
    const zh = await tongban(['code', 'assign', '--help', '--lang', 'zh-CN']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('用法：tongban code assign');
    expect(zh.stdout).toContain('只显示计划，不写入任何文件');
  });

  it('exits 2 for `tongban code` without a subcommand', async () => {
    const result = await tongban(['code']);
    expect(result.stderr).toContain('Usage: tongban code');
    expect(result.code).toBe(2);
  });
});
