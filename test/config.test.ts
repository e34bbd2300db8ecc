/** tongban.config.yaml: located errors, severities by code and glob, per-path overrides, ignores, profiles. */
import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, type UsageError } from '../src/index.js';
import { validateAt } from './helpers/api.js';

const BASE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'validate', 'base');
const IMPL = 'impl/items/000100001000.yaml';

/** The base fixture with a config and some edits to the implementation item. */
function project(config: string | undefined, edit: (item: string) => string = (item) => item): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-config-'));
  cpSync(BASE, root, { recursive: true });
  if (config !== undefined) writeFileSync(path.join(root, 'tongban.config.yaml'), config);
  const item = path.join(root, IMPL);
  writeFileSync(item, edit(readFileSync(item, 'utf8')));
  return root;
}

/** A phone without area code (warning) and a promised limit over the statutory one (error). */
const twoProblems = (item: string) =>
  item.replace('0755-83001117', '"83001117"').replace('promisedLimit: { value: 5,', 'promisedLimit: { value: 30,');

async function codesAndSeverities(root: string, cwd = root) {
  const result = await validateAt(cwd, ['.']);
  return result.diagnostics.map((d) => `${d.severity} ${d.code}`);
}

async function configErrorOf(root: string): Promise<ConfigError> {
  const error = await validateAt(root, ['.']).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('config file', () => {
  it('without one, default severities apply', async () => {
    expect(await codesAndSeverities(project(undefined, twoProblems))).toEqual([
      'error limit/promised-exceeds-statutory',
      'warning contact/area-code',
    ]);
  });

  it('sets severities by code and by glob, and drops what is off', async () => {
    const root = project('rules:\n  contact/area-code: off\n  "limit/*": warning\n', twoProblems);
    expect(await codesAndSeverities(root)).toEqual(['warning limit/promised-exceeds-statutory']);
  });

  it('applies overrides for matching paths, later entries winning', async () => {
    const config =
      'rules:\n  limit/promised-exceeds-statutory: warning\noverrides:\n  - files: ["impl/**"]\n    rules:\n      limit/promised-exceeds-statutory: info\n  - files: ["other/**"]\n    rules:\n      limit/promised-exceeds-statutory: off\n';
    expect(await codesAndSeverities(project(config, twoProblems))).toEqual([
      'info limit/promised-exceeds-statutory',
      'warning contact/area-code',
    ]);
  });

  it('is found in a folder above the working directory, with paths relative to itself', async () => {
    const root = project('ignore:\n  - impl/items/**\n', twoProblems);
    const result = await validateAt(path.join(root, 'impl'), ['.']);
    expect(result.diagnostics).toEqual([]);
    expect(result.itemCount).toBe(0);
    expect(result.config?.file).toBe(path.join(root, 'tongban.config.yaml'));
  });

  it('ignores whole catalogs', async () => {
    const result = await validateAt(project('ignore: [impl]\n', twoProblems), ['.']);
    expect(result.catalogCount).toBe(1);
  });

  it('carries failOn to the caller', async () => {
    expect((await validateAt(project('failOn: warning\n'), ['.'])).config?.failOn).toBe('warning');
  });

  it('can be named, or turned off', async () => {
    const root = project('rules:\n  contact/area-code: off\n', twoProblems);
    writeFileSync(path.join(root, 'strict.yaml'), 'rules:\n  "limit/*": info\n');
    expect((await validateAt(root, ['.'], { config: 'strict.yaml' })).diagnostics.map((d) => d.severity)).toEqual([
      'info',
      'warning',
    ]);
    expect((await validateAt(root, ['.'], { config: false })).diagnostics).toHaveLength(2);
    const missing = await validateAt(root, ['.'], { config: 'nope.yaml' }).catch((e: unknown) => e);
    expect((missing as UsageError).messageCode).toBe('usage/config-not-found');
  });

  it('reports schema errors at their line and column', async () => {
    const error = await configErrorOf(project('failOn: sometimes\nrules:\n  contact/area-code: fatal\n'));
    expect(error.findings.map((f) => [f.code, f.file, f.range?.start.line, f.range?.start.column])).toEqual([
      ['schema/enum', 'tongban.config.yaml', 1, 9],
      ['schema/enum', 'tongban.config.yaml', 3, 22],
    ]);
  });

  it('reports a rule key that matches no code, at the key', async () => {
    const error = await configErrorOf(project('rules:\n  uscc/check-digit: warning\n'));
    expect(error.findings.map((f) => [f.code, f.range?.start.line, f.range?.start.column, f.args.code])).toEqual([
      ['config/unknown-code', 2, 3, 'uscc/check-digit'],
    ]);
  });

  it('reports YAML errors in the config itself', async () => {
    const error = await configErrorOf(project('rules:\n\tcontact/area-code: off\n'));
    expect(error.findings[0]).toMatchObject({ code: 'yaml/tab-indent', file: 'tongban.config.yaml' });
  });
});

describe('code profiles per catalog', () => {
  /** Guizhou-style 10-character basic codes: 2-letter type + 5-digit main + 3-digit sub (DB52/T 1264-2018). */
  const LETTERS = [
    'id: guizhou-style',
    'name: 字母类型码',
    'basicCode:',
    '  segments:',
    '    - { name: type, title: 事项类型, length: 2, pattern: "[A-Z]{2}" }',
    '    - { name: main, title: 主项序号, length: 5, pattern: "[0-9]{5}" }',
    '    - { name: sub, title: 子项序号, length: 3, pattern: "[0-9]{2}[0-9Y]" }',
    'typeCodes: { 行政许可: XK, 行政处罚: CF }',
    'implementationCode:',
    '  levelDigits: { 省级: "2", 市级: "3", 县级: "4" }',
    '  handlingItemLength: 2',
    '',
  ].join('\n');

  function letterCodedBasic(config: string, profile = LETTERS): string {
    const root = mkdtempSync(path.join(tmpdir(), 'tongban-profile-'));
    mkdirSync(path.join(root, 'basic', 'items'), { recursive: true });
    writeFileSync(path.join(root, 'basic', 'catalog.yaml'), 'kind: basic\nname: 字母编码目录\norigin: "52"\n');
    writeFileSync(
      path.join(root, 'basic', 'items', 'a.yaml'),
      'code: XK00001000\nname: 某许可\ntype: 行政许可\nlevels: [省级]\nbasis:\n  - law: 某法\n',
    );
    writeFileSync(
      path.join(root, 'basic', 'items', 'b.yaml'),
      'code: XK00002000\nname: 某处罚\ntype: 行政处罚\nlevels: [省级]\nbasis:\n  - law: 某法\n',
    );
    mkdirSync(path.join(root, 'profiles'));
    writeFileSync(path.join(root, 'profiles', 'letters.yaml'), profile);
    writeFileSync(path.join(root, 'tongban.config.yaml'), config);
    return root;
  }

  it('checks codes under the profile the config names for the catalog', async () => {
    const root = letterCodedBasic('catalogs:\n  - path: basic\n    profile: profiles/letters.yaml\n');
    const result = await validateAt(root, ['.']);
    expect(result.diagnostics.map((d) => [d.code, d.file, d.args.expected])).toEqual([
      ['code/basic-type', 'basic/items/b.yaml', 'CF'],
    ]);
  });

  it('under the national profile the same codes are malformed', async () => {
    const root = letterCodedBasic('rules: {}\n');
    const result = await validateAt(root, ['.']);
    expect(new Set(result.diagnostics.map((d) => d.code))).toEqual(new Set(['code/basic-length']));
  });

  it('refuses a profile whose pattern does not compile, at the pattern', async () => {
    const root = letterCodedBasic(
      'catalogs:\n  - path: basic\n    profile: profiles/letters.yaml\n',
      LETTERS.replace('"[0-9]{5}"', '"[0-9{5}"'),
    );
    const error = await configErrorOf(root);
    expect(error.findings.map((f) => [f.code, f.file, f.range?.start.line])).toEqual([
      ['profile/pattern', 'profiles/letters.yaml', 6],
    ]);
  });

  it('refuses type codes that do not fit the type segment', async () => {
    const root = letterCodedBasic(
      'catalogs:\n  - path: basic\n    profile: profiles/letters.yaml\n',
      LETTERS.replace('行政处罚: CF', '行政处罚: "02"'),
    );
    const error = await configErrorOf(root);
    expect(error.findings.map((f) => [f.code, f.args.type])).toEqual([['profile/type-code', '行政处罚']]);
  });
});
