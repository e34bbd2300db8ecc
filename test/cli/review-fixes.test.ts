/** What a newcomer's first session broke (issue 11 review), each kept fixed. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeError, UsageError } from '../../src/index.js';
import { validateAt } from '../helpers/api.js';
import { ROOT, tongban } from '../helpers/cli.js';

function samples(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-review-'));
  cpSync(path.join(ROOT, 'catalogs'), dir, { recursive: true });
  return dir;
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  writeFileSync(path.join(dir, file), change(readFileSync(path.join(dir, file), 'utf8')));
}

describe('review fixes', () => {
  it('compare and diff take an item whose code YAML read as a number (unquoted) without crashing', async () => {
    const dir = samples();
    edit(dir, 'shenzhen/items/000200001000.yaml', (t) =>
      t.replace('basicCode: "000200001000"', 'basicCode: 000200001000'),
    );
    const compare = await tongban(['compare', 'shenzhen', 'wuhou'], { cwd: dir });
    expect(compare.stderr).not.toMatch(/internal error/);
    expect(compare.code).toBe(0);
    const diff = await tongban(['diff', 'shenzhen', 'wuhou', '-f', 'json'], { cwd: dir });
    expect(diff.stderr).toBe('');
    // The item has no usable key, so it is one-sided, matched by name if anything.
    const report = JSON.parse(diff.stdout) as { onlyLeft: { key?: string; file: string }[] };
    expect(report.onlyLeft.find((i) => i.file === 'items/000200001000.yaml')?.key).toBeUndefined();
  });

  it('a template path into text (agency.name, agency being text) is located in the template', async () => {
    const dir = samples();
    mkdirSync(path.join(dir, 'tpl'));
    writeFileSync(path.join(dir, 'tpl', 'guide.md.hbs'), '# {{name}}\n{{agency.name}}\n');
    const result = await tongban(['guide', 'wuhou', '--templates', 'tpl', '-f', 'md', '-o', 'site'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.stderr.split('\n')[0]).toMatch(/^tpl\/guide\.md\.hbs:2:3 .*"agency\.name".*guide\/missing-field$/);
  });

  it('-o before -f writes that format to that file', async () => {
    const dir = samples();
    const result = await tongban(['validate', '.', '-o', 'report.json', '-f', 'json'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'))).toMatchObject({ report: 'validate' });
  });

  it('an -o that cannot be written is a usage error naming it, not an internal error', async () => {
    const dir = samples();
    mkdirSync(path.join(dir, 'out'));
    const result = await tongban(['validate', '.', '-f', 'json', '-o', 'out'], { cwd: dir });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: out is not a regular file (a folder, a pipe or a socket); name a file to write\n',
    });
    writeFileSync(path.join(dir, 'a-file'), '');
    const under = await tongban(['stats', 'wuhou', '-f', 'csv', '-o', 'a-file/x.csv', '--lang', 'zh-CN'], { cwd: dir });
    expect(under).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^错误：无法写入 a-file\/x\.csv（E\w+）\n$/),
    });
  });

  it('stats of basic catalogs only says why there is nothing to measure', async () => {
    const result = await tongban(['stats', 'catalogs/national']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: no implementation list under catalogs\/national/);
  });

  it('an item that fails the schema is not reported as a vanished file of the ledger', async () => {
    const dir = samples();
    edit(dir, 'national/items/000100001000.yaml', (t) => t.replace('type: 行政许可', 'type: 行政许可证'));
    const codes = (await validateAt(dir, ['national'])).diagnostics.map((d) => d.code);
    expect(codes).toContain('schema/enum');
    expect(codes).not.toContain('ledger/vanished');
  });

  it('API errors carry English messages and can be worded in Chinese', async () => {
    const error = await validateAt(ROOT, ['no/such/place']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe('path does not exist: no/such/place');
    expect(describeError(error, 'zh-CN')).toEqual(['路径不存在：no/such/place']);
    expect(describeError(new Error('x'), 'en')).toBeUndefined();
  });
});
