/**
 * `validate --shard i/n` and `merge-reports`: the merge of every shard's partial report must equal one
 * full run — same findings, same order, same exit code, in every format — including the cross-catalog
 * checks whose two sides fall in different shards, the configuration's severities and inline suppressions.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseShard, shardOf } from '../../src/core/shard.js';
import { ROOT, tongban } from '../helpers/cli.js';
import { materialise } from '../helpers/fixtures.js';

const FORMATS = ['json', 'sarif', 'junit', 'stylish', 'github', 'markdown'] as const;
const SHARDS = 4;

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const write = (dir: string, file: string, text: string) => writeFileSync(path.join(dir, file), text);

/**
 * The sample catalogs with findings of every kind: an item of shenzhen copied twice into wuhou
 * (code/duplicate-catalog, shenzhen and wuhou in different shards), one copy's cross-catalog duplicate
 * suppressed inline, an unused suppression, a wrong USCC, and a config that changes severities per file.
 */
function samples(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-shard-'));
  cpSync(path.join(ROOT, 'catalogs'), dir, { recursive: true });
  const item = read(dir, 'shenzhen/items/000100001000.yaml');
  write(dir, 'wuhou/items/zz-copy.yaml', item);
  write(dir, 'wuhou/items/zz-copy-3.yaml', item);
  write(
    dir,
    'wuhou/items/zz-copy-2.yaml',
    item.replace(/^code:/m, '# tongban-disable-next-line code/duplicate-catalog -- 同一事项的过渡副本\ncode:'),
  );
  const other = 'shenzhen/items/000100002000.yaml';
  write(dir, other, '# tongban-disable-file code/duplicate-catalog\n' + read(dir, other));
  const uscc = 'wuhou/items/000100001000.yaml';
  write(dir, uscc, read(dir, uscc).replace(/uscc: "?(\w{17})\w"?/, 'uscc: "$10"'));
  write(
    dir,
    'tongban.config.yaml',
    [
      'failOn: warning',
      'rules:',
      '  ledger/unrecorded: info',
      'overrides:',
      '  - files: ["wuhou/items/zz-copy.yaml"]',
      '    rules:',
      '      code/duplicate-catalog: warning',
      '  - files: ["wuhou/items/zz-copy-3.yaml"]',
      '    rules:',
      '      code/duplicate-catalog: "off"',
      '',
    ].join('\n'),
  );
  return dir;
}

/** Each shard's partial report written to a file; their names. */
async function shards(dir: string, count = SHARDS, args: string[] = []): Promise<string[]> {
  const files: string[] = [];
  for (let index = 1; index <= count; index++) {
    const file = `partial-${index}-of-${count}.json`;
    const run = await tongban(['validate', ...args, '--shard', `${index}/${count}`, '-o', file], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    files.push(file);
  }
  return files;
}

async function expectMergedEqualsSingle(dir: string, args: string[] = [], extra: string[] = []): Promise<void> {
  const files = await shards(dir, SHARDS, args);
  // Given in any order: the merge orders them by shard.
  const given = [...files].reverse();
  for (const format of FORMATS) {
    const single = await tongban(['validate', ...args, '-f', format, ...extra], { cwd: dir });
    const merged = await tongban(['merge-reports', ...given, '-f', format, ...extra], { cwd: dir });
    expect(merged.stderr).toBe(single.stderr);
    expect(merged.stdout).toBe(single.stdout);
    expect(merged.code).toBe(single.code);
  }
}

describe('validate --shard and merge-reports', () => {
  it('parses i/n and spreads catalogs by path, the same everywhere', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['5/4', '0/4', 'a/b', '1/0', '2', '1/4/2', '-1/4', '1/1001'])
      expect(parseShard(bad)).toBeUndefined();
    // FNV-1a of the project-relative path: fixed values, so every machine of a matrix agrees.
    expect(['national', 'guangdong', 'shenzhen', 'wuhou'].map((p) => shardOf(p, 4))).toEqual([4, 2, 1, 4]);
  });

  it('merging 4 shards of the samples equals a single run in every format, with the same exit code', async () => {
    const dir = samples();
    const single = await tongban(['validate', '-f', 'json'], { cwd: dir });
    const codes = (JSON.parse(single.stdout) as { diagnostics: { code: string; file: string; severity: string }[] })
      .diagnostics;
    // The scenario is what it claims: a cross-catalog duplicate per copy, one at the configured severity,
    // the suppressed one hidden, the unused suppression reported.
    expect(codes.filter((d) => d.code === 'code/duplicate-catalog')).toEqual([
      expect.objectContaining({ file: 'wuhou/items/zz-copy.yaml', severity: 'warning' }),
    ]);
    expect(codes.filter((d) => d.code === 'code/duplicate').length).toBe(2);
    expect(codes.map((d) => d.code)).toContain('suppression/unused');
    expect(codes.filter((d) => d.file === 'wuhou/items/000100001000.yaml' && d.severity === 'error')).not.toEqual([]);
    expect(single.code).toBe(1);
    await expectMergedEqualsSingle(dir);
    // --fail-on given to the merge acts as it does on validate.
    await expectMergedEqualsSingle(dir, [], ['--fail-on', 'none']);
    // And in Chinese.
    await expectMergedEqualsSingle(dir, [], ['--lang', 'zh-CN']);
  });

  it('merge-reports run from another folder says that cross-catalog findings have no line', async () => {
    const dir = samples();
    const files = await shards(dir);
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'tongban-merge-elsewhere-'));
    const absolute = files.map((file) => path.join(dir, file));
    const away = await tongban(['merge-reports', ...absolute, '-f', 'json'], { cwd: elsewhere });
    expect(away.code).toBe(1);
    expect(away.stderr).toMatch(
      /^note: \d+ cross-catalog findings have no line: wuhou\/items\/zz-copy[-\d]*\.yaml and others are not found from this folder; run merge-reports in the folder the shards ran in\n$/,
    );
    const zh = await tongban(['merge-reports', ...absolute, '--lang', 'zh-CN', '-o', 'r.json', '-f', 'json'], {
      cwd: elsewhere,
    });
    expect(zh.stderr).toContain('请在运行各分片的文件夹中运行 merge-reports');
    // From the shards' folder they are placed, and nothing is said.
    const here = await tongban(['merge-reports', ...files, '-f', 'json'], { cwd: dir });
    expect(here.stderr).toBe('');
    expect(here.code).toBe(1);
  });

  it('merge-reports --baseline reports what validate --baseline reports', async () => {
    const dir = samples();
    expect((await tongban(['validate', '--baseline-write', 'baseline.json'], { cwd: dir })).code).toBe(0);
    // One finding fixed (the USCC), new ones added (another copy of the shenzhen item).
    cpSync(
      path.join(ROOT, 'catalogs', 'wuhou', 'items', '000100001000.yaml'),
      path.join(dir, 'wuhou/items/000100001000.yaml'),
    );
    write(dir, 'wuhou/items/zz-copy-4.yaml', read(dir, 'shenzhen/items/000100001000.yaml'));
    const single = await tongban(['validate', '--baseline', 'baseline.json', '-f', 'json'], { cwd: dir });
    const report = JSON.parse(single.stdout) as {
      baseline: { known: number; fixed: unknown[] };
      diagnostics: unknown[];
    };
    expect(report.baseline.known).toBeGreaterThan(0);
    expect(report.baseline.fixed).not.toEqual([]);
    expect(report.diagnostics).not.toEqual([]);
    await expectMergedEqualsSingle(dir, [], ['--baseline', 'baseline.json']);
  });

  it('shards of one path written differently (shenzhen/, ./shenzhen) are one run', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tongban-shard-slash-'));
    cpSync(path.join(ROOT, 'catalogs'), dir, { recursive: true });
    const spellings = ['shenzhen/', './shenzhen'];
    const files: string[] = [];
    for (const [index, spelling] of spellings.entries()) {
      const file = `partial-${index + 1}.json`;
      const run = await tongban(['validate', spelling, '--shard', `${index + 1}/2`, '-o', file], { cwd: dir });
      expect(run.code).toBe(0);
      files.push(file);
    }
    const merged = await tongban(['merge-reports', ...files, '-f', 'json'], { cwd: dir });
    const single = await tongban(['validate', 'shenzhen', '-f', 'json'], { cwd: dir });
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toBe(single.stdout);
  });

  it('a clean project merges to a clean report and exit 0', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tongban-shard-clean-'));
    cpSync(path.join(ROOT, 'catalogs'), dir, { recursive: true });
    const files = await shards(dir);
    const merged = await tongban(['merge-reports', ...files, '-f', 'json'], { cwd: dir });
    const single = await tongban(['validate', '-f', 'json'], { cwd: dir });
    expect(merged.stdout).toBe(single.stdout);
    expect(merged.code).toBe(single.code);
  });

  it('finds a duplicate code whose two catalogs are in different shards, and a code issued by two ledgers', async () => {
    const { root } = materialise(
      path.join(ROOT, 'test', 'fixtures', 'validate', 'base'),
      path.join(ROOT, 'test', 'fixtures', 'validate', 'cases', 'cross-catalog', 'fail'),
    );
    const files = await shards(root);
    const partials = files.map((f) => JSON.parse(read(root, f)) as { catalogs: string[]; findings: unknown[] });
    const shardOfCatalog = (dir: string) => partials.findIndex((p) => p.catalogs.includes(dir)) + 1;
    expect(shardOfCatalog('impl')).not.toBe(shardOfCatalog('other'));
    expect(shardOfCatalog('impl')).not.toBe(shardOfCatalog('retired'));
    // No shard sees the duplicate on its own.
    expect(JSON.stringify(partials)).not.toContain('duplicate-catalog');
    const merged = await tongban(['merge-reports', ...files, '-f', 'json'], { cwd: root });
    const diagnostics = (JSON.parse(merged.stdout) as { diagnostics: { code: string; file: string; line: number }[] })
      .diagnostics;
    expect(diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ['code/duplicate-catalog', 'other/items/000100001000.yaml', 2],
      ['ledger/issued-elsewhere', 'retired/ledger.yaml', 3],
    ]);
    expect(merged.code).toBe(1);
    await expectMergedEqualsSingle(root);
  });

  it('writes a partial report that conforms to its documented schema', async () => {
    const dir = samples();
    const [file] = await shards(dir, 1);
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    const schemas = path.join(ROOT, 'schemas');
    for (const name of ['report-common.schema.json', 'report-validate-partial.schema.json'])
      ajv.addSchema(JSON.parse(read(schemas, name)) as object, name);
    const check = ajv.getSchema('report-validate-partial.schema.json');
    const valid = check?.(JSON.parse(read(dir, file as string)));
    expect(ajv.errorsText(check?.errors)).toBe('No errors');
    expect(valid).toBe(true);
    // On stdout without -o.
    const out = await tongban(['validate', '--shard', '1/1'], { cwd: dir });
    expect(JSON.parse(out.stdout)).toMatchObject({ report: 'validate-partial', shard: { index: 1, count: 1 } });
  });
});

describe('shard usage errors (exit 2, in the language asked for)', () => {
  it('refuses a shard that is not i/n', async () => {
    for (const bad of ['5/4', '0/4', 'a/b']) {
      const run = await tongban(['validate', 'catalogs', '--shard', bad]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--shard "${bad}" is not i/n`);
      const zh = await tongban(['validate', 'catalogs', '--shard', bad, '--lang', 'zh-CN']);
      expect(zh.code).toBe(2);
      expect(zh.stderr).toContain('不是 i/n 形式');
    }
  });

  it('refuses --shard given twice rather than taking the last', async () => {
    const run = await tongban(['validate', 'catalogs', '--shard', '1/4', '--shard', '2/4']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe('error: --shard is given more than once (1/4, 2/4): a run checks one shard\n');
    const zh = await tongban(['validate', 'catalogs', '--shard', '1/4', '--shard', '1/4', '--lang', 'zh-CN']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('--shard 给出了不止一次');
  });

  it('refuses options that belong to the merge', async () => {
    for (const args of [
      ['-f', 'sarif'],
      ['--fail-on', 'warning'],
      ['--changed'],
      ['--cache'],
      ['--baseline', 'b.json'],
    ]) {
      const run = await tongban(['validate', 'catalogs', '--shard', '1/4', ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('cannot be combined with');
    }
  });

  it('refuses partial reports that are missing, doubled, of another count, version or run, or no report', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tongban-shard-bad-'));
    cpSync(path.join(ROOT, 'catalogs'), dir, { recursive: true });
    const four = await shards(dir);
    const two = await shards(dir, 2);
    const [one = '', second = '', third = '', fourth = ''] = four;
    const merge = (files: string[], lang = 'en') => tongban(['merge-reports', ...files, '--lang', lang], { cwd: dir });
    const expectUsage = async (files: string[], en: string, zh: string) => {
      const run = await merge(files);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(en);
      const chinese = await merge(files, 'zh-CN');
      expect(chinese.code).toBe(2);
      expect(chinese.stderr).toContain(zh);
    };
    await expectUsage([one, second, fourth], 'shard 3 of 4 is missing', '缺少 4 个分片中的第 3 个');
    await expectUsage([one, second, third, fourth, one], 'are both shard 1/4', '都是第 1/4 个分片');
    await expectUsage([one, second, third, two[1] as string], 'is a shard of 4', '属于 4 个分片的运行');

    const older = JSON.parse(read(dir, fourth)) as { tool: { version: string } };
    older.tool.version = '0.0.1';
    write(dir, 'older.json', JSON.stringify(older));
    await expectUsage([one, second, third, 'older.json'], 'was written by tongban 0.0.1', '由 tongban 0.0.1 写出');

    const elsewhere = JSON.parse(read(dir, fourth)) as { run: { paths: string[] } };
    elsewhere.run.paths = ['wuhou'];
    write(dir, 'elsewhere.json', JSON.stringify(elsewhere));
    await expectUsage([one, second, third, 'elsewhere.json'], 'comes from another run', '不是同一次运行');

    write(dir, 'report.json', (await tongban(['validate', '-f', 'json'], { cwd: dir })).stdout);
    await expectUsage([one, 'report.json'], 'is not a partial report', '不是 tongban validate --shard 的分片报告');
    write(dir, 'garbage.json', '{ not json');
    await expectUsage(['garbage.json'], 'is not a partial report', '分片报告');
    await expectUsage(['nowhere.json'], 'path does not exist', 'nowhere.json');
    expect(readdirSync(dir)).not.toContain('tongban.sarif');
  });

  it('says its exit codes in the help', async () => {
    const help = await tongban(['merge-reports', '--help']);
    expect(help.stdout).toContain('Exit codes: 0 no findings; 1 findings at or above --fail-on; 2 usage error');
    const validate = await tongban(['validate', '--help']);
    expect(validate.stdout).toContain('--shard <i/n>');
  });
});
