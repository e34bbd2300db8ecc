/**
 * Catalogue text that would forge lines or reorder what a reader sees (security review): line breaks
 * (LF, CR, U+2028, U+2029, U+0085) and bidi or invisible characters (U+202A–U+202E, U+2066–U+2069,
 * U+200B–U+200F, U+FEFF) in a catalogue value are shown escaped in terminal, Markdown and annotation
 * outputs, and a Markdown guide prints no heading, table cell or list a value did not mean.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORTERS } from '../src/index.js';
import { showTerminalText } from '../src/core/control-chars.js';
import { markdownView } from '../src/core/guide/markdown.js';
import { compareAt, diffAt, guidesAt, statsAt, validateAt } from './helpers/api.js';
import { ROOT, tongban } from './helpers/cli.js';

const WUHOU_LICENCE = '11510107055842061G4000100001000';
const WUHOU_FILE = 'wuhou/items/000100001000.yaml';

function samples(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-forged-'));
  cpSync(path.join(ROOT, 'catalogs'), path.join(root, 'catalogs'), { recursive: true });
  return root;
}

function edit(root: string, file: string, change: (text: string) => string): void {
  const absolute = path.join(root, 'catalogs', file);
  const before = readFileSync(absolute, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(absolute, after);
}

/** A fake clean summary, as YAML double-quoted text, after two line breaks. */
const FORGED_YAML = 'X\\n\\n✔ 1 catalog, 10 items checked: no problems\\n\\n\\n';
/** Raw line breaks and the bidi and invisible characters of a Trojan-Source attack. */
const RAW_BREAK = /[\n\r\u2028\u2029\u0085]/;
const RAW_BIDI = /[\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff\u061c]/;

describe('showTerminalText', () => {
  it('escapes line breaks, bidi controls and invisible characters, and keeps the rest', () => {
    expect(showTerminalText('a\nb\r\nc\u2028d\u2029e\u0085f')).toBe('a\\nb\\x0d\\nc\\u2028d\\u2029e\\x85f');
    expect(showTerminalText('abc\u202edef\u2066\u2069\u200b\u200d\u200f\ufeff')).toBe(
      'abc\\u202edef\\u2066\\u2069\\u200b\\u200d\\u200f\\ufeff',
    );
    expect(showTerminalText('食品经营许可\t\u001b[31m')).toBe('食品经营许可\t\\x1b[31m');
    expect(showTerminalText('plain 中文')).toBe('plain 中文');
  });
});

describe('line breaks in catalogue values cannot forge report lines', () => {
  it('validate (stylish): a bundle member code with line breaks prints no fake success line', async () => {
    const root = samples();
    edit(root, 'wuhou/bundles/restaurant.yaml', (t) =>
      t.replace('  - code: 11510107055842061G4000100002000 # 公共场所卫生许可', `  - code: "${FORGED_YAML}"`),
    );
    const run = await tongban(['validate', 'catalogs/wuhou'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('X\\n\\n✔ 1 catalog');
    expect(run.stdout.split('\n').filter((line) => line.trimStart().startsWith('✔'))).toEqual([]);
  });

  it('validate: a basic path with line breaks in catalog.yaml, in stylish, markdown and github output', async () => {
    const root = samples();
    edit(root, 'wuhou/catalog.yaml', (t) =>
      t.replace('basic: ../national', 'basic: "../nope\\n\\n✔ 0 problems\\u2028✔ fine\\r✔ ok"'),
    );
    const result = await validateAt(root, ['catalogs/wuhou']);
    expect(result.diagnostics.some((d) => d.message.includes('\n✔ 0 problems'))).toBe(true);
    for (const format of ['stylish', 'markdown', 'github'] as const) {
      const text = (await REPORTERS.validate[format]())(result, { lang: 'en', color: false, version: 'test' });
      const line = text.split('\n').find((l) => l.includes('nope'));
      expect(line, format).toMatch(/nope\\{1,2}n\\{1,2}n✔ 0 problems\\{1,2}u2028✔ fine\\{1,2}x0d✔ ok/);
      expect(text.replace(/\n/g, ''), format).not.toMatch(RAW_BREAK);
    }
  });

  it('show, diff, compare, stats and code explain (stylish) show bidi controls and breaks escaped', async () => {
    const root = samples();
    edit(root, WUHOU_FILE, (t) =>
      t.replace('name: 食品经营许可\n', 'name: "食品经营\\u202e可许\\u2066\\u200b\\ufeff\\n✔ 完成"\n'),
    );
    const texts: Record<string, string> = {};
    const show = await tongban(['show', WUHOU_LICENCE, 'catalogs/wuhou'], { cwd: root });
    texts.show = show.stdout;
    const explain = await tongban(['code', 'explain', `0001\u202e0001000\n✔`], { cwd: root });
    texts.explain = explain.stdout + explain.stderr;
    const context = { lang: 'en', color: false, version: 'test' } as const;
    texts.diff = (await REPORTERS.diff.stylish())(await diffAt(root, 'catalogs/shenzhen', 'catalogs/wuhou'), context);
    texts.compare = (await REPORTERS.compare.stylish())(
      await compareAt(root, ['catalogs/shenzhen', 'catalogs/wuhou']),
      context,
    );
    texts.stats = (await REPORTERS.stats.stylish())(await statsAt(root, ['catalogs/wuhou']), context);
    for (const [name, text] of Object.entries(texts)) {
      expect(text, name).not.toMatch(RAW_BIDI);
      expect(text, name).not.toMatch(/\n✔ 完成/);
    }
    expect(texts.show).toContain('食品经营\\u202e可许\\u2066\\u200b\\ufeff\\n✔ 完成');
    expect(texts.diff).toContain('\\u202e');
    expect(texts.explain).toContain('\\u202e');
  });
});

describe('problem lines on stderr', () => {
  it('an item left out of a guide, whose file name holds a line break, is one line', async () => {
    const root = samples();
    writeFileSync(path.join(root, 'catalogs/wuhou/items', 'bad\n✔ all good\u202e.yaml'), 'name: [unclosed\n');
    const guide = await tongban(['guide', 'catalogs/wuhou', '--out', 'site'], { cwd: root });
    expect(guide.code).toBe(1);
    expect(guide.stderr).toContain('bad\\n✔ all good\\u202e.yaml');
    expect(guide.stderr).not.toMatch(/\n✔/);
  });

  it('a config error and a usage error naming a hostile value are one line each', async () => {
    const root = samples();
    writeFileSync(path.join(root, 'tongban.config.yaml'), 'ignore: ["*a*a*a*a\\n✔ all good"]\n');
    const config = await tongban(['validate', 'catalogs/wuhou'], { cwd: root });
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('\\n✔ all good');
    expect(config.stderr).not.toMatch(/\n✔/);
    const usage = await tongban(['validate', 'catalogs/wuhou\n✔ all good'], { cwd: root, env: {} });
    expect(usage.code).toBe(2);
    expect(usage.stderr).not.toMatch(/\n✔/);
  });

  it('a row import could not read, whose cell holds a line break, is one line', async () => {
    const root = samples();
    const header = '事项名称,基本编码,实施编码,事项类型,行使层级,实施主体,实施主体编码,到办事现场次数';
    const row =
      '食品经营许可,000100001000,1144030009719080703000100001000,行政许可,3,某局,114403000971908070,"x\n✔ imported 1 item"';
    writeFileSync(path.join(root, 'rows.csv'), `${header}\n${row}\n`);
    const run = await tongban(
      [
        'import',
        'rows.csv',
        '--map',
        'national',
        '--out',
        'out',
        '--name',
        '示例',
        '--region',
        '440300',
        '--level',
        '市级',
      ],
      { cwd: root },
    );
    expect(run.stderr).toContain('x\\n✔ imported 1 item');
    expect(run.stderr).not.toMatch(/\n✔/);
  });
});

describe('Markdown guides: catalogue text stays text', () => {
  const HOSTILE = '申请书 | x | y\n\n## 伪造标题\n\n| a |';

  it('markdownView escapes pipes, line breaks and leading Markdown syntax', () => {
    const view = markdownView({
      name: HOSTILE,
      list: ['# h', '> q', '- l', '* s', '+ p', '1. n', '`code`', '[x](y)', '正常文字'],
      href: 'a|b.md',
    });
    expect(view.name).not.toMatch(/\n/);
    expect(view.name).toBe('申请书 \\| x \\| y  \\## 伪造标题  \\| a \\|');
    expect(view.list).toEqual([
      '\\# h',
      '\\> q',
      '\\- l',
      '\\* s',
      '\\+ p',
      '1\\. n',
      '\\`code\\`',
      '\\[x\\](y)',
      '正常文字',
    ]);
    expect(view.href).toBe('a|b.md');
  });

  it('guide -f md: a material, a bundle material and a catalog name make no heading and no extra cells', async () => {
    const root = samples();
    edit(root, WUHOU_FILE, (t) =>
      t.replace(/(materials:\n\s+- name: )([^\n]+)/, `$1"${HOSTILE.replace(/\n/g, '\\n')}"`),
    );
    edit(root, 'wuhou/bundles/restaurant.yaml', (t) =>
      t.replace('  - name: 营业执照\n', `  - name: "${HOSTILE.replace(/\n/g, '\\n')}"\n`),
    );
    edit(root, 'wuhou/catalog.yaml', (t) => t.replace(/^name: (.*)$/m, 'name: "武侯\\n\\n## 伪造标题"'));
    const result = await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'md', format: 'md' });
    expect(result.diagnostics).toEqual([]);
    const pages = {
      item: readFileSync(path.join(root, 'md/wuhou', `${WUHOU_LICENCE}.md`), 'utf8'),
      bundle: readFileSync(path.join(root, 'md/wuhou', 'bundle-restaurant.md'), 'utf8'),
      index: readFileSync(path.join(root, 'md/index.md'), 'utf8'),
    };
    for (const [name, page] of Object.entries(pages)) {
      expect(page, name).not.toMatch(/^## 伪造标题/m);
      expect(page, name).not.toMatch(/^\| a \|/m);
    }
    // The material's row keeps its six cells: the name's pipes are escaped.
    const row = pages.item.split('\n').find((l) => l.includes('申请书'))!;
    expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(8);
    const bundleRow = pages.bundle.split('\n').find((l) => l.includes('申请书'))!;
    expect(bundleRow.replace(/\\\|/g, '').split('|')).toHaveLength(8);
  });
});
