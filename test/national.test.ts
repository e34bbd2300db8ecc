/**
 * National analytics (issue 14): exports that stand alone (JSON Lines with each record's catalog, Parquet
 * by province), and compare/stats on the DuckDB engine giving the same results as the in-memory engine on
 * the sample catalogs and the compare-scores fixture, from catalog folders and from exports.
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { duckDbAvailable } from '../src/io/duckdb.js';
import { ROOT, tongban } from './helpers/cli.js';

const work = mkdtempSync(path.join(tmpdir(), 'tongban-national-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const available = await duckDbAvailable();
if (!available)
  console.warn('national.test.ts: the optional module @duckdb/node-api cannot be loaded here; DuckDB tests skipped');

const json = async (args: string[], code = [0, 1]) => {
  const run = await tongban(args);
  expect(code, run.stderr).toContain(run.code);
  return JSON.parse(run.stdout) as Record<string, unknown>;
};
/** A report without what differs by nature between runs of the same analysis (none, today). */
const withoutBundles = ({ bundles: _bundles, ...rest }: Record<string, unknown>) => rest;

describe('export -f jsonl: every record carries its catalog', () => {
  it('$catalog (folder, kind, name, region, level, province) and $item (file, place, key) on each line', async () => {
    const run = await tongban(['export', 'catalogs/shenzhen', '-f', 'jsonl']);
    expect(run.code).toBe(0);
    type Line = { basicCode: string; $catalog: { level: unknown; name: unknown }; $item: { key: string } };
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    expect(lines).toHaveLength(12);
    for (const [ord, line] of lines.entries()) {
      expect(line.$catalog).toMatchObject({
        dir: 'catalogs/shenzhen',
        kind: 'implementation',
        region: '440300',
        province: '440000',
        seq: 0,
      });
      expect(typeof line.$catalog.level).toBe('string');
      expect(typeof line.$catalog.name).toBe('string');
      expect(line.$item).toMatchObject({ ord, file: expect.stringMatching(/^catalogs\/shenzhen\/items\/.+\.yaml$/) });
      expect(line.$item.key.startsWith(line.basicCode)).toBe(true);
    }
  });
});

describe.skipIf(!available)('DuckDB engine: the same results as in memory', () => {
  const jsonl = path.join(work, 'all.jsonl');
  const parquet = path.join(work, 'parquet');

  it('export -f parquet: one file per catalog in province folders, and a marker', async () => {
    const run = await tongban(['export', 'catalogs', '-f', 'jsonl', '-o', jsonl, '-f', 'parquet', '-o', parquet]);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(parquet).sort()).toEqual([
      '_tongban.json',
      'province=440000',
      'province=510000',
      'province=__HIVE_DEFAULT_PARTITION__',
    ]);
    expect(readdirSync(path.join(parquet, 'province=440000')).sort()).toEqual(['440000-0.parquet', '440300-2.parquet']);
    const marker = JSON.parse(readFileSync(path.join(parquet, '_tongban.json'), 'utf8'));
    expect(marker.files).toHaveLength(4);
    // An export folder is replaced; any other folder is refused.
    expect((await tongban(['export', 'catalogs/wuhou', '-f', 'parquet', '-o', parquet])).code).toBe(0);
    expect(readdirSync(parquet).sort()).toEqual(['_tongban.json', 'province=510000']);
    const refused = await tongban(['export', 'catalogs/wuhou', '-f', 'parquet', '-o', path.join(ROOT, 'catalogs')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/not an earlier tongban export/);
    expect((await tongban(['export', 'catalogs', '-f', 'parquet', '-o', parquet])).code).toBe(0);
  });

  it('compare: catalog folders, JSON Lines and Parquet exports give the in-memory matrix', async () => {
    const memory = await json(['compare', 'catalogs', '-f', 'json', '--engine', 'memory']);
    expect((memory.rows as unknown[]).length).toBeGreaterThan(0);
    expect(await json(['compare', 'catalogs', '-f', 'json', '--engine', 'duckdb'])).toEqual(memory);
    // Exports hold items, not bundles: everything else is the same.
    expect(withoutBundles(await json(['compare', jsonl, '-f', 'json']))).toEqual(withoutBundles(memory));
    expect(withoutBundles(await json(['compare', parquet, '-f', 'json']))).toEqual(withoutBundles(memory));
    // The reporters are the same: the text reports match to the byte.
    const text = await tongban(['compare', 'catalogs', '--engine', 'memory', '--no-color']);
    expect((await tongban(['compare', 'catalogs', '--engine', 'duckdb', '--no-color'])).stdout).toBe(text.stdout);
  });

  it('compare: the compare-scores fixture (ties, absent, alone, attributes, duplicates)', async () => {
    const fixture = 'test/fixtures/compare-scores';
    const memory = await json(['compare', fixture, '-f', 'json', '--engine', 'memory']);
    expect(await json(['compare', fixture, '-f', 'json', '--engine', 'duckdb'])).toEqual(memory);
    const exported = path.join(work, 'scores.jsonl');
    expect((await tongban(['export', fixture, '-f', 'jsonl', '-o', exported])).code).toBe(0);
    expect(withoutBundles(await json(['compare', exported, '-f', 'json']))).toEqual(withoutBundles(memory));
  });

  it('compare: items of one key twice in a list (duplicates) and an item without a basic code', async () => {
    const dir = mkdtempSync(path.join(work, 'dup-'));
    cpSync(path.join(ROOT, 'catalogs'), dir, { recursive: true });
    const items = path.join(dir, 'wuhou', 'items');
    const first = readdirSync(items).sort()[0] as string;
    copyFileSync(path.join(items, first), path.join(items, `zz-again-${first}`));
    copyFileSync(path.join(items, first), path.join(items, `aa-again-${first}`));
    writeFileSync(path.join(items, 'zz-uncoded.yaml'), 'name: 没有基本编码的事项\ntype: 行政许可\n');
    const run = async (args: string[]) => {
      const result = await tongban(args, { cwd: dir });
      expect(result.stdout, result.stderr).not.toBe('');
      return JSON.parse(result.stdout) as Record<string, unknown>;
    };
    const memory = await run(['compare', '.', '-f', 'json', '--engine', 'memory']);
    expect((memory.duplicates as unknown[]).length).toBeGreaterThan(0);
    expect(await run(['compare', '.', '-f', 'json', '--engine', 'duckdb'])).toEqual(memory);
  });

  it('compare on worker threads gives the result of one thread, and a failing worker is one line', () => {
    // The built binary: worker threads run built code (npm test builds first).
    const bin = (args: string[], env: Record<string, string>) =>
      spawnSync(process.execPath, [path.join(ROOT, 'bin', 'tongban.js'), ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, LANG: 'C', ...env },
        encoding: 'utf8',
      });
    for (const target of ['catalogs', 'test/fixtures/compare-scores', jsonl]) {
      const args = ['compare', target, '-f', 'json', '--engine', 'duckdb'];
      const one = bin(args, { TONGBAN_WORKERS: '0' });
      expect([0, 1], one.stderr).toContain(one.status);
      expect((JSON.parse(one.stdout) as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
      for (const workers of ['1', '3']) expect(bin(args, { TONGBAN_WORKERS: workers }).stdout).toBe(one.stdout);
    }
    // Which also shows that the workers ran.
    const failed = bin(['compare', 'catalogs', '--engine', 'duckdb'], {
      TONGBAN_WORKERS: '2',
      TONGBAN_FAULT: 'compare-worker:1',
    });
    expect(failed.status).toBe(2);
    expect(failed.stderr).toMatch(
      /^error: a worker thread failed \(fault injected at compare-worker\).*TONGBAN_WORKERS=0.*\n$/,
    );
  });

  it('stats: catalog folders and exports give the in-memory measures', async () => {
    const memory = await json(['stats', 'catalogs', '-f', 'json', '--engine', 'memory']);
    expect(await json(['stats', 'catalogs', '-f', 'json', '--engine', 'duckdb'])).toEqual(memory);
    const fromExport = await json(['stats', parquet, '-f', 'json']);
    expect(fromExport.catalogs).toEqual(memory.catalogs);
    expect(fromExport.byLevel).toEqual(memory.byLevel);
    expect(await json(['stats', jsonl, '-f', 'json'])).toEqual(fromExport);
  });

  it('usage errors: Parquet needs a folder; the in-memory engine reads no exports', async () => {
    const noFolder = await tongban(['export', 'catalogs/wuhou', '-f', 'parquet']);
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toMatch(/-o <folder>/);
    const memory = await tongban(['compare', parquet, '--engine', 'memory']);
    expect(memory.code).toBe(2);
    expect(memory.stderr).toMatch(/only the DuckDB engine/);
    const zh = await tongban(['stats', parquet, '--engine', 'memory', '--lang', 'zh-CN']);
    expect(zh.stderr).toMatch(/只有 DuckDB 引擎能读取/);
    const jsonlMemory = await tongban(['stats', jsonl, '--engine', 'memory']);
    expect(jsonlMemory.code).toBe(2);
    expect(jsonlMemory.stderr).toMatch(/is an export \(JSON Lines or Parquet\)/);
  });

  it('a list in two exports (exported twice, or two lists from folders of one name) is refused, not merged', async () => {
    const twice = path.join(work, 'twice');
    mkdirSync(twice);
    expect(
      (await tongban(['export', 'catalogs/shenzhen', '-f', 'jsonl', '-o', path.join(twice, 'a.jsonl')])).code,
    ).toBe(0);
    const both = ['export', 'catalogs/shenzhen', 'catalogs/wuhou', '-f', 'jsonl', '-o', path.join(twice, 'b.jsonl')];
    expect((await tongban(both)).code).toBe(0);
    for (const command of ['compare', 'stats']) {
      const run = await tongban([command, twice]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/the list "catalogs\/shenzhen" is in several exports \(.*a\.jsonl, .*b\.jsonl\)/);
    }
  });

  it('hostile file names reach DuckDB as parameters', async () => {
    const odd = path.join(work, 'it\'s a "file"; DROP TABLE records; --.jsonl');
    expect((await tongban(['export', 'catalogs/wuhou', 'catalogs/shenzhen', '-f', 'jsonl', '-o', odd])).code).toBe(0);
    expect(existsSync(odd)).toBe(true);
    const result = await json(['compare', odd, '-f', 'json']);
    expect(result.regions).toEqual(['catalogs/shenzhen', 'catalogs/wuhou']);
  });
});

describe('without @duckdb/node-api', () => {
  it('the DuckDB engine is a usage error (exit 2) that says how to install it, in both languages', async () => {
    vi.resetModules();
    vi.doMock('@duckdb/node-api', () => {
      throw new Error('Cannot find package @duckdb/node-api');
    });
    try {
      const { tongban: fresh } = await import('./helpers/cli.js');
      const en = await fresh(['compare', 'catalogs', '--engine', 'duckdb']);
      expect(en.code).toBe(2);
      expect(en.stderr).toMatch(/needs the optional package @duckdb\/node-api.+npm install @duckdb\/node-api/);
      const zh = await fresh(['stats', 'catalogs', '--engine', 'duckdb', '--lang', 'zh-CN']);
      expect(zh.code).toBe(2);
      expect(zh.stderr).toMatch(/需要可选依赖 @duckdb\/node-api/);
      // The in-memory engine needs nothing of it.
      expect((await fresh(['compare', 'catalogs', '--engine', 'memory', '-f', 'json'])).code).toBe(0);
    } finally {
      vi.doUnmock('@duckdb/node-api');
      vi.resetModules();
    }
  });
});
