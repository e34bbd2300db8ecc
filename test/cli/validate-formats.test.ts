/**
 * `tongban validate` through the CLI, in-process: every report format on stdout and in files, the cache,
 * config files, baselines, single-file paths and the usage errors that exit 2, and the help text.
 * Every scenario that changes anything works on a copy of the sample catalogs in a temporary folder.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';

import { ROOT, tongban } from '../helpers/cli.js';

const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

const BROKEN = 'shenzhen/items/000100001000.yaml';

function samples(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-validate-'));
  cpSync(path.join(ROOT, 'catalogs'), dir, { recursive: true });
  return dir;
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const write = (dir: string, file: string, text: string) => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};

/**
 * The samples with the check character of one agency USCC changed: two errors in one file, the USCC itself
 * (uscc/check-char, line 18) and the implementation code that no longer contains it (code/impl-agency, line 3).
 */
function broken(): string {
  const dir = samples();
  const text = read(dir, BROKEN);
  const changed = text.replace('uscc: "114403000971908070"', 'uscc: "114403000971908071"');
  expect(changed).not.toBe(text);
  write(dir, BROKEN, changed);
  return dir;
}

/** What each format must say about the broken samples. */
const CHECKS: Record<Format, (out: string) => void> = {
  stylish(out) {
    expect(out).toContain(`${BROKEN}\n`);
    expect(out).toMatch(/\n\s+3:7\s+error\s+implementation code contains USCC .*code\/impl-agency\n/);
    expect(out).toMatch(
      /\n\s+18:9\s+error\s+USCC "114403000971908071" has a wrong check character.*uscc\/check-char\n/,
    );
    expect(out).toMatch(/\n✖ 2 problems \(2 errors, 0 warnings, 0 infos\) in 4 catalogs, \d+ items\n$/);
  },
  json(out) {
    const json = JSON.parse(out);
    expect(json).toMatchObject({
      report: 'validate',
      version: 1,
      summary: { catalogs: 4, items: expect.any(Number), errors: 2, warnings: 0, infos: 0 },
    });
    expect(json.diagnostics.map((d: { code: string; file: string; line: number }) => [d.code, d.file, d.line])).toEqual(
      [
        ['code/impl-agency', BROKEN, 3],
        ['uscc/check-char', BROKEN, 18],
      ],
    );
  },
  sarif(out) {
    const sarif = JSON.parse(out);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0].tool.driver.name).toBe('tongban');
    const results = sarif.runs[0].results as {
      ruleId: string;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    }[];
    expect(
      results.map((r) => [
        r.ruleId,
        r.level,
        r.locations[0]?.physicalLocation.artifactLocation.uri,
        r.locations[0]?.physicalLocation.region.startLine,
      ]),
    ).toEqual([
      ['code/impl-agency', 'error', BROKEN, 3],
      ['uscc/check-char', 'error', BROKEN, 18],
    ]);
  },
  junit(out) {
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="tongban"')).toBe(true);
    expect(out).toMatch(/<testsuites name="tongban" tests="\d+" failures="2" errors="0">/);
    expect(out).toContain(`<testsuite name="${BROKEN}" tests="2" failures="2" errors="0">`);
    expect(out.match(/<failure type="([^"]+)"/g)).toEqual([
      '<failure type="code/impl-agency"',
      '<failure type="uscc/check-char"',
    ]);
  },
  github(out) {
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^::error file=${BROKEN},line=3,col=7,.*title=tongban code/impl-agency::`));
    expect(lines[1]).toMatch(new RegExp(`^::error file=${BROKEN},line=18,col=9,.*title=tongban uscc/check-char::`));
  },
  markdown(out) {
    expect(out.startsWith('### tongban validate\n')).toBe(true);
    expect(out).toMatch(/\n❌ 2 problems \(2 errors, 0 warnings, 0 infos\) in 4 catalogs, \d+ items\n/);
    expect(out).toContain('| File | Position | Severity | Code | Message |');
    expect(out).toContain(`| \`${BROKEN}\` | 18:9 | error | \`uscc/check-char\` |`);
    expect(out).toContain(`| \`${BROKEN}\` | 3:7 | error | \`code/impl-agency\` |`);
  },
};

/** What each format says when there is nothing to report. */
const CLEAN: Record<Format, (out: string) => void> = {
  stylish: (out) => expect(out).toMatch(/^✔ 4 catalogs, \d+ items checked: no problems\n$/),
  json: (out) => expect(JSON.parse(out)).toMatchObject({ report: 'validate', summary: { errors: 0 }, diagnostics: [] }),
  sarif: (out) => expect(JSON.parse(out).runs[0].results).toEqual([]),
  junit: (out) => expect(out).toMatch(/<testsuites name="tongban" tests="\d+" failures="0" errors="0">/),
  github: (out) => expect(out).toBe(''),
  markdown: (out) => expect(out).toMatch(/^### tongban validate\n\n✔ 4 catalogs, \d+ items checked: no problems\n$/),
};

describe('tongban validate -f', () => {
  it.each(FORMATS)('%s: to stdout, exit 1 with the two findings', async (format) => {
    const dir = broken();
    const result = await tongban(['validate', '.', '-f', format], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    CHECKS[format](result.stdout);
  });

  it.each(FORMATS)('%s: -o writes the same text to the file, and nothing to stdout', async (format) => {
    const dir = broken();
    const stdout = (await tongban(['validate', '.', '-f', format], { cwd: dir })).stdout;
    const result = await tongban(['validate', '.', '-f', format, '-o', `reports/out.${format}`], { cwd: dir });
    expect(result).toEqual({ code: 1, stdout: '', stderr: '' });
    const file = read(dir, `reports/out.${format}`);
    CHECKS[format](file);
    expect(file).toBe(stdout);
  });

  it.each(FORMATS)('%s: the clean samples, exit 0', async (format) => {
    const result = await tongban(['validate', 'catalogs', '-f', format]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    CLEAN[format](result.stdout.replace(/catalogs\//g, ''));
  });

  it('writes several formats at once: each -o to its file, one format on stdout', async () => {
    const dir = broken();
    const result = await tongban(
      ['validate', '.', '-f', 'json', '-o', 'a.json', '-f', 'sarif', '--output', 'b.sarif', '-f', 'markdown'],
      { cwd: dir },
    );
    expect(result.code).toBe(1);
    CHECKS.markdown(result.stdout);
    CHECKS.json(read(dir, 'a.json'));
    CHECKS.sarif(read(dir, 'b.sarif'));
  });

  it('-o without -f writes the default (stylish) format to the file', async () => {
    const dir = broken();
    const result = await tongban(['validate', '.', '-o', 'report.txt'], { cwd: dir });
    expect(result).toEqual({ code: 1, stdout: '', stderr: '' });
    CHECKS.stylish(read(dir, 'report.txt'));
  });

  it('never colours a file, even with --color', async () => {
    const dir = broken();
    expect((await tongban(['validate', '.', '--color'], { cwd: dir })).stdout).toMatch(/\u001b\[/);
    await tongban(['validate', '.', '--color', '-o', 'report.txt'], { cwd: dir });
    const file = read(dir, 'report.txt');
    CHECKS.stylish(file);
    expect(file).not.toMatch(/\u001b\[/);
  });

  it('exits 2 for an unknown format, and for two formats on stdout', async () => {
    const dir = broken();
    const unknown = await tongban(['validate', '.', '-f', 'xml'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('stylish, json, sarif, junit, github, markdown');
    expect(await tongban(['validate', '.', '-f', 'json', '-f', 'github'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: only one --format can write to stdout; give the others an --output file\n',
    });
  });
});

describe('tongban validate --cache', () => {
  it.each(FORMATS)('%s: a first and a second run with --cache print what a run without it prints', async (format) => {
    const dir = broken();
    const plain = await tongban(['validate', '.', '-f', format], { cwd: dir });
    const first = await tongban(['validate', '.', '-f', format, '--cache'], { cwd: dir });
    expect(existsSync(path.join(dir, '.tongban-cache'))).toBe(true);
    const second = await tongban(['validate', '.', '-f', format, '--cache'], { cwd: dir });
    expect(first).toEqual(plain);
    expect(second).toEqual(plain);
  });

  it('sees a file changed between two cached runs, and the language of the run', async () => {
    const dir = broken();
    await tongban(['validate', '.', '--cache'], { cwd: dir });
    // Fixed again: same size, different content.
    write(dir, BROKEN, read(dir, BROKEN).replace('uscc: "114403000971908071"', 'uscc: "114403000971908070"'));
    const cached = await tongban(['validate', '.', '--cache'], { cwd: dir });
    expect(cached).toEqual(await tongban(['validate', '.'], { cwd: dir }));
    expect(cached.code).toBe(0);
    // Break a different file and ask in Chinese: the cache holds findings, not messages.
    const other = 'wuhou/items/000100001000.yaml';
    write(dir, other, read(dir, other).replace('value: 10\n', 'value: 30\n'));
    const zh = await tongban(['validate', '.', '--cache', '--lang', 'zh-CN'], { cwd: dir });
    expect(zh).toEqual(await tongban(['validate', '.', '--lang', 'zh-CN'], { cwd: dir }));
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain(other);
  });

  it('--cache-location puts the cache in the folder named', async () => {
    const dir = broken();
    const result = await tongban(['validate', '.', '--cache', '--cache-location', 'tmp/cache'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(existsSync(path.join(dir, 'tmp', 'cache'))).toBe(true);
    expect(existsSync(path.join(dir, '.tongban-cache'))).toBe(false);
  });
});

describe('tongban validate --config / --no-config', () => {
  /** Turning off uscc/check-char leaves only code/impl-agency. */
  const OFF = 'rules:\n  uscc/check-char: off\n';
  const codesOf = (stdout: string) =>
    (JSON.parse(stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);

  it('uses the nearest tongban.config.yaml, also from a subfolder, unless --no-config', async () => {
    const dir = broken();
    write(dir, 'tongban.config.yaml', OFF);
    expect(codesOf((await tongban(['validate', '.', '-f', 'json'], { cwd: dir })).stdout)).toEqual([
      'code/impl-agency',
    ]);
    const fromBelow = await tongban(['validate', '../..', '-f', 'json'], { cwd: path.join(dir, 'shenzhen', 'items') });
    expect(codesOf(fromBelow.stdout)).toEqual(['code/impl-agency']);
    expect(codesOf((await tongban(['validate', '.', '-f', 'json', '--no-config'], { cwd: dir })).stdout)).toEqual([
      'code/impl-agency',
      'uscc/check-char',
    ]);
  });

  it('--config names another file, used instead of the one found', async () => {
    const dir = broken();
    write(dir, 'tongban.config.yaml', 'rules:\n  code/impl-agency: off\n');
    write(dir, 'configs/strict.yaml', OFF + 'failOn: warning\n');
    expect(codesOf((await tongban(['validate', '.', '-f', 'json'], { cwd: dir })).stdout)).toEqual(['uscc/check-char']);
    const other = await tongban(['validate', '.', '-f', 'json', '--config', 'configs/strict.yaml'], { cwd: dir });
    expect(codesOf(other.stdout)).toEqual(['code/impl-agency']);
    expect(
      codesOf((await tongban(['validate', '.', '-f', 'json', '-c', 'configs/strict.yaml'], { cwd: dir })).stdout),
    ).toEqual(['code/impl-agency']);
  });

  it('--no-config ignores a broken config file', async () => {
    const dir = broken();
    write(dir, 'tongban.config.yaml', 'failOn: sometimes\n');
    expect((await tongban(['validate', '.'], { cwd: dir })).code).toBe(2);
    const result = await tongban(['validate', '.', '--no-config'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    CHECKS.stylish(result.stdout);
  });

  it('exits 2 for a --config file that does not exist', async () => {
    const dir = broken();
    expect(await tongban(['validate', '.', '--config', 'nope.yaml'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: config file not found: nope.yaml\n',
    });
  });

  it.each([
    [
      'a value outside the code list',
      'failOn: warning\nrules:\n  uscc/check-char: sometimes\n',
      'tongban.config.yaml:3:20: "sometimes" is not in the code list; allowed: off、info、warning、error (schema/enum)\n',
    ],
    [
      'a misspelt key',
      'failOn: warning\nrulez: {}\n',
      'tongban.config.yaml:2:1: unknown property "rulez" (misspelt, or not an element of this item) (schema/unknown-property)\n',
    ],
    [
      'a tab in the indentation',
      'rules:\n\tcontact/area-code: off\n',
      'tongban.config.yaml:2:1: YAML does not allow tabs for indentation; use spaces (yaml/tab-indent)\n',
    ],
  ])('exits 2 for a config with %s, with file:line:col: message (code) on stderr', async (_, config, stderr) => {
    const dir = broken();
    write(dir, 'tongban.config.yaml', config);
    expect(await tongban(['validate', '.'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr });
  });

  it('locates errors in a --config file by its path, in Chinese with --lang zh-CN', async () => {
    const dir = broken();
    write(dir, 'configs/bad.yaml', 'failOn: sometimes\n');
    const result = await tongban(['validate', '.', '-c', 'configs/bad.yaml', '--lang', 'zh-CN'], { cwd: dir });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'configs/bad.yaml:1:9: 取值“sometimes”不在代码表中，可选：error、warning、info、none (schema/enum)\n',
    });
  });
});

describe('tongban validate --baseline', () => {
  it('exits 2 with one line for a baseline file that does not exist', async () => {
    const dir = broken();
    expect(await tongban(['validate', '.', '--baseline', 'missing.json'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: baseline file not found: missing.json\n',
    });
    expect(await tongban(['validate', '.', '--baseline', 'missing.json', '--lang', 'zh-CN'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: '错误：找不到基线文件：missing.json\n',
    });
  });

  it('exits 2 for a baseline that is not one, located', async () => {
    const dir = broken();
    write(dir, 'baseline.json', '{"version": 1}\n');
    const result = await tongban(['validate', '.', '--baseline', 'baseline.json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^baseline\.json:1:\d+: .+ \(schema\/required\)\n$/);
  });
});

describe('tongban validate <paths>', () => {
  it('a single item file: only its findings, one item counted', async () => {
    const dir = broken();
    const own = await tongban(['validate', BROKEN, '-f', 'json'], { cwd: dir });
    expect(own.code).toBe(1);
    const json = JSON.parse(own.stdout);
    expect(json.summary).toMatchObject({ catalogs: 1, items: 1, errors: 2 });
    expect(new Set(json.diagnostics.map((d: { file: string }) => d.file))).toEqual(new Set([BROKEN]));

    const other = await tongban(['validate', 'shenzhen/items/000100002000.yaml'], { cwd: dir });
    expect(other).toEqual({ code: 0, stdout: '✔ 1 catalog, 1 item checked: no problems\n', stderr: '' });
  });

  it('a single item file is still checked against the rest of its catalog (duplicate codes)', async () => {
    const dir = samples();
    write(dir, 'national/items/copy.yaml', read(dir, 'national/items/000100001000.yaml'));
    const result = await tongban(['validate', 'national/items/copy.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'national/items/copy.yaml\n  2:7  error  code "000100001000" is already used by national/items/000100001000.yaml  code/duplicate\n',
    );
    expect(result.stdout).toContain('in 1 catalog, 1 item');
  });

  it('exits 2 for a folder with no catalogs, a file outside any catalog, and a path that does not exist', async () => {
    const dir = samples();
    mkdirSync(path.join(dir, 'empty'));
    write(dir, 'loose.yaml', 'name: x\n');
    expect(await tongban(['validate', 'empty'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: no catalogs (catalog.yaml) found under "empty"\n',
    });
    expect(await tongban(['validate', 'loose.yaml'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: "loose.yaml" is not inside a catalog (no catalog.yaml in its folder or above)\n',
    });
    expect(await tongban(['validate', 'empty', '--lang', 'zh-CN'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: '错误：“empty”下没有找到目录（没有 catalog.yaml）\n',
    });
  });

  it('exits 2 with one line for --changed in a folder that is not a git repository', async () => {
    const dir = broken();
    const result = await tongban(['validate', '.', '--changed'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: git failed \(git [^)]*\): .+\n$/);
    const zh = await tongban(['validate', '.', '--changed', 'HEAD', '--lang', 'zh-CN'], { cwd: dir });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/^错误：git 命令失败（git [^）]*）：.+\n$/);
  });
});

describe('tongban validate --help', () => {
  it('in English: usage, every option, the exit codes', async () => {
    const result = await tongban(['validate', '--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.startsWith('Usage: tongban validate [options] [paths...]\n')).toBe(true);
    for (const option of [
      '-f, --format <name>',
      '-o, --output <file>',
      '--fail-on <severity>',
      '-c, --config <file>',
      '--no-config',
      '--baseline <file>',
      '--baseline-write <file>',
      '--changed [ref]',
      '--cache ',
      '--cache-location <dir>',
      '--lang <lang>',
      '--color',
      '--no-color',
      '-h, --help',
    ])
      expect(result.stdout).toContain(option);
    expect(result.stdout).toMatch(/"stylish",\s+"json",\s+"sarif",\s+"junit",\s+"github",\s+"markdown"/);
    expect(result.stdout).toMatch(
      /Exit codes: 0 no findings; 1 findings at or above --fail-on; 2 usage, config or internal error\.\n\nExamples:\n/,
    );
    expect(result.stdout).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('in Chinese, with --lang zh-CN or by locale', async () => {
    const result = await tongban(['validate', '--help', '--lang', 'zh-CN']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('用法：tongban validate [选项] [paths...]\n')).toBe(true);
    for (const heading of ['参数：', '选项：']) expect(result.stdout).toContain(`\n${heading}\n`);
    expect(result.stdout).toContain('不使用配置文件');
    expect(result.stdout).toContain('否则 error；可选：error、warning、info、none）');
    expect(result.stdout).toContain('缓存文件夹（默认：.tongban-cache）');
    expect(result.stdout).toMatch(
      /退出码：0 无问题；1 存在达到 --fail-on 级别的问题；2 用法、配置或内部错误。\n\n示例：\n/,
    );
    expect(result.stdout).not.toContain('Usage:');
    expect(await tongban(['validate', '-h'], { env: { LANG: 'zh_CN.UTF-8' } })).toEqual(result);
  });

  it('English help lines fit in 100 columns', async () => {
    const lines = (await tongban(['validate', '--help'])).stdout.split('\n');
    expect(Math.max(...lines.map((l) => stringWidth(l)))).toBeLessThanOrEqual(100);
  });

  it('Chinese help lines fit in 100 columns too', async () => {
    const lines = (await tongban(['validate', '--help', '--lang', 'zh-CN'])).stdout.split('\n');
    expect(Math.max(...lines.map((l) => stringWidth(l)))).toBeLessThanOrEqual(100);
  });
});
