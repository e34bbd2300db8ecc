/** Unified codes: explain, assign (plan → apply, never reuse, formatting kept), lifecycle, lock, check. */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { explainCode } from '../src/core/codes/explain.js';
import { assignAt, mergeAt, retireAt, splitAt, validateAt } from './helpers/api.js';
import { loadBuiltinProfile, loadRegions } from '../src/io/reference-files.js';
import { withCatalogLock } from '../src/io/lock.js';
import { setTopLevelString } from '../src/io/yaml-edit.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BASE = path.join(ROOT, 'test', 'fixtures', 'validate', 'base');
const national = loadBuiltinProfile('national');
const regions = loadRegions();
const TODAY = '2026-11-21';

function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-codes-'));
  cpSync(BASE, root, { recursive: true });
  return root;
}

const write = (root: string, file: string, text: string) => writeFileSync(path.join(root, file), text);
const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');
const ledgerOf = (root: string, catalog = 'basic') =>
  parse(read(root, `${catalog}/ledger.yaml`)) as {
    entries: { code: string; state: string; file?: string; replaces?: string[]; replacedBy?: string[] }[];
  };
const newItem = (name: string, extra = '') =>
  `# 待赋码\nname: ${name}  # 名称以基本目录为准\ntype: 行政许可\nlevels: [市级]\n${extra}basis:\n  - law: 《某法》\n`;

describe('code explain', () => {
  it('names every segment of basic and implementation codes', () => {
    const basic = explainCode('00010000300Y', national, regions);
    expect(basic.problem).toBeUndefined();
    expect(basic.parts.map((p) => [p.name, p.value, p.meaning.code])).toEqual([
      ['origin', '00', 'explain.origin-national'],
      ['type', '01', 'explain.type'],
      ['main', '00003', 'explain.main'],
      ['sub', '00Y', 'explain.sub-parent'],
    ]);
    const implementation = explainCode('11440232MB2D06811W4000117051000', national, regions);
    expect(implementation.kind).toBe('implementation');
    expect(implementation.parts[0]?.meaning.args).toEqual({ category: '机关', region: '广东省 韶关市 乳源瑶族自治县' });
    expect(implementation.parts[1]?.meaning.args).toEqual({ level: '县级' });
  });

  it('says which segment is wrong and why', () => {
    expect(explainCode('0001000O1000', national, regions).problem).toEqual({
      code: 'code/basic-segment',
      args: { value: '0001000O1000', segment: '主项序号', segmentValue: '000O1', position: 5, pattern: '[0-9]{5}' },
    });
    // The same words validate uses: the segment, and for a check character which character and what it should be.
    expect(explainCode('11440232MB2D06811X4000117051000', national, regions).problem).toMatchObject({
      code: 'code/impl-agency-check',
      args: { position: 18, expected: 'W', actual: 'X' },
    });
    expect(explainCode('11440232MB2D06811W9000117051000', national, regions).problem).toMatchObject({
      code: 'code/impl-segment',
      args: { segment: '层级码', segmentValue: '9', position: 19 },
    });
    expect(explainCode('1234', national, regions).problem?.code).toBe('explain.length');
  });

  it('suggests the fix for full-width digits and lower case', () => {
    expect(explainCode('０００１００００３００ｙ', national, regions).problem).toEqual({
      code: 'code/not-normalised',
      args: { value: '０００１００００３００ｙ', suggestion: '00010000300Y' },
    });
  });
});

describe('code assign', () => {
  it('numbers after the highest code ever issued, retired ones included, and marks a new main item with sub-items', async () => {
    const root = project();
    write(
      root,
      'basic/ledger.yaml',
      `version: 1\nentries:\n  - { code: "000100009000", state: retired, issued: "2020-01-01", retired: "2021-01-01" }\n`,
    );
    write(root, 'basic/items/a-main.yaml', newItem('新主项'));
    write(root, 'basic/items/b-sub.yaml', newItem('新子项', 'parent: 新主项\n'));
    write(root, 'basic/items/c-other.yaml', newItem('另一事项'));
    const result = await assignAt(root, ['basic'], { today: TODAY });
    expect(result.diagnostics).toEqual([]);
    // The base catalog names item files after their codes, so new files are renamed the same way.
    expect(result.plans[0]?.plan.assignments).toEqual([
      { file: 'items/a-main.yaml', code: '00010001000Y', rename: 'items/00010001000Y.yaml' },
      { file: 'items/c-other.yaml', code: '000100011000', rename: 'items/000100011000.yaml' },
      { file: 'items/b-sub.yaml', code: '000100010001', parent: '00010001000Y', rename: 'items/000100010001.yaml' },
    ]);
    expect(parse(read(root, 'basic/items/000100010001.yaml'))).toMatchObject({
      code: '000100010001',
      parent: '00010001000Y',
    });
    const ledger = ledgerOf(root);
    expect(ledger.entries.map((e) => e.code)).toContain('000100002001');
    expect(new Set(ledger.entries.map((e) => e.code)).size).toBe(ledger.entries.length);
  });

  it('changes nothing but the inserted line, and a second run changes nothing at all', async () => {
    const root = project();
    const original = newItem('新主项');
    write(root, 'basic/items/a-main.yaml', original);
    await assignAt(root, ['basic'], { today: TODAY });
    const after = read(root, 'basic/items/000100003000.yaml');
    expect(after).toBe(original.replace('name:', 'code: "000100003000"\nname:'));
    const snapshot =
      readdirSync(path.join(root, 'basic/items'))
        .map((f) => read(root, `basic/items/${f}`))
        .join('\0') + read(root, 'basic/ledger.yaml');
    const again = await assignAt(root, ['basic'], { today: '2027-01-01' });
    expect(again.applied).toBe(false);
    expect(
      readdirSync(path.join(root, 'basic/items'))
        .map((f) => read(root, `basic/items/${f}`))
        .join('\0') + read(root, 'basic/ledger.yaml'),
    ).toBe(snapshot);
  });

  it('composes implementation codes, with handling-item suffixes, and renames code-named files', async () => {
    const root = project();
    const item = read(root, 'impl/items/000100001000.yaml');
    rmSync(path.join(root, 'impl/items/000100001000.yaml'));
    write(
      root,
      'impl/items/new.yaml',
      item
        .replace(/^code: .*\n/m, '')
        .replace('basicCode: "000100001000"', 'basicCode: "000100001000"\nhandlingItem: 变更'),
    );
    const result = await assignAt(root, ['impl'], { today: TODAY });
    expect(result.diagnostics).toEqual([]);
    // The folder's only other item was removed, so nothing shows the code-named convention here.
    expect(result.plans[0]?.plan.assignments).toEqual([
      { file: 'items/new.yaml', code: '114403000971908070300010000100001' },
    ]);
  });

  it('refuses to reissue a retired implementation code', async () => {
    const root = project();
    write(
      root,
      'impl/ledger.yaml',
      `version: 1\nentries:\n  - { code: "1144030009719080703000100001000", state: retired, issued: "2020-01-01", retired: "2024-06-30" }\n`,
    );
    write(root, 'impl/items/000100001000.yaml', read(root, 'impl/items/000100001000.yaml').replace(/^code: .*\n/m, ''));
    const result = await assignAt(root, ['impl'], { today: TODAY });
    expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['assign/impl-retired', 'impl/items/000100001000.yaml'],
    ]);
    expect(
      existsSync(path.join(root, 'impl/items/000100001000.yaml')) && read(root, 'impl/items/000100001000.yaml'),
    ).not.toContain('code:');
  });

  it('an exhausted sequence is a clear error and nothing is written', async () => {
    const root = project();
    write(
      root,
      'basic/ledger.yaml',
      `version: 1\nentries:\n  - { code: "000199999000", state: retired, issued: "2020-01-01", retired: "2021-01-01" }\n`,
    );
    write(root, 'basic/items/a-main.yaml', newItem('新主项'));
    const before = read(root, 'basic/ledger.yaml');
    const result = await assignAt(root, ['basic'], { today: TODAY });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['assign/exhausted']);
    expect(read(root, 'basic/ledger.yaml')).toBe(before);
    expect(read(root, 'basic/items/a-main.yaml')).toBe(newItem('新主项'));
  });

  it('refuses an edit it cannot make safely, with the location', async () => {
    const root = project();
    write(root, 'basic/items/a-main.yaml', newItem('新主项'));
    write(
      root,
      'basic/items/b-sub.yaml',
      'description: &main 新主项\nname: 新子项\nparent: *main\ntype: 行政许可\nlevels: [市级]\nbasis:\n  - law: 《某法》\n',
    );
    const result = await assignAt(root, ['basic'], { today: TODAY });
    expect(result.diagnostics.map((d) => [d.code, d.file, d.range?.start.line, d.range?.start.column])).toEqual([
      ['edit/not-plain-scalar', 'basic/items/b-sub.yaml', 3, 9],
    ]);
    // Nothing was written: not the other item, not the ledger, no rename.
    expect(read(root, 'basic/items/a-main.yaml')).toBe(newItem('新主项'));
    expect(existsSync(path.join(root, 'basic/ledger.yaml'))).toBe(false);
    expect(result.applied).toBe(false);
    expect(setTopLevelString('{name: x}\n', 'code', '1')).toMatchObject({
      refused: { code: 'edit/not-block-mapping' },
    });
  });

  it('a hand-broken ledger is reported where it is broken, and nothing is written', async () => {
    const root = project();
    write(
      root,
      'basic/ledger.yaml',
      `version: 1\nentries:\n  - { code: "000100001000", state: active, issued: "2020-01-01" }\n  - { code: "000100001000", state: retired, issued: "2020-01-01" }\n`,
    );
    write(root, 'basic/items/a-main.yaml', newItem('新主项'));
    const result = await assignAt(root, ['basic'], { today: TODAY });
    expect(result.diagnostics.map((d) => [d.code, d.range?.start.line])).toEqual([
      ['ledger/duplicate', 4],
      ['ledger/retired-undated', 4],
    ]);
    expect(read(root, 'basic/items/a-main.yaml')).not.toContain('code:');
  });
});

describe('code lifecycle', () => {
  it('retires a code for good: the item is cancelled, and a later new item does not get it back', async () => {
    const root = project();
    await assignAt(root, ['basic'], { today: TODAY });
    await retireAt(root, { catalog: 'basic', codes: ['000200001000'], today: TODAY });
    expect(parse(read(root, 'basic/items/000200001000.yaml'))).toMatchObject({ status: '取消', cancelDate: TODAY });
    rmSync(path.join(root, 'basic/items/000200001000.yaml'));
    write(root, 'basic/items/new.yaml', newItem('新处罚').replace('行政许可', '行政处罚'));
    const result = await assignAt(root, ['basic'], { today: TODAY });
    expect(result.plans[0]?.plan.assignments.map((a) => a.code)).toEqual(['000200002000']);
    const again = await retireAt(root, { catalog: 'basic', codes: ['000200001000'], today: TODAY });
    expect(again.diagnostics.map((d) => d.code)).toEqual(['lifecycle/already-retired']);
  });

  it('merge and split record lineage both ways', async () => {
    const root = project();
    await assignAt(root, ['basic'], { today: TODAY });
    write(root, 'basic/items/merged.yaml', newItem('合并后的事项'));
    await mergeAt(root, {
      catalog: 'basic',
      codes: ['000100001000', '000200001000'],
      into: 'basic/items/merged.yaml',
      today: TODAY,
    });
    let entries = new Map(ledgerOf(root).entries.map((e) => [e.code, e]));
    expect(entries.get('000100003000')).toMatchObject({ state: 'active', replaces: ['000100001000', '000200001000'] });
    expect(entries.get('000100001000')).toMatchObject({ state: 'retired', replacedBy: ['000100003000'] });
    write(root, 'basic/items/part-a.yaml', newItem('拆分甲'));
    write(root, 'basic/items/part-b.yaml', newItem('拆分乙'));
    await splitAt(root, {
      catalog: 'basic',
      code: '000100003000',
      into: ['basic/items/part-a.yaml', 'basic/items/part-b.yaml'],
      today: TODAY,
    });
    entries = new Map(ledgerOf(root).entries.map((e) => [e.code, e]));
    expect(entries.get('000100003000')).toMatchObject({
      state: 'retired',
      replacedBy: ['000100004000', '000100005000'],
    });
    expect(entries.get('000100005000')).toMatchObject({ replaces: ['000100003000'] });
    // The ledger and the items agree afterwards.
    const check = await validateAt(root, ['basic'], { config: false });
    expect(check.diagnostics.filter((d) => d.code.startsWith('ledger/'))).toEqual([]);
  });

  it('refuses a target that already has a code', async () => {
    const root = project();
    await assignAt(root, ['basic'], { today: TODAY });
    const result = await splitAt(root, {
      catalog: 'basic',
      code: '000100001000',
      into: ['basic/items/000200001000.yaml', 'basic/items/00010000200Y.yaml'],
      today: TODAY,
    });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['lifecycle/target-coded', 'lifecycle/target-coded']);
  });
});

describe('code check (validate rules)', () => {
  it('reports unrecorded codes, vanished files and retired codes in use', async () => {
    const root = project();
    await assignAt(root, ['basic'], { today: TODAY });
    write(
      root,
      'basic/ledger.yaml',
      read(root, 'basic/ledger.yaml').replace(
        / {2}- code: "000200001000"\n {4}state: "active"/,
        '  - code: "000200001000"\n    state: "retired"\n    retired: "2026-01-01"',
      ),
    );
    rmSync(path.join(root, 'basic/items/000100001000.yaml'));
    write(root, 'basic/items/x.yaml', newItem('新事项').replace('name:', 'code: "000100008000"\nname:'));
    const result = await validateAt(root, ['basic'], { config: false });
    expect(result.diagnostics.filter((d) => d.code.startsWith('ledger/')).map((d) => [d.code, d.file])).toEqual([
      ['ledger/retired-in-use', 'basic/items/000200001000.yaml'],
      ['ledger/unrecorded', 'basic/items/x.yaml'],
      ['ledger/vanished', 'basic/ledger.yaml'],
    ]);
  });
});

describe('concurrency', () => {
  it('a run waits for the lock and gives up with exit 2 when it is held', () => {
    const root = project();
    write(root, 'basic/items/a-main.yaml', newItem('新主项'));
    withCatalogLock(path.join(root, 'basic'), () => {
      const blocked = spawnSync(process.execPath, [path.join(ROOT, 'bin/tongban.js'), 'code', 'assign', 'basic'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, TONGBAN_LOCK_TIMEOUT_MS: '300' },
      });
      expect(blocked.status).toBe(2);
      expect(blocked.stderr).toContain('lock');
    });
    expect(read(root, 'basic/items/a-main.yaml')).not.toContain('code:');
  });

  it('a lock left by a dead process is taken over', () => {
    const root = project();
    write(root, 'basic/.tongban.lock', '999999999');
    expect(withCatalogLock(path.join(root, 'basic'), () => 'ran')).toBe('ran');
  });

  it('two runs at once never issue the same code', async () => {
    const root = project();
    for (let i = 0; i < 30; i++)
      write(root, `basic/items/new-${String(i).padStart(2, '0')}.yaml`, newItem(`新事项${i}`));
    const run = () =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [path.join(ROOT, 'bin/tongban.js'), 'code', 'assign', 'basic'], {
          cwd: root,
          stdio: 'ignore',
        });
        child.on('exit', (code) => resolve(code ?? -1));
      });
    // The second run starts while the first may hold the lock; new items appear in between.
    const first = run();
    for (let i = 30; i < 40; i++) write(root, `basic/items/new-${i}.yaml`, newItem(`新事项${i}`));
    const second = run();
    expect(await Promise.all([first, second])).toEqual([0, 0]);
    const codes = readdirSync(path.join(root, 'basic/items')).map(
      (f) => (parse(read(root, `basic/items/${f}`)) as { code?: string }).code,
    );
    expect(codes.every((c) => c !== undefined)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    const ledger = ledgerOf(root);
    expect(new Set(ledger.entries.map((e) => e.code)).size).toBe(ledger.entries.length);
  });
});
