/**
 * Hostile and broken inputs: each must come back as a located finding or a usage error, quickly, and
 * never as a crash.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/index.js';
import { validateAt } from './helpers/api.js';

const BASE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'validate', 'base');
const FILE = 'basic/items/bad.yaml';

/** A copy of the valid base catalogs with one more item file holding `content`. */
function catalogWith(content: string | Uint8Array): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-bad-'));
  cpSync(BASE, root, { recursive: true });
  writeFileSync(path.join(root, FILE), content);
  return root;
}

async function findingsFor(content: string | Uint8Array) {
  const root = catalogWith(content);
  const report = await validateAt(root, [root]);
  return report.diagnostics.map((d) => ({
    code: d.code,
    line: d.range?.start.line,
    column: d.range?.start.column,
    args: d.args,
  }));
}

const VALID_BASIC = 'code: "000100005000"\nname: 测试事项\ntype: 行政许可\nlevels: [市级]\nbasis:\n  - law: 某法\n';

describe('bad input', () => {
  it('malformed YAML: one syntax error at its position', async () => {
    expect(await findingsFor('name: 测试\nlevels: [市级\ntype: 行政许可\n')).toMatchObject([
      { code: 'yaml/syntax', line: 3 },
    ]);
  });

  it('tab indentation', async () => {
    expect(await findingsFor('basis:\n\t- law: 某法\n')).toMatchObject([
      { code: 'yaml/tab-indent', line: 2, column: 1 },
    ]);
  });

  it('a 0-byte file', async () => {
    expect(await findingsFor('')).toEqual([{ code: 'yaml/empty', line: 1, column: 1, args: {} }]);
  });

  it('a file holding only a comment is empty too', async () => {
    expect(await findingsFor('# 待补充\n')).toMatchObject([{ code: 'yaml/empty' }]);
  });

  it('a YAML list instead of a mapping', async () => {
    expect(await findingsFor('- name: 测试\n- name: 测试二\n')).toMatchObject([
      { code: 'yaml/not-mapping', line: 1, column: 1, args: { actual: 'list' } },
    ]);
  });

  it('GBK bytes from a Windows editor: named, located, with the conversion hint', async () => {
    // "name: 名称" with 名称 in GBK (C3FB B3C6).
    const gbk = Uint8Array.from([...Buffer.from('name: '), 0xc3, 0xfb, 0xb3, 0xc6, 0x0a]);
    expect(await findingsFor(gbk)).toEqual([
      { code: 'file/encoding', line: 1, column: 7, args: { encoding: 'GBK/GB18030' } },
    ]);
  });

  it('a UTF-8 BOM is accepted and does not shift columns', async () => {
    expect(await findingsFor('\uFEFF' + VALID_BASIC)).toEqual([]);
    expect(await findingsFor('\uFEFF' + VALID_BASIC.replace('"000100005000"', '"00010000500"'))).toMatchObject([
      { code: 'code/basic-length', line: 1, column: 7 },
    ]);
  });

  it('several YAML documents in one item file', async () => {
    expect(await findingsFor(VALID_BASIC + '---\nname: 第二个\n')).toMatchObject([
      { code: 'yaml/multi-document', line: 7, column: 1 },
    ]);
  });

  it('a trailing document marker with nothing after it is harmless', async () => {
    expect(await findingsFor(VALID_BASIC + '---\n')).toEqual([]);
  });

  it('NUL bytes', async () => {
    expect(await findingsFor('name: 测\0试\n')).toEqual([{ code: 'file/nul-byte', line: 1, column: 8, args: {} }]);
  });

  it('deeply nested flow collections are refused before the parser sees them', async () => {
    const started = Date.now();
    const findings = await findingsFor('name: ' + '['.repeat(100_000) + ']'.repeat(100_000) + '\n');
    expect(findings).toMatchObject([{ code: 'yaml/too-deep', line: 1, column: 7 + 100 }]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('deeply nested block sequences are refused after parsing', async () => {
    expect(await findingsFor('basis:\n  ' + '- '.repeat(500) + 'x\n')).toMatchObject([{ code: 'yaml/too-deep' }]);
  });

  it('a multi-megabyte scalar is read and validated like any other', async () => {
    const huge = 'description: ' + '很'.repeat(3 * 1024 * 1024) + '\n';
    expect(await findingsFor(VALID_BASIC + huge)).toEqual([]);
  });

  it('an alias expansion ("billion laughs") is refused, not expanded', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill('*' + String.fromCharCode(96 + i))
          .join(', ')}]`,
      );
    const started = Date.now();
    expect(await findingsFor(levels.join('\n') + '\n')).toMatchObject([
      { code: 'yaml/alias-limit', line: 1, column: 1 },
    ]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('__proto__ keys are reported as unknown properties and pollute nothing', async () => {
    const findings = await findingsFor(VALID_BASIC + '__proto__:\n  polluted: true\n');
    expect(findings).toMatchObject([
      { code: 'schema/unknown-property', line: 7, column: 1, args: { property: '__proto__' } },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('duplicate keys are each reported', async () => {
    expect(await findingsFor(VALID_BASIC + 'name: 又一个\ntype: 行政处罚\n')).toMatchObject([
      { code: 'yaml/duplicate-key', line: 7, column: 1 },
      { code: 'yaml/duplicate-key', line: 8, column: 1 },
    ]);
  });
});

describe('bad paths', () => {
  async function usageErrorOf(paths: string[], cwd: string): Promise<UsageError> {
    const error = await validateAt(cwd, paths).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }

  it('a path that does not exist', async () => {
    expect((await usageErrorOf(['no/such/dir'], BASE)).messageCode).toBe('usage/path-not-found');
  });

  it('a folder with no catalogs', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'tongban-empty-'));
    mkdirSync(path.join(empty, 'items'));
    writeFileSync(path.join(empty, 'items', 'x.yaml'), VALID_BASIC);
    expect((await usageErrorOf(['.'], empty)).messageCode).toBe('usage/no-catalogs');
    expect((await usageErrorOf(['items/x.yaml'], empty)).messageCode).toBe('usage/not-in-catalog');
  });

  it('a file that is not YAML', async () => {
    expect((await usageErrorOf(['../../../rules.test.ts'], BASE)).messageCode).toBe('usage/not-yaml');
  });

  it('an implementation list whose basic catalog is missing', async () => {
    const root = catalogWith(VALID_BASIC);
    writeFileSync(
      path.join(root, 'impl', 'catalog.yaml'),
      'kind: implementation\nname: 测试\nregion: "440300"\nlevel: 市级\nbasic: ../nowhere\n',
    );
    const report = await validateAt(root, ['impl']);
    expect(report.diagnostics.map((d) => [d.code, d.file, d.range?.start.line, d.range?.start.column])).toEqual([
      ['catalog/basic-missing', 'impl/catalog.yaml', 5, 8],
    ]);
  });

  it('a single item file limits findings to that file but still checks against its catalog', async () => {
    const root = catalogWith(VALID_BASIC.replace('"000100005000"', '"000100001000"'));
    const report = await validateAt(root, [FILE]);
    expect(report.itemCount).toBe(1);
    expect(report.diagnostics.map((d) => [d.code, d.file])).toEqual([['code/duplicate', FILE]]);
  });
});
