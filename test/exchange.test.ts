/** import and export: a messy GBK spreadsheet, row-level reports, round trips, conflicts, formula cells. */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseTimeLimit, parseInteger, splitList } from '../src/core/exchange/transforms.js';
import { exportAs, importAt } from './helpers/api.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MESSY = path.join(ROOT, 'test', 'fixtures', 'import', 'messy-gbk.csv');

/** An empty implementation list of 深圳市 built on the sample basic catalog. */
function emptyList(): { root: string; out: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-import-'));
  cpSync(path.join(ROOT, 'catalogs', 'national'), path.join(root, 'national'), { recursive: true });
  mkdirSync(path.join(root, 'shenzhen'));
  writeFileSync(
    path.join(root, 'shenzhen', 'catalog.yaml'),
    readFileSync(path.join(ROOT, 'catalogs', 'shenzhen', 'catalog.yaml')),
  );
  return { root, out: 'shenzhen' };
}

const items = (dir: string) =>
  Object.fromEntries(
    readdirSync(path.join(dir, 'items')).map((f) => [f, parse(readFileSync(path.join(dir, 'items', f), 'utf8'))]),
  );

describe('transforms', () => {
  it('read what real exports write', () => {
    expect(parseTimeLimit('20个工作日')).toEqual({ value: 20, unit: '工作日' });
    expect(parseTimeLimit('30(工作日)')).toEqual({ value: 30, unit: '工作日' });
    expect(parseTimeLimit('３０（自然日）')).toEqual({ value: 30, unit: '自然日' });
    expect(parseTimeLimit('即办')).toEqual({ value: 0, unit: '工作日' });
    expect(parseTimeLimit('无')).toBe('none');
    expect(parseTimeLimit('二十天')).toBeUndefined();
    expect(parseInteger('０次')).toBe(0);
    // 、 stays inside a sentence; it separates only short names (code-list sets).
    expect(splitList('具有甲、乙的场所；丙;丁\n戊')).toEqual(['具有甲、乙的场所', '丙', '丁', '戊']);
  });
});

describe('tongban import', () => {
  it('a messy GBK spreadsheet: multi-line cells, full-width digits, codes for names, and exact row-level reports', async () => {
    const { root, out } = emptyList();
    const result = await importAt(root, { file: MESSY, map: 'national', out });
    expect(result.rows.map((r) => [r.row, r.column, r.code])).toEqual([
      [3, '法定办结时限', 'import/not-time-limit'],
      [4, '事项类型', 'import/not-in-code-list'],
    ]);
    // A cell that cannot be read costs its element, not the row: every row is an item.
    expect(result.written).toEqual([
      'shenzhen/items/1144030009719080703000100001000.yaml',
      'shenzhen/items/1144030009781603X93000100002000.yaml',
      'shenzhen/items/11440300067862203L3000500002000.yaml',
      'shenzhen/items/11440300014834735L3002000003000.yaml',
    ]);
    const written = items(path.join(root, out));
    expect(written['1144030009781603X93000100002000.yaml']).not.toHaveProperty('statutoryLimit');
    expect(written['1144030009781603X93000100002000.yaml']).toMatchObject({ promisedLimit: { value: 5 } });
    expect(written['11440300067862203L3000500002000.yaml']).not.toHaveProperty('type');
    expect(written['11440300067862203L3000500002000.yaml']).toMatchObject({
      conditions: ['具有本地户籍', '年满 80 周岁'],
    });
    expect(written['1144030009719080703000100001000.yaml']).toMatchObject({
      levels: ['市级'],
      conditions: ['具有与经营的食品品种、数量相适应的经营场所', '有专职或者兼职的食品安全管理人员'],
      promisedLimit: { value: 5, unit: '工作日' },
      visits: 0,
      online: { depth: 4 },
      fee: { charged: false },
      agency: { name: '深圳市市场监督管理局', uscc: '114403000971908070' },
    });
    expect(written['11440300014834735L3002000003000.yaml']).toMatchObject({
      handlingType: '即办件',
      promisedLimit: { value: 0 },
      visits: 1,
    });
    // The imported list is validated: items lack what the spreadsheet did not have (materials are optional,
    // visit reasons are not).
    expect(result.validation?.diagnostics.map((d) => d.code)).toContain('visits/reason-missing');
  });

  it('a UTF-8 file with a BOM and semicolons', async () => {
    const { root, out } = emptyList();
    const csv = '\uFEFF' + new TextDecoder('gb18030').decode(readFileSync(MESSY)).replace(/,/g, ';');
    const file = path.join(root, 'semicolons.csv');
    writeFileSync(
      file,
      csv.replace(/"具有与经营的食品品种；数量相适应的经营场所/, '"具有与经营的食品品种、数量相适应的经营场所'),
    );
    const result = await importAt(root, { file, map: 'national', out });
    expect(result.written).toHaveLength(4);
  });

  it('JSON Lines: a line that is not JSON is reported at its row, the others imported; a broken JSON file is a usage error', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tongban-jsonl-'));
    cpSync(path.join(ROOT, 'catalogs'), root, { recursive: true });
    const lines = (await exportAs(root, ['wuhou'], 'jsonl')).trim().split('\n');
    lines.splice(1, 0, '{"name": "缺了右括号"');
    writeFileSync(path.join(root, 'items.jsonl'), lines.join('\n') + '\n');
    mkdirSync(path.join(root, 'again'));
    writeFileSync(path.join(root, 'again', 'catalog.yaml'), readFileSync(path.join(root, 'wuhou', 'catalog.yaml')));
    const result = await importAt(root, { file: path.join(root, 'items.jsonl'), map: 'tongban', out: 'again' });
    expect(result.rows.map((r) => [r.row, r.code])).toEqual([[2, 'import/not-json']]);
    expect(result.written).toHaveLength(10);
    writeFileSync(path.join(root, 'broken.json'), '[{"name": 1},');
    const error = await importAt(root, { file: path.join(root, 'broken.json'), map: 'tongban', out: 'again' }).catch(
      (e: unknown) => e,
    );
    expect((error as { messageCode?: string }).messageCode).toBe('usage/import-json');
  });

  it('export then import gives back the same items', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tongban-roundtrip-'));
    cpSync(path.join(ROOT, 'catalogs'), root, { recursive: true });
    for (const [catalog, map] of [
      ['wuhou', 'tongban'],
      ['national', 'tongban-basic'],
    ] as const) {
      const csv = path.join(root, `${catalog}.csv`);
      writeFileSync(csv, await exportAs(root, [catalog], 'csv'));
      mkdirSync(path.join(root, `${catalog}-again`));
      writeFileSync(
        path.join(root, `${catalog}-again`, 'catalog.yaml'),
        readFileSync(path.join(root, catalog, 'catalog.yaml')),
      );
      const result = await importAt(root, { file: csv, map, out: `${catalog}-again` });
      expect(result.rows).toEqual([]);
      // The same items (files are named by code on import; the samples name some by basic code).
      const byCode = (dir: string) =>
        Object.values(items(dir)).sort((a, b) =>
          String((a as { code: string }).code).localeCompare(String((b as { code: string }).code)),
        );
      expect(byCode(path.join(root, `${catalog}-again`))).toEqual(byCode(path.join(root, catalog)));
    }
  });

  it('a changed existing item is a conflict and nothing is written; --update merges and keeps comments', async () => {
    const { root, out } = emptyList();
    await importAt(root, { file: MESSY, map: 'national', out });
    const file = path.join(root, out, 'items', '1144030009719080703000100001000.yaml');
    writeFileSync(file, '# 本地补充\n' + readFileSync(file, 'utf8').replace('value: 5', 'value: 4'));
    const before = readFileSync(file, 'utf8');
    const conflict = await importAt(root, { file: MESSY, map: 'national', out });
    expect(conflict.conflicts).toEqual([{ row: 2, file: 'shenzhen/items/1144030009719080703000100001000.yaml' }]);
    expect(readFileSync(file, 'utf8')).toBe(before);
    const merged = await importAt(root, { file: MESSY, map: 'national', out, update: true });
    expect(merged.updated).toEqual([
      { file: 'shenzhen/items/1144030009719080703000100001000.yaml', fields: ['promisedLimit'] },
    ]);
    expect(readFileSync(file, 'utf8')).toContain('# 本地补充');
    expect(parse(readFileSync(file, 'utf8')).promisedLimit).toEqual({ value: 5, unit: '工作日' });
  });
});

describe('tongban export', () => {
  it('CSV for Excel neutralises formula cells; JSON Lines and JSON-LD', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tongban-export-'));
    cpSync(path.join(ROOT, 'catalogs'), root, { recursive: true });
    const file = path.join(root, 'wuhou', 'items', '000100001000.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^place: (.*)$/m, "place: '=HYPERLINK(1)$1'"));
    const csv = await exportAs(root, ['wuhou'], 'csv');
    expect(csv.startsWith('\uFEFF实施编码,基本编码')).toBe(true);
    expect(csv).toContain(`'=HYPERLINK(1)成都市`);
    const lines = (await exportAs(root, ['wuhou'], 'jsonl')).trim().split('\n');
    expect(lines).toHaveLength(10);
    expect(JSON.parse(lines[0]!)).toMatchObject({ basicCode: '000100001000' });
    const ld = JSON.parse(await exportAs(root, ['wuhou'], 'jsonld'));
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@graph'][0]).toMatchObject({
      '@type': 'GovernmentService',
      provider: { '@type': 'GovernmentOrganization' },
    });
  });
});
