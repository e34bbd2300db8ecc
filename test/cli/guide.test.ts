/** `tongban guide` through the CLI, in-process: sites in each format, --stdout, incremental runs, languages, bad input. */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { ROOT, tongban, type CliRun } from '../helpers/cli.js';

/** 工伤认定 in the wuhou list: its implementation code and its basic code. */
const CODE = '1151010701947729864000700001000';
const BASIC = '000700001000';

/** A fresh copy of the sample catalogs (national, guangdong, shenzhen, wuhou). */
function samples(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-guide-'));
  cpSync(path.join(ROOT, 'catalogs'), dir, { recursive: true });
  return dir;
}

/**
 * A usage error: exit 2, nothing on stdout, one line on stderr (no stack trace); commander may add its
 * "(Did you mean …?)" line for a near miss.
 */
function expectUsage(result: CliRun, fragment: string | RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^[^\n]+\n(\(Did you mean [^\n]+\?\)\n)?$/);
  expect(result.stderr).not.toMatch(/internal error|\bat .+:\d+:\d+/);
  expect(result.stderr).toMatch(fragment);
}

/** The summary line of one build: pages rendered, unchanged, deleted, and the folder. */
function summary(rendered: number, unchanged: number, deleted: number, out: string): RegExp {
  return new RegExp(`^${rendered} \\D+${unchanged} \\D+${deleted} \\D+${out.replace(/[.\\/]/g, '\\$&')}$`, 'm');
}

const pages = (dir: string, ext: string) => readdirSync(dir).filter((f) => f.endsWith(ext));

/** Pages of the wuhou sample: its 10 items and its bundle (开办餐饮店一件事, bundles/restaurant.yaml). */
const WUHOU = 11;

describe('tongban guide: building sites', () => {
  it('--out builds the HTML site (the default format): an index and a page per item', async () => {
    const dir = samples();
    const result = await tongban(['guide', 'wuhou', '--out', 'site'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(summary(WUHOU, 0, 0, 'site'));
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    const index = readFileSync(path.join(dir, 'site', 'index.html'), 'utf8');
    expect(index.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(index).toContain('工伤认定');
    expect(pages(path.join(dir, 'site', 'wuhou'), '.html')).toHaveLength(WUHOU);
    const page = readFileSync(path.join(dir, 'site', 'wuhou', `${CODE}.html`), 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<title>工伤认定');
    expect(page).toContain('application/ld+json');
    expect(existsSync(path.join(dir, 'site', '.tongban-guides.json'))).toBe(true);
    expect(existsSync(path.join(ROOT, 'site'))).toBe(false);
  });

  it('-f md -o <dir> builds Markdown', async () => {
    const dir = samples();
    const result = await tongban(['guide', 'wuhou', '-f', 'md', '-o', 'md'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(summary(WUHOU, 0, 0, 'md'));
    expect(readFileSync(path.join(dir, 'md', 'index.md'), 'utf8')).toMatch(/^# /);
    expect(pages(path.join(dir, 'md', 'wuhou'), '.md')).toHaveLength(WUHOU);
    expect(pages(path.join(dir, 'md', 'wuhou'), '.html')).toEqual([]);
    const page = readFileSync(path.join(dir, 'md', 'wuhou', `${CODE}.md`), 'utf8');
    expect(page.startsWith('# 工伤认定\n')).toBe(true);
    expect(page).toContain(`${CODE}（基本编码 ${BASIC}）`);
  });

  it('two formats in one run, each to its own folder', async () => {
    const dir = samples();
    const result = await tongban(
      ['guide', 'wuhou', '-f', 'html', '-o', 'out/html', '--format', 'md', '--output', 'md'],
      {
        cwd: dir,
      },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(summary(WUHOU, 0, 0, 'out/html'));
    expect(result.stdout).toMatch(summary(WUHOU, 0, 0, 'md'));
    expect(pages(path.join(dir, 'out', 'html', 'wuhou'), '.html')).toHaveLength(WUHOU);
    expect(pages(path.join(dir, 'md', 'wuhou'), '.md')).toHaveLength(WUHOU);
    expect(pages(path.join(dir, 'out', 'html', 'wuhou'), '.md')).toEqual([]);
  });

  it('several catalogs in one site', async () => {
    const dir = samples();
    const result = await tongban(['guide', 'shenzhen', 'wuhou', '--out', 'site'], { cwd: dir });
    expect(result.code).toBe(0);
    // 12 items and 2 bundles of shenzhen, and wuhou's pages.
    expect(result.stdout).toMatch(summary(14 + WUHOU, 0, 0, 'site'));
    expect(pages(path.join(dir, 'site', 'shenzhen'), '.html')).toHaveLength(14);
  });

  it('refuses two formats into the one --out folder', async () => {
    const dir = samples();
    const result = await tongban(['guide', 'wuhou', '-f', 'html', '-f', 'md', '--out', 'both'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/folder of its own/);
  });
});

describe('tongban guide: incremental runs', () => {
  it('a second run reports every page unchanged; an edit renders one page, a removed item deletes one', async () => {
    const dir = samples();
    expect((await tongban(['guide', 'wuhou', '--out', 'site'], { cwd: dir })).stdout).toMatch(
      summary(WUHOU, 0, 0, 'site'),
    );
    const page = path.join(dir, 'site', 'wuhou', `${CODE}.html`);
    const before = readFileSync(page, 'utf8');

    const second = await tongban(['guide', 'wuhou', '--out', 'site'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(summary(0, WUHOU, 0, 'site'));
    expect(readFileSync(page, 'utf8')).toBe(before);

    const item = path.join(dir, 'wuhou', 'items', `${BASIC}.yaml`);
    const text = readFileSync(item, 'utf8');
    expect(text).toMatch(/^hours: .*$/m);
    writeFileSync(item, text.replace(/^hours: .*$/m, 'hours: 周一至周日 全天（示例）'));
    const edited = await tongban(['guide', 'wuhou', '--out', 'site'], { cwd: dir });
    expect(edited.stdout).toMatch(summary(1, WUHOU - 1, 0, 'site'));
    expect(readFileSync(page, 'utf8')).toContain('周一至周日 全天（示例）');

    rmSync(item);
    const removed = await tongban(['guide', 'wuhou', '--out', 'site'], { cwd: dir });
    expect(removed.stdout).toMatch(summary(0, WUHOU - 1, 1, 'site'));
    expect(existsSync(page)).toBe(false);
    expect(readFileSync(path.join(dir, 'site', 'index.html'), 'utf8')).not.toContain(CODE);
  });
});

describe('tongban guide --stdout', () => {
  it('--stdout --item <code> -f md prints that one page and writes nothing', async () => {
    const dir = samples();
    const result = await tongban(['guide', 'wuhou', '--stdout', '--item', CODE, '-f', 'md', '--out', 'site'], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.startsWith('# 工伤认定\n')).toBe(true);
    expect(result.stdout).toContain(`${CODE}（基本编码 ${BASIC}）`);
    expect(result.stdout).toContain('## 设定依据');
    expect(existsSync(path.join(dir, 'site'))).toBe(false);
    // The basic code names the same item.
    const byBasic = await tongban(['guide', 'wuhou', '--stdout', '--item', BASIC, '--format', 'md'], { cwd: dir });
    expect(byBasic.stdout).toBe(result.stdout);
  });

  it('--item <basic code> of an item split into handling items: exit 2, naming each of their codes', async () => {
    const dir = samples();
    const file = path.join(dir, 'wuhou', 'items', '000700001000.yaml');
    const whole = readFileSync(file, 'utf8');
    for (const [name, number] of [
      ['变更', '01'],
      ['注销', '02'],
    ] as const)
      writeFileSync(
        path.join(dir, 'wuhou', 'items', `000700001000-${number}.yaml`),
        whole
          .replace(`code: "${CODE}"`, `code: "${CODE}${number}"`)
          .replace('name: 工伤认定\n', `name: 工伤认定（${name}）\nhandlingItem: ${name}\n`),
      );
    rmSync(file);
    expectUsage(
      await tongban(['guide', 'wuhou', '--stdout', '--item', BASIC, '-f', 'md'], { cwd: dir }),
      new RegExp(`${BASIC} names several items: ${CODE}01, ${CODE}02`),
    );
    const one = await tongban(['guide', 'wuhou', '--stdout', '--item', `${CODE}02`, '-f', 'md'], { cwd: dir });
    expect(one.stdout.startsWith('# 工伤认定（注销）\n')).toBe(true);
  });

  it('--out with every format given its own -o would be ignored: exit 2, nothing written', async () => {
    const dir = samples();
    expectUsage(
      await tongban(['guide', 'wuhou', '--out', 'o5', '-f', 'html', '-o', 'o6'], { cwd: dir }),
      /--out o5 names the folder of the formats given without -o/,
    );
    expect(existsSync(path.join(dir, 'o5')) || existsSync(path.join(dir, 'o6'))).toBe(false);
  });

  it('--stdout without --item, or not in md, or with an unknown item: exit 2', async () => {
    expectUsage(await tongban(['guide', 'catalogs/wuhou', '--stdout', '-f', 'md']), /--item/);
    expectUsage(await tongban(['guide', 'catalogs/wuhou', '--stdout']), /--item/);
    expectUsage(await tongban(['guide', 'catalogs/wuhou', '--stdout', '--item', CODE]), /md/);
    expectUsage(await tongban(['guide', 'catalogs/wuhou', '--stdout', '--item', CODE, '-f', 'md', '-f', 'md']), /md/);
    expectUsage(
      await tongban(['guide', 'catalogs/wuhou', '--stdout', '--item', '999999999999', '-f', 'md']),
      /999999999999/,
    );
  });
});

describe('tongban guide: unreadable items', () => {
  it('exits 1 and prints file:line:col  message  code on stderr, building the other pages', async () => {
    const dir = samples();
    writeFileSync(path.join(dir, 'wuhou', 'items', 'zz-syntax.yaml'), 'code: "x"\nname: [unclosed\n');
    writeFileSync(path.join(dir, 'wuhou', 'items', 'zz-duplicate.yaml'), 'name: 甲\nname: 乙\n');
    const result = await tongban(['guide', 'wuhou', '--out', 'site'], { cwd: dir });
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^\S+:\d+:\d+ {2}\S.* {2}[a-z-]+\/[a-z-]+$/);
    expect(result.stderr).toMatch(/^wuhou\/items\/zz-duplicate\.yaml:2:1 {2}.+ {2}yaml\/duplicate-key$/m);
    expect(result.stderr).toMatch(/^wuhou\/items\/zz-syntax\.yaml:\d+:\d+ {2}.+ {2}yaml\/syntax$/m);
    expect(result.stdout).toMatch(summary(WUHOU, 0, 0, 'site'));
    expect(pages(path.join(dir, 'site', 'wuhou'), '.html')).toHaveLength(WUHOU);
  });
});

describe('tongban guide: language', () => {
  it('--lang zh-CN gives a Chinese summary, and so does LANG=zh_CN.UTF-8', async () => {
    const dir = samples();
    const zh = await tongban(['guide', 'wuhou', '--out', 'a', '--lang', 'zh-CN'], { cwd: dir });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(new RegExp(`^已生成 ${WUHOU} 页，.*：a\\n$`));
    const byLocale = await tongban(['guide', 'wuhou', '--out', 'b'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    expect(byLocale.stdout).toBe(zh.stdout.replace('：a', '：b'));
    // The guides are for citizens: Chinese whatever the language of the summary.
    expect(readFileSync(path.join(dir, 'b', 'index.html'), 'utf8')).toBe(
      readFileSync(path.join(dir, 'a', 'index.html'), 'utf8'),
    );
    const en = await tongban(['guide', 'wuhou', '--out', 'c', '--lang', 'en'], {
      cwd: dir,
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(en.stdout).not.toMatch(/[\u4e00-\u9fff]/);
    expect(readFileSync(path.join(dir, 'c', 'index.html'), 'utf8')).toContain('lang="zh-CN"');
  });

  it('usage errors are in Chinese too', async () => {
    expectUsage(await tongban(['guide', 'catalogs/wuhou', '--lang', 'zh-CN']), /^错误：.*--out/);
  });
});

describe('tongban guide: bad arguments', () => {
  it('no output folder', async () => {
    expectUsage(await tongban(['guide', 'catalogs/wuhou']), /--out/);
    expectUsage(await tongban(['guide', 'catalogs/wuhou', '-f', 'md']), /--out/);
  });

  it('an unknown option', async () => {
    expectUsage(await tongban(['guide', 'catalogs/wuhou', '--out', 'x', '--frobnicate']), /--frobnicate/);
  });

  it('an unknown format, or one of another command', async () => {
    expectUsage(await tongban(['guide', 'catalogs/wuhou', '-f', 'pdf', '-o', 'x']), /pdf/);
    expectUsage(await tongban(['guide', 'catalogs/wuhou', '-f', 'json', '-o', 'x']), /json/);
  });

  it('a path or templates folder that does not exist, creating nothing', async () => {
    const dir = samples();
    expectUsage(await tongban(['guide', 'no/such/place', '--out', 'site'], { cwd: dir }), /no\/such\/place/);
    expectUsage(
      await tongban(['guide', 'wuhou', '--out', 'site', '--templates', 'no-templates'], { cwd: dir }),
      /no-templates/,
    );
    expect(existsSync(path.join(dir, 'site'))).toBe(false);
  });

  it('an --output without a --format of its own', async () => {
    const dir = samples();
    expectUsage(await tongban(['guide', 'wuhou', '-f', 'md', '-o', 'a', '-o', 'b'], { cwd: dir }), /--output/);
    expect(existsSync(path.join(dir, 'a'))).toBe(false);
  });
});
