/**
 * One language at a time (issue 15): every command, run on the sample catalogs in both locales — the
 * reports, the help, usage errors, a YAML error, git and commander's own messages — and
 *
 * - under zh-CN, no English sentence: no run of three or more English words of which at least two are not
 *   technical terms, once codes, paths, file names, options, placeholders, example command lines and the
 *   catalogs' own text are set aside;
 * - under en, no Chinese interface text: once the catalogs' own text (every string in the sample catalogs
 *   and the imported spreadsheet), the names of their regions (GB/T 2260) and code-list values are set
 *   aside, no Chinese character or full-width punctuation (、：，（）…) is left.
 *
 * Each detector is shown to work: it finds English in the en output and Chinese in the zh-CN output of
 * the same commands, so a pass is not a detector that finds nothing.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, tongban } from '../helpers/cli.js';

const MESSY = path.join(ROOT, 'test', 'fixtures', 'import', 'messy-gbk.csv');

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

/** Every string value (not key) of a parsed YAML document. */
function stringsOf(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') out.add(value);
  else if (typeof value === 'number') out.add(String(value));
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsOf(v, out);
}

/**
 * The catalogs' own text: every string of the sample catalogs (items, catalog.yaml, ledgers), the cells of
 * the spreadsheet the test imports, the sample regions' names as GB/T 2260 gives them (alone and joined,
 * as "广东省深圳市"), every code-list value (行政许可, 工作日…) and the standard's element names.
 */
function catalogText(): string[] {
  const text = new Set<string>();
  const regions = new Set<string>();
  for (const file of filesUnder(path.join(ROOT, 'catalogs')).filter((f) => f.endsWith('.yaml'))) {
    const data = parse(readFileSync(file, 'utf8')) as { region?: unknown; agency?: { uscc?: unknown } } | null;
    stringsOf(data, text);
    if (typeof data?.region === 'string') regions.add(data.region);
    if (typeof data?.agency?.uscc === 'string') regions.add(data.agency.uscc.slice(2, 8));
  }
  for (const cell of new TextDecoder('gbk').decode(readFileSync(MESSY)).split(/[,\r\n"]+/)) text.add(cell.trim());
  for (const line of readFileSync(path.join(ROOT, 'schemas', 'codelists', 'regions-gbt2260.csv'), 'utf8').split('\n')) {
    const [code = '', province = '', prefecture = '', name = ''] = line.replace(/^\uFEFF/, '').split(',');
    if (!regions.has(code)) continue;
    const parts = [province, prefecture === '直辖' ? '' : prefecture, name].filter(
      (p, i, all) => p && all.indexOf(p) === i,
    );
    for (const part of parts) text.add(part);
    text.add(parts.join(''));
  }
  for (const file of readdirSync(path.join(ROOT, 'schemas', 'codelists')).filter((f) => f.endsWith('.json'))) {
    const list = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'codelists', file), 'utf8')) as {
      oneOf?: { const: unknown; title?: string }[];
    };
    for (const entry of list.oneOf ?? []) {
      text.add(String(entry.const));
      if (entry.title) text.add(entry.title);
    }
  }
  // The national standard's names of the elements, which completeness findings give in both languages
  // beside the YAML key (`missing element 申请材料 (materials)`).
  const titles = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(titles);
    else if (node && typeof node === 'object')
      for (const [key, value] of Object.entries(node)) {
        if (key === 'title' && typeof value === 'string') text.add(value);
        else titles(value);
      }
  };
  for (const schema of ['item.implementation.schema.json', 'item.basic.schema.json', 'common.schema.json'])
    titles(JSON.parse(readFileSync(path.join(ROOT, 'schemas', schema), 'utf8')));
  return [...text].filter((t) => t.trim().length > 0).sort((a, b) => b.length - a.length);
}

/** Words that may stand in Chinese text: names of formats, tools, commands and option values. */
const TECHNICAL = new Set(
  `tongban git github gitlab jenkins excel handlebars yaml json schema lines ld jsonld jsonl sarif junit csv html md
   markdown stylish ci head gbk utf utf8 bom uscc bash zsh fish shell node npm tab no_color force_color gb
   validate diff compare guide stats import export code explain assign retire merge split check repair init show
   completion help templates error warning info none auto national tongban-basic zh-cn en true false null
`
    .split(/\s+/)
    .filter(Boolean),
);

const WORD = /^[A-Za-z][A-Za-z'-]*$/;

/**
 * English sentences in text meant to be Chinese: runs of three or more English words (joined only by
 * spaces and ASCII punctuation) of which two or more are not technical terms. Set aside first: the
 * catalogs' text, example command lines (from `tongban`, `source` or `$` to the next wide gap), and
 * tokens that are code — paths and file names (with / or .), options (-f, --format), placeholders
 * (<file>, [选项]), template expressions ({{name}}) and identifiers (camelCase, a[].b).
 */
export function englishSentences(text: string, content: readonly string[]): string[] {
  let rest = text;
  for (const value of content) if (/[A-Za-z]/.test(value) && value.length > 1) rest = rest.split(value).join(' ');
  rest = rest
    .split('\n')
    .map((line) => line.replace(/^(\s*)(?:tongban|source|\$)\s.*?(?=\s{2,}|$)/, '$1'))
    .join('\n')
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/<[^<>\n]*>|\[[^\]\n]*\]/g, ' ')
    .replace(/\S*[A-Za-z0-9_][/.\\][A-Za-z0-9_]\S*/g, ' ')
    .replace(/(?<![\w-])--?[A-Za-z][\w-]*/g, ' ')
    .replace(/\b\w*[a-z][A-Z]\w*\b/g, ' ');
  const found: string[] = [];
  // A run: words separated only by spaces and ASCII punctuation (a Chinese character or a digit ends it).
  for (const run of rest.split(/[^A-Za-z'\s,;:()"!?-]+/)) {
    const words = run.split(/[\s,;:()"!?]+/).filter((w) => WORD.test(w));
    const plain = words.filter((w) => !TECHNICAL.has(w.toLowerCase()));
    if (words.length >= 3 && plain.length >= 2) found.push(words.join(' '));
  }
  return found;
}

/** Chinese characters and full-width punctuation left once the catalogs' text is set aside. */
const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2e80-\u2fdf]+/g;
const HAS_CHINESE = new RegExp(CHINESE.source);

export function chineseText(text: string, content: readonly string[]): string[] {
  // A value quoted in English text ("20个工作日", "；") is a literal to type or look for, not words.
  let rest = text.replace(/"[^"\n]*"/g, ' ');
  for (const value of content) if (HAS_CHINESE.test(value)) rest = rest.split(value).join(' ');
  return [...rest.matchAll(CHINESE)].map((m) => m[0]);
}

interface Scenario {
  name: string;
  args: string[];
  /** Exit code expected in either language. */
  code: number;
}

/** Every command on the samples; `{lang}` is replaced, so each language works in its own folder. */
const SCENARIOS: Scenario[] = [
  { name: 'init', args: ['init', 'project-{lang}'], code: 0 },
  { name: 'init over existing files', args: ['init', 'project-{lang}'], code: 2 },
  { name: 'validate', args: ['validate', 'catalogs'], code: 0 },
  { name: 'validate, a YAML error', args: ['validate', 'broken'], code: 1 },
  {
    name: 'code explain',
    args: ['code', 'explain', '000100001000', '1144030009719080703000100001000', '0001000O1000', '1234567'],
    code: 1,
  },
  { name: 'code assign --dry-run', args: ['code', 'assign', 'project-{lang}/catalogs/local', '--dry-run'], code: 0 },
  { name: 'code check', args: ['code', 'check', 'catalogs'], code: 0 },
  {
    name: 'code retire --dry-run',
    args: ['code', 'retire', 'catalogs/national', '000100004000', '--dry-run'],
    code: 0,
  },
  { name: 'diff', args: ['diff', 'catalogs/shenzhen', 'catalogs/wuhou'], code: 0 },
  { name: 'diff, an unreadable item', args: ['diff', 'broken', 'catalogs/national'], code: 1 },
  { name: 'compare (a folder of catalogs)', args: ['compare', 'catalogs'], code: 0 },
  { name: 'stats', args: ['stats', 'catalogs'], code: 1 },
  { name: 'guide', args: ['guide', 'catalogs', '--out', 'site-{lang}'], code: 0 },
  { name: 'import', args: ['import', MESSY, '--map', 'national', '--out', 'sz-{lang}'], code: 1 },
  { name: 'export', args: ['export', 'catalogs/wuhou', '-f', 'csv', '-o', 'wuhou-{lang}.csv'], code: 0 },
  { name: 'export, two kinds to CSV', args: ['export', 'catalogs'], code: 2 },
  { name: 'show', args: ['show', '000100001000', 'catalogs/wuhou'], code: 0 },
  { name: 'show, not found', args: ['show', '食品经营', 'catalogs'], code: 2 },
  { name: 'help templates', args: ['help', 'templates'], code: 0 },
  { name: 'git: not a repository', args: ['diff', 'catalogs/wuhou', '--git', 'HEAD'], code: 2 },
  { name: 'usage: unknown option', args: ['validate', '--bogus'], code: 2 },
  { name: 'usage: unknown command', args: ['valdate'], code: 2 },
  { name: 'usage: missing argument', args: ['diff'], code: 2 },
  { name: 'usage: invalid choice', args: ['validate', '--fail-on', 'sometimes'], code: 2 },
  { name: 'usage: invalid format', args: ['stats', '-f', 'xml'], code: 2 },
  { name: 'usage: required option', args: ['import', 'x.csv'], code: 2 },
  { name: 'usage: too many arguments', args: ['import', 'a.csv', 'b.csv', '--map', 'national', '--out', 'x'], code: 2 },
  { name: 'usage: a path that does not exist', args: ['validate', 'no/such/folder'], code: 2 },
];

const HELP = [
  [],
  ['validate'],
  ['diff'],
  ['compare'],
  ['guide'],
  ['stats'],
  ['import'],
  ['export'],
  ['init'],
  ['show'],
  ['completion'],
  ['help'],
  ['code'],
  ...['explain', 'assign', 'retire', 'merge', 'split', 'check', 'repair'].map((c) => ['code', c]),
];

type Runs = Map<string, { stdout: string; stderr: string; code: number }>;

/** Each scenario and each command's help in one language, in a folder of its own copy of the samples. */
async function runAll(dir: string, lang: 'zh-CN' | 'en'): Promise<Runs> {
  const runs: Runs = new Map();
  for (const s of SCENARIOS) {
    const args = s.args.map((a) => a.replace('{lang}', lang));
    runs.set(s.name, await tongban([...args, '--lang', lang], { cwd: dir }));
  }
  for (const command of HELP)
    runs.set(`help ${command.join(' ')}`, await tongban([...command, '--help', '--lang', lang], { cwd: dir }));
  // The guide page itself is for citizens, in Chinese whatever the locale: checked under zh-CN only.
  if (lang === 'zh-CN')
    runs.set(
      'guide --stdout',
      await tongban(
        ['guide', 'catalogs/wuhou', '--item', '000100001000', '--format', 'md', '--stdout', '--lang', lang],
        { cwd: dir },
      ),
    );
  return runs;
}

describe('one language at a time: every command on the samples', () => {
  let zh: Runs;
  let en: Runs;
  let content: string[];

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tongban-language-'));
    cpSync(path.join(ROOT, 'catalogs'), path.join(dir, 'catalogs'), { recursive: true });
    mkdirSync(path.join(dir, 'broken', 'items'), { recursive: true });
    writeFileSync(path.join(dir, 'broken', 'catalog.yaml'), 'kind: basic\nname: 损坏的目录\norigin: "00"\n');
    writeFileSync(path.join(dir, 'broken', 'items', 'a.yaml'), 'name: [食品经营许可\ntype: 行政许可\n');
    for (const lang of ['zh-CN', 'en']) {
      mkdirSync(path.join(dir, `sz-${lang}`));
      cpSync(path.join(ROOT, 'catalogs', 'shenzhen', 'catalog.yaml'), path.join(dir, `sz-${lang}`, 'catalog.yaml'));
    }
    content = catalogText();
    // What the user typed is echoed back: the name of the broken catalog, an item name asked for.
    content.push('损坏的目录', '食品经营');
    zh = await runAll(dir, 'zh-CN');
    en = await runAll(dir, 'en');
  }, 120_000);

  it('every scenario ends as it should, in both languages', () => {
    for (const s of SCENARIOS) {
      expect([s.name, zh.get(s.name)?.code]).toEqual([s.name, s.code]);
      expect([s.name, en.get(s.name)?.code]).toEqual([s.name, s.code]);
    }
    for (const [name, run] of zh) if (name.startsWith('help ')) expect([name, run.code]).toEqual([name, 0]);
  });

  it('zh-CN: no English sentence in any output', () => {
    const found = [...zh].flatMap(([name, run]) =>
      englishSentences(run.stdout + '\n' + run.stderr, content).map((s) => `${name}: ${s}`),
    );
    expect(found).toEqual([]);
  });

  it('en: no Chinese interface text, only the catalogs’ own', () => {
    const found = [...en].flatMap(([name, run]) =>
      chineseText(run.stdout + '\n' + run.stderr, content).map((s) => `${name}: ${s}`),
    );
    expect(found).toEqual([]);
  });

  it('the detectors find what they look for: English in the en output, Chinese in the zh-CN output', () => {
    const scenarios = [...SCENARIOS.map((s) => s.name), ...HELP.map((c) => `help ${c.join(' ')}`)];
    // Commands whose en output is only data, codes and numbers have no sentence to find.
    // (guide says only "36 pages rendered, 0 unchanged, 0 deleted", numbers breaking every run of words).
    const quiet = new Set(['export', 'guide']);
    for (const name of scenarios.filter((n) => !quiet.has(n))) {
      const e = en.get(name) as { stdout: string; stderr: string };
      const z = zh.get(name) as { stdout: string; stderr: string };
      expect([name, englishSentences(e.stdout + '\n' + e.stderr, content).length > 0]).toEqual([name, true]);
      expect([name, chineseText(z.stdout + '\n' + z.stderr, content).length > 0]).toEqual([name, true]);
    }
  });

  it('the detectors themselves: what counts and what is set aside', () => {
    expect(englishSentences('错误：unknown option --bogus', [])).toEqual([]);
    expect(englishSentences('error: unknown option --bogus', [])).toEqual(['error unknown option']);
    expect(englishSentences('（Did you mean validate?）', [])).toEqual(['Did you mean validate']);
    expect(englishSentences('输出格式（可选：stylish、json、sarif）', [])).toEqual([]);
    expect(englishSentences('  tongban validate catalogs -f sarif    校验', [])).toEqual([]);
    expect(englishSentences('已创建 proj/tongban.config.yaml', [])).toEqual([]);
    expect(englishSentences('材料：Flow sequence in block', [])).toEqual(['Flow sequence in block']);
    expect(englishSentences('地点：Room one two three', ['Room one two three'])).toEqual([]);
    expect(chineseText('materials: 食品经营许可申请书', ['食品经营许可申请书'])).toEqual([]);
    expect(chineseText('materials：食品经营许可申请书', ['食品经营许可申请书'])).toEqual(['：']);
    expect(chineseText('申请书、营业执照', ['申请书', '营业执照'])).toEqual(['、']);
    expect(chineseText('5个工作日', ['工作日'])).toEqual(['个']);
    expect(chineseText('e.g. "20个工作日"', [])).toEqual([]);
  });
});
