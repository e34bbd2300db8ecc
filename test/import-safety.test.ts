/**
 * `tongban import` on files as they come (issue 13): line ends of every system, encodings Excel and other
 * tools write, a lossless round trip of tongban's own export, existing items matched by code whatever
 * their file names; and hostile input — huge cells, items the reader would refuse, mapping keys that reach
 * Object.prototype, files that are not CSV or JSON at all, nesting deep enough to overflow the stack.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { setPath } from '../src/core/exchange/transforms.js';
import { exportAs, importAt } from './helpers/api.js';
import { ROOT, tongban, type CliRun } from './helpers/cli.js';

/** A fresh copy of the sample catalogs, with an empty implementation list `again` (wuhou's catalog.yaml). */
function samples(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-import-safety-'));
  cpSync(path.join(ROOT, 'catalogs'), root, { recursive: true });
  emptyList(root, 'again', 'wuhou');
  return root;
}

function emptyList(root: string, name: string, like: string): void {
  mkdirSync(path.join(root, name));
  writeFileSync(path.join(root, name, 'catalog.yaml'), readFileSync(path.join(root, like, 'catalog.yaml')));
}

/** A folder with `map.yaml`: a basic catalog (created on import) whose items have the columns as elements. */
function mapped(fields: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-import-safety-'));
  const lines = ['kind: basic', 'catalog: { kind: basic, name: 测试, origin: "00" }', 'fields:'];
  for (const [field, column] of Object.entries(fields)) lines.push(`  ${field}: ${column}`);
  writeFileSync(path.join(root, 'map.yaml'), lines.join('\n') + '\n');
  return root;
}

/** A catalog's items, parsed, keyed by file name. */
function itemFiles(dir: string): Record<string, Record<string, unknown>> {
  const items = path.join(dir, 'items');
  if (!existsSync(items)) return {};
  return Object.fromEntries(
    readdirSync(items).map((f) => [f, parse(readFileSync(path.join(items, f), 'utf8')) as Record<string, unknown>]),
  );
}

/** A catalog's items, sorted by code. */
function itemsByCode(dir: string): Record<string, unknown>[] {
  return Object.values(itemFiles(dir)).sort((a, b) => String(a.code).localeCompare(String(b.code)));
}

const rowsOf = (result: { rows: { row: number; column: string; code: string }[] }) =>
  result.rows.map((r) => [r.row, r.column, r.code]);

/** A usage error: exit 2, nothing on stdout, one line on stderr, no stack trace. */
function expectUsage(result: CliRun, fragment: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^[^\n]+\n$/);
  expect(result.stderr).not.toMatch(/internal error|\bat .+:\d+:\d+\)?$/m);
  expect(result.stderr).toMatch(fragment);
}

/** UTF-16 big-endian bytes of `text`. */
function utf16be(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1]!, bytes[i]!];
  return bytes;
}

const deepJson = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('import correctness', () => {
  it('rows ended by bare CR, or by any mix of CR, LF and CRLF, stay separate rows', async () => {
    const root = samples();
    const csv = await exportAs(root, ['wuhou'], 'csv');
    const records = csv.split('\r\n');
    expect(records.length).toBeGreaterThan(10);
    const ends = ['\n', '\r', '\r\n'];
    for (const [out, text] of [
      ['cr', records.join('\r')],
      ['mixed', records.map((r, i) => r + (i < records.length - 1 ? ends[i % 3] : '')).join('')],
    ] as const) {
      emptyList(root, out, 'wuhou');
      writeFileSync(path.join(root, `${out}.csv`), text);
      const result = await importAt(root, { file: `${out}.csv`, map: 'tongban', out });
      expect(rowsOf(result)).toEqual([]);
      expect(result.written).toHaveLength(10);
      expect(itemsByCode(path.join(root, out))).toEqual(itemsByCode(path.join(root, 'wuhou')));
    }
  });

  it('a GBK file whose first 64 KB are ASCII is read as GB18030, not as UTF-8 with replacement characters', async () => {
    const root = mapped({ code: 'code', name: 'name' });
    const ascii = Buffer.from(`code,name,note\r\nA1,ascii,${'x'.repeat(70_000)}\r\nA2,`);
    // 食品经营许可 in GBK, after 70 KB of ASCII.
    writeFileSync(
      path.join(root, 'late.csv'),
      Buffer.concat([ascii, Buffer.from('cab3c6b7beadd3aad0edbfc9', 'hex'), Buffer.from(',\r\n')]),
    );
    const result = await importAt(root, { file: 'late.csv', map: 'map.yaml', out: 'out' });
    expect(rowsOf(result)).toEqual([]);
    expect(itemFiles(path.join(root, 'out'))['A2.yaml']).toMatchObject({ name: '食品经营许可' });
  });

  it('UTF-16 with and without a byte-order mark, little- and big-endian, is read correctly', async () => {
    const root = mapped({ code: 'code', name: 'name' });
    const text = 'code,name\r\nA1,中文名称\r\nA2,一二三\r\n';
    const variants: Record<string, Buffer> = {
      le: Buffer.from(text, 'utf16le'),
      be: utf16be(text),
      'le-bom': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'be-bom': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]),
    };
    for (const [name, bytes] of Object.entries(variants)) {
      writeFileSync(path.join(root, `${name}.csv`), bytes);
      const result = await importAt(root, { file: `${name}.csv`, map: 'map.yaml', out: name });
      expect(rowsOf(result), name).toEqual([]);
      expect(itemFiles(path.join(root, name)), name).toEqual({
        'A1.yaml': { code: 'A1', name: '中文名称' },
        'A2.yaml': { code: 'A2', name: '一二三' },
      });
    }
  });

  it('export -f csv then import gives back text exactly: formula-like text and spaces around it (tongban, tongban-basic)', async () => {
    const root = samples();
    const names = ['=SUM(1)', '  两个空格', "'=已有撇号", '尾部空格  ', '@提及', '-1'];
    const rename = (catalog: string) =>
      readdirSync(path.join(root, catalog, 'items'))
        .slice(0, names.length)
        .forEach((f, i) => {
          const file = path.join(root, catalog, 'items', f);
          writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: .*$/m, `name: ${JSON.stringify(names[i])}`));
        });
    for (const [catalog, map] of [
      ['wuhou', 'tongban'],
      ['national', 'tongban-basic'],
    ] as const) {
      rename(catalog);
      const csv = await exportAs(root, [catalog], 'csv');
      // The export still guards formula-like cells for Excel.
      expect(csv).toContain(",'=SUM(1),");
      expect(csv).toContain(",''=已有撇号,");
      writeFileSync(path.join(root, `${catalog}.csv`), csv);
      emptyList(root, `${catalog}-again`, catalog);
      const result = await importAt(root, { file: `${catalog}.csv`, map, out: `${catalog}-again` });
      expect(rowsOf(result)).toEqual([]);
      const again = itemsByCode(path.join(root, `${catalog}-again`));
      expect(again.map((item) => item.name)).toEqual(expect.arrayContaining(names));
      expect(again).toEqual(itemsByCode(path.join(root, catalog)));
    }
  });

  it('JSON Lines are not CSV: an apostrophe that tongban export did not add stays', async () => {
    const root = samples();
    const file = path.join(root, 'wuhou', 'items', '000100001000.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: .*$/m, `name: "'=SUM(1)"`));
    writeFileSync(path.join(root, 'wuhou.jsonl'), await exportAs(root, ['wuhou'], 'jsonl'));
    await importAt(root, { file: 'wuhou.jsonl', map: 'tongban', out: 'again' });
    expect(itemsByCode(path.join(root, 'again'))).toEqual(itemsByCode(path.join(root, 'wuhou')));
  });

  it('existing items are matched by code whatever their file names: re-importing wuhou (files named by basic code) writes no duplicates', async () => {
    const root = samples();
    writeFileSync(path.join(root, 'wuhou.csv'), await exportAs(root, ['wuhou'], 'csv'));
    const before = readdirSync(path.join(root, 'wuhou', 'items')).sort();

    const same = await importAt(root, { file: 'wuhou.csv', map: 'tongban', out: 'wuhou' });
    expect(same).toMatchObject({ written: [], updated: [], unchanged: 10, conflicts: [], rows: [] });

    // One item changed by hand: a conflict naming its own file, and nothing written.
    const file = path.join(root, 'wuhou', 'items', '000700001000.yaml');
    const changed = '# 本地补充\n' + readFileSync(file, 'utf8').replace(/(promisedLimit:\n\s+value: )45/, '$144');
    expect(changed).toContain('value: 44');
    writeFileSync(file, changed);
    const conflict = await importAt(root, { file: 'wuhou.csv', map: 'tongban', out: 'wuhou' });
    expect(conflict.conflicts).toEqual([{ row: expect.any(Number), file: 'wuhou/items/000700001000.yaml' }]);
    expect(conflict.written).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(changed);

    const update = await importAt(root, { file: 'wuhou.csv', map: 'tongban', out: 'wuhou', update: true });
    expect(update).toMatchObject({
      written: [],
      updated: [{ file: 'wuhou/items/000700001000.yaml', fields: ['promisedLimit'] }],
      unchanged: 9,
      rows: [],
    });
    expect(readFileSync(file, 'utf8')).toMatch(/^# 本地补充\n/);
    expect(readdirSync(path.join(root, 'wuhou', 'items')).sort()).toEqual(before);
  });

  it('a file named by the code that holds another item is not overwritten; several items with the code are not guessed between', async () => {
    const root = samples();
    writeFileSync(path.join(root, 'wuhou.csv'), await exportAs(root, ['wuhou'], 'csv'));
    const [first, second] = itemsByCode(path.join(root, 'wuhou')) as { code: string }[];
    const other = 'code: OTHER\nname: 另一个事项\n';
    mkdirSync(path.join(root, 'again', 'items'));
    writeFileSync(path.join(root, 'again', 'items', `${first!.code}.yaml`), other);
    // A dangling link named by a code is not written through either.
    symlinkSync(path.join(root, 'nowhere.yaml'), path.join(root, 'again', 'items', `${second!.code}.yaml`));
    const taken = await importAt(root, { file: 'wuhou.csv', map: 'tongban', out: 'again', update: true });
    expect(rowsOf(taken)).toEqual([
      [expect.any(Number), '—', 'import/file-taken'],
      [expect.any(Number), '—', 'import/file-taken'],
    ]);
    expect(taken.written).toHaveLength(8);
    expect(readFileSync(path.join(root, 'again', 'items', `${first!.code}.yaml`), 'utf8')).toBe(other);
    expect(existsSync(path.join(root, 'nowhere.yaml'))).toBe(false);

    // wuhou with one item copied under another name: which of the two should the row update?
    cpSync(path.join(root, 'wuhou', 'items', '000700001000.yaml'), path.join(root, 'wuhou', 'items', 'copy.yaml'));
    const ambiguous = await importAt(root, { file: 'wuhou.csv', map: 'tongban', out: 'wuhou', update: true });
    expect(rowsOf(ambiguous)).toEqual([[expect.any(Number), '—', 'import/ambiguous-match']]);
    expect(ambiguous.rows[0]?.message).toContain('wuhou/items/copy.yaml');
  });
});

describe('hostile input', () => {
  it('a cell over 1 MiB is reported by row and column, and left out of its item (the rest of the row is written)', async () => {
    const root = mapped({ code: 'code', name: 'name' });
    writeFileSync(path.join(root, 'big.csv'), `code,name\nA1,${'名'.repeat(400_000)}\nA2,小\n`);
    const result = await importAt(root, { file: 'big.csv', map: 'map.yaml', out: 'out' });
    expect(rowsOf(result)).toEqual([[2, 'name', 'import/cell-too-large']]);
    expect(result.rows[0]?.message).toContain('1200000 bytes');
    const items = itemFiles(path.join(root, 'out'));
    expect(Object.keys(items)).toEqual(['A1.yaml', 'A2.yaml']);
    expect(items['A1.yaml']).toEqual({ code: 'A1' });
  });

  it(
    'an item the reader would refuse (its YAML over 16 MiB) is reported and not written',
    { timeout: 60_000 },
    async () => {
      // Every cell is under the cell limit, but control characters are written escaped (\x01: four bytes).
      const columns = Array.from({ length: 5 }, (_, i) => `c${i}`);
      const root = mapped({ code: 'code', ...Object.fromEntries(columns.map((c) => [c, c])) });
      const cell = '\x01'.repeat(1_000_000);
      writeFileSync(
        path.join(root, 'huge.csv'),
        [
          ['code', ...columns],
          ['A1', ...columns.map(() => cell)],
          ['A2', ...columns.map(() => 'y')],
        ]
          .map((row) => row.join(','))
          .join('\n'),
      );
      const result = await importAt(root, { file: 'huge.csv', map: 'map.yaml', out: 'out' });
      expect(rowsOf(result)).toEqual([[2, '—', 'file/too-large']]);
      expect(Object.keys(itemFiles(path.join(root, 'out')))).toEqual(['A2.yaml']);
    },
  );

  it('mapping targets that reach Object.prototype are refused when the mapping is read: exit 2, located', async () => {
    const csv = 'code,name\nA1,甲\n';
    for (const [target, line] of [
      ['__proto__.polluted', /map\.yaml:5:3: .*__proto__\.polluted.* \(schema\/pattern\)/],
      ['constructor.prototype.polluted', /map\.yaml:5:3: .*constructor\.prototype\.polluted.* \(schema\/invalid\)/],
      ['prototype', /map\.yaml:5:3: .*prototype.* \(schema\/invalid\)/],
    ] as const) {
      const root = mapped({ code: 'code', [target]: 'name' });
      writeFileSync(path.join(root, 'rows.csv'), csv);
      const result = await tongban(['import', 'rows.csv', '--map', 'map.yaml', '--out', 'out'], { cwd: root });
      expect(result.code, target).toBe(2);
      expect(result.stderr, target).toMatch(line);
      expect(existsSync(path.join(root, 'out')), target).toBe(false);
      expect(({} as Record<string, unknown>).polluted, target).toBeUndefined();
    }
    // Defence in depth: the core refuses such paths even when no schema was checked.
    for (const target of ['__proto__.polluted', 'constructor.prototype.polluted', 'a.__proto__.polluted']) {
      expect(() => setPath({}, target, 1), target).toThrow(/refused/);
    }
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('columns and keys named like Object properties are just columns', async () => {
    const root = mapped({ code: 'code', name: 'toString', description: '__proto__' });
    writeFileSync(
      path.join(root, 'rows.jsonl'),
      '{"code":"A1","__proto__":{"polluted":1}}\n{"code":"A2","toString":"名称"}\n',
    );
    const result = await importAt(root, { file: 'rows.jsonl', map: 'map.yaml', out: 'out' });
    expect(rowsOf(result)).toEqual([]);
    expect(itemFiles(path.join(root, 'out'))).toEqual({
      'A1.yaml': { code: 'A1', description: '{"polluted":1}' },
      'A2.yaml': { code: 'A2', name: '名称' },
    });
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('tongban.config.yaml rule keys that name Object.prototype properties are refused: exit 2, located', async () => {
    const root = samples();
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      writeFileSync(path.join(root, 'tongban.config.yaml'), `rules:\n  ${key}: off\n`);
      const result = await tongban(['validate', 'wuhou'], { cwd: root });
      expect(result.code, key).toBe(2);
      expect(result.stderr, key).toMatch(/tongban\.config\.yaml:2:3: .*\(schema\/(pattern|invalid)\)/);
    }
  });

  it('what is not a CSV, JSON or JSON Lines file is a usage error naming it, not an internal error', async () => {
    const root = samples();
    mkdirSync(path.join(root, 'folder.csv'));
    writeFileSync(path.join(root, 'script.js'), 'console.log(1);\n');
    writeFileSync(path.join(root, 'page.html'), '<html><body><table><tr><td>1</td></tr></table></body></html>\n');
    writeFileSync(path.join(root, 'workbook.csv'), Buffer.from('504b030414000600080000002100', 'hex'));
    writeFileSync(path.join(root, 'binary.csv'), Buffer.from([0, 1, 2, 0, 0, 0x80, 0xff, 0, 9, 0, 0, 0xfe]));
    const run = (file: string) =>
      tongban(['import', file, '--map', 'tongban', '--out', 'again'], { cwd: root, env: { LANG: 'C' } });
    expectUsage(await run('folder.csv'), /not a file: folder\.csv/);
    expectUsage(await run('script.js'), /cannot import script\.js: tongban reads CSV/);
    expectUsage(await run('page.html'), /cannot import page\.html/);
    expectUsage(await run('workbook.csv'), /cannot import workbook\.csv: it is not text/);
    expectUsage(await run('binary.csv'), /cannot import binary\.csv: it is not text/);
    expect(existsSync(path.join(root, 'again', 'items'))).toBe(false);
  });

  it('an unbalanced CSV quote is a usage error naming the row and line where it starts; nothing is imported', async () => {
    const root = samples();
    writeFileSync(path.join(root, 'open.csv'), 'code,name\nA1,甲\n\nA2,"乙\nA3,丙\nA4,丁\n');
    writeFileSync(path.join(root, 'stray.csv'), 'code,name\nA1,甲\nA2,乙"丙\n');
    const run = (file: string, lang = 'C') =>
      tongban(['import', file, '--map', 'tongban', '--out', 'again'], { cwd: root, env: { LANG: lang } });
    expectUsage(await run('open.csv'), /^error: open\.csv: row 3 \(from line 4\) has a quote that is never closed/);
    expectUsage(await run('stray.csv'), /^error: stray\.csv: row 3 \(from line 3\) has a quote/);
    expectUsage(await run('open.csv', 'zh_CN.UTF-8'), /open\.csv：第 3 行（自文件第 4 行起）的引号未闭合/);
    expect(existsSync(path.join(root, 'again', 'items'))).toBe(false);
  });

  it('JSON nested thousands of levels deep: reported by row and column, no stack overflow', async () => {
    const root = mapped({ code: 'code', name: 'name' });
    const deep = deepJson(100_000);
    writeFileSync(path.join(root, 'deep.json'), `[{"code":"A1","name":${deep}},{"code":"A2","name":"乙"},${deep}]`);
    const json = await importAt(root, { file: 'deep.json', map: 'map.yaml', out: 'json' });
    expect(rowsOf(json)).toEqual([
      [1, 'name', 'import/too-deep'],
      [3, '—', 'import/not-object'],
    ]);
    // The deep value is left out; its row is still an item.
    expect(itemFiles(path.join(root, 'json'))).toEqual({
      'A1.yaml': { code: 'A1' },
      'A2.yaml': { code: 'A2', name: '乙' },
    });

    writeFileSync(
      path.join(root, 'deep.jsonl'),
      `{"code":"A1","x":${deep}}\n{"code":"A2","name":"乙"}\n${deep}\n"text"\n`,
    );
    const jsonl = await importAt(root, { file: 'deep.jsonl', map: 'map.yaml', out: 'jsonl' });
    expect(rowsOf(jsonl)).toEqual([
      [1, 'x', 'import/too-deep'],
      [3, '—', 'import/not-object'],
      [4, '—', 'import/not-object'],
    ]);

    // A CSV cell read as JSON.
    writeFileSync(
      path.join(root, 'map-json.yaml'),
      'kind: basic\nfields:\n  code: code\n  levels: { column: levels, transform: json }\n',
    );
    writeFileSync(path.join(root, 'deep.csv'), `code,levels\nA1,${deepJson(5_000)}\nA2,[]\n`);
    const csv = await importAt(root, { file: 'deep.csv', map: 'map-json.yaml', out: 'jsonl' });
    expect(rowsOf(csv)).toEqual([[2, 'levels', 'import/too-deep']]);
  });

  it('a JSON Lines line over 16 MiB is reported at its row without being held in memory; the others are read', async () => {
    const root = mapped({ code: 'code', name: 'name' });
    writeFileSync(
      path.join(root, 'long.jsonl'),
      `{"code":"A1","name":"甲"}\r\n{"code":"A2","name":"${'x'.repeat(17 * 1024 * 1024)}"}\r\n{"code":"A3","name":"丙"}`,
    );
    const result = await importAt(root, { file: 'long.jsonl', map: 'map.yaml', out: 'out' });
    expect(rowsOf(result)).toEqual([[2, '—', 'import/cell-too-large']]);
    expect(Object.keys(itemFiles(path.join(root, 'out'))).sort()).toEqual(['A1.yaml', 'A3.yaml']);
  });
});
