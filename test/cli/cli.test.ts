/** `tongban validate` and `tongban code` through the CLI, in-process: exit codes, stdout and stderr, files written. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { ROOT, tongban } from '../helpers/cli.js';

/** A copy of the sample catalogs with one USCC check character changed. */
function brokenSamples(): { dir: string; file: string; line: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-cli-'));
  cpSync(path.join(ROOT, 'catalogs'), dir, { recursive: true });
  const file = path.join(dir, 'shenzhen', 'items', '000100001000.yaml');
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.trimStart().startsWith('uscc:'));
  lines[line] = lines[line]!.replace(/(\w)"$/, (_, c: string) => `${c === '0' ? '1' : '0'}"`);
  writeFileSync(file, lines.join('\n'));
  return { dir, file: 'shenzhen/items/000100001000.yaml', line: line + 1 };
}

describe('tongban validate', () => {
  it('passes the bundled sample catalogs with a clean summary and exit 0', async () => {
    const result = await tongban(['validate', 'catalogs']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^✔ 4 catalogs, \d+ items checked: no problems\n$/);
    expect(result.code).toBe(0);
  });

  it('exits 1 with file:line:col when one USCC character is changed', async () => {
    const { dir, file, line } = brokenSamples();
    const result = await tongban(['validate', '.'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(file);
    expect(result.stdout).toMatch(
      new RegExp(`\\n\\s+${line}:9\\s+error\\s+USCC .* wrong check character.*uscc/check-char`),
    );
  });

  it('speaks Chinese with --lang zh-CN and by locale', async () => {
    const { dir } = brokenSamples();
    expect((await tongban(['validate', '.', '--lang', 'zh-CN'], { cwd: dir })).stdout).toContain('校验码错误');
    expect((await tongban(['validate', '.'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } })).stdout).toContain('个问题');
  });

  it('writes JSON that parses', async () => {
    const { dir } = brokenSamples();
    const result = await tongban(['validate', '.', '--format', 'json'], { cwd: dir });
    const output = JSON.parse(result.stdout);
    expect(output.summary.errors).toBeGreaterThan(0);
    expect(output.diagnostics.map((d: { code: string }) => d.code)).toContain('uscc/check-char');
  });

  it('--fail-on decides which severities fail the run', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tongban-cli-'));
    cpSync(path.join(ROOT, 'catalogs'), dir, { recursive: true });
    // Only a warning: a phone without its area code.
    const file = path.join(dir, 'wuhou', 'items', '000100001000.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/phone: 028-(\d+)/, 'phone: "$1"'));
    expect((await tongban(['validate', '.'], { cwd: dir })).code).toBe(0);
    expect((await tongban(['validate', '.', '--fail-on', 'warning'], { cwd: dir })).code).toBe(1);
    expect((await tongban(['validate', '.', '--fail-on', 'none'], { cwd: dir })).code).toBe(0);
  });

  it('colours only on request or on a terminal, and honours NO_COLOR', async () => {
    const { dir } = brokenSamples();
    expect((await tongban(['validate', '.'], { cwd: dir })).stdout).not.toMatch(/\u001b\[/);
    expect((await tongban(['validate', '.', '--color'], { cwd: dir })).stdout).toMatch(/\u001b\[/);
    expect((await tongban(['validate', '.'], { cwd: dir, env: { FORCE_COLOR: '1' } })).stdout).toMatch(/\u001b\[/);
    expect(
      (await tongban(['validate', '.'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout,
    ).not.toMatch(/\u001b\[/);
  });

  it('exits 2 with a one-line message, no stack trace, for a path that does not exist', async () => {
    const result = await tongban(['validate', 'no/such/place']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('error: path does not exist: no/such/place\n');
  });

  it('exits 2 for a folder without catalogs', async () => {
    const result = await tongban(['validate', 'test/core']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no catalogs (catalog.yaml) found under "test/core"');
  });

  it('exits 2 for an unknown format or option', async () => {
    expect((await tongban(['validate', '--format', 'xml'])).code).toBe(2);
    expect((await tongban(['validate', '--frobnicate'])).code).toBe(2);
  });
});

describe('tongban', () => {
  it('prints its version', async () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await tongban(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('documents exit codes in help, in Chinese too', async () => {
    expect((await tongban(['validate', '--help'])).stdout).toContain(
      'Exit codes: 0 no findings; 1 findings at or above --fail-on; 2 usage',
    );
    const zh = await tongban(['validate', '--help', '--lang', 'zh-CN']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('用法：');
    expect(zh.stdout).toContain('退出码');
  });
});

describe('tongban validate with several formats', () => {
  it('writes each --output file and keeps one format on stdout', async () => {
    const { dir } = brokenSamples();
    const result = await tongban(
      [
        'validate',
        '.',
        '--format',
        'sarif',
        '--output',
        'out/report.sarif',
        '--format',
        'junit',
        '-o',
        'out/junit.xml',
        '--format',
        'github',
      ],
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=shenzhen\/items\/000100001000\.yaml,line=\d+/);
    expect(JSON.parse(readFileSync(path.join(dir, 'out', 'report.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(path.join(dir, 'out', 'junit.xml'), 'utf8')).toContain('<testsuites name="tongban"');
  });

  it('refuses two formats on stdout, and an --output with no --format of its own', async () => {
    expect(await tongban(['validate', 'catalogs', '-f', 'json', '-f', 'stylish'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('only one --format'),
    });
    expect((await tongban(['validate', 'catalogs', '-f', 'json', '-o', '/tmp/a.json', '-o', '/tmp/b.json'])).code).toBe(
      2,
    );
  });
});

describe('tongban validate with a config file', () => {
  it('takes --fail-on from the config unless given, and prints config errors located with exit 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tongban-cli-'));
    cpSync(path.join(ROOT, 'catalogs'), dir, { recursive: true });
    const file = path.join(dir, 'wuhou', 'items', '000100001000.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/phone: 028-(\d+)/, 'phone: "$1"'));
    writeFileSync(path.join(dir, 'tongban.config.yaml'), 'failOn: warning\n');
    expect((await tongban(['validate', '.'], { cwd: dir })).code).toBe(1);
    expect((await tongban(['validate', '.', '--fail-on', 'error'], { cwd: dir })).code).toBe(0);
    expect((await tongban(['validate', '.', '--no-config'], { cwd: dir })).code).toBe(0);
    writeFileSync(path.join(dir, 'tongban.config.yaml'), 'failOn: warning\nrules:\n  uscc/check-digit: off\n');
    expect(await tongban(['validate', '.'], { cwd: dir })).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'tongban.config.yaml:3:3: no finding code matches "uscc/check-digit" (misspelt?) (config/unknown-code)\n',
    });
  });
});

describe('tongban validate with a baseline', () => {
  it('--baseline-write accepts today, --baseline then passes until something new appears', async () => {
    const { dir } = brokenSamples();
    expect((await tongban(['validate', '.'], { cwd: dir })).code).toBe(1);
    expect(await tongban(['validate', '.', '--baseline-write', '.tongban-baseline.json'], { cwd: dir })).toMatchObject({
      code: 0,
      stderr: 'baseline .tongban-baseline.json written: 2 findings\n',
    });
    const known = await tongban(['validate', '.', '--baseline', '.tongban-baseline.json'], { cwd: dir });
    expect(known.code).toBe(0);
    expect(known.stdout).toContain('baseline .tongban-baseline.json: 2 known findings not shown, 0 fixed');
    const file = path.join(dir, 'wuhou', 'items', '000100001000.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('value: 10\n', 'value: 30\n'));
    expect((await tongban(['validate', '.', '--baseline', '.tongban-baseline.json'], { cwd: dir })).code).toBe(1);
  });
});

describe('tongban code', () => {
  it('explain: exit 0 for valid codes, 1 when any is wrong, JSON on request', async () => {
    expect((await tongban(['code', 'explain', '000100001000', '11440232MB2D06811W4000117051000'])).code).toBe(0);
    const wrong = await tongban(['code', 'explain', '0001000O1000', '--lang', 'zh-CN']);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('“主项序号”段“000O1”不正确');
    const json = JSON.parse((await tongban(['code', 'explain', '00010000300Y', '--format', 'json'])).stdout);
    expect(json).toMatchObject({ report: 'explain', version: 1 });
    expect(json.codes[0]).toMatchObject({
      kind: 'basic',
      valid: true,
      segments: [
        { name: 'origin' },
        { name: 'type' },
        { name: 'main' },
        { name: 'sub', meaning: 'main item with sub-items' },
      ],
    });
  });

  it('assign --dry-run prints the plan and writes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tongban-cli-'));
    cpSync(path.join(ROOT, 'catalogs'), dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'national', 'items', 'new.yaml'),
      'name: 新事项\ntype: 行政许可\nlevels: [市级]\nbasis:\n  - law: 某法\n',
    );
    const before = readFileSync(path.join(dir, 'national', 'items', 'new.yaml'), 'utf8');
    const result = await tongban(['code', 'assign', 'national', '--dry-run'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\+ items\/new\.yaml {2}000100006000/);
    expect(readFileSync(path.join(dir, 'national', 'items', 'new.yaml'), 'utf8')).toBe(before);
  });
});
