/**
 * Hostile input in every output (issue 13): catalogue text, folder names, codes and URLs are data an
 * attacker may write. None of them may become a working link (XSS), a path outside the guide's folder,
 * a page that overwrites another, an escape sequence a terminal obeys, or malformed XML or JSON; broken
 * templates and planted guide manifests are clear errors or ignored, never internal errors.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../src/io/guide-templates.js';
import { createRenderer } from '../src/core/guide/render.js';
import { guideView } from '../src/core/guide/view.js';
import { safeHref } from '../src/core/guide/href.js';
import type { CatalogMeta, ImplementationItem } from '../src/core/model.js';
import { explainCodes, REPORTERS, type ImportResult, type Reporter } from '../src/index.js';
import { assignAt, compareAt, diffAt, guidesAt, statsAt, validateAt, workspaceAt } from './helpers/api.js';
import { ROOT, tongban } from './helpers/cli.js';

/** 食品经营许可 in the wuhou list: its implementation code and its file. */
const WUHOU_LICENCE = '11510107055842061G4000100001000';
const WUHOU_FILE = 'wuhou/items/000100001000.yaml';

/** A fresh copy of the sample catalogs (national, guangdong, shenzhen, wuhou) in `<root>/catalogs`. */
function samples(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-hostile-'));
  cpSync(path.join(ROOT, 'catalogs'), path.join(root, 'catalogs'), { recursive: true });
  return root;
}

/** Edits a sample file in place. */
function edit(root: string, file: string, change: (text: string) => string): void {
  const absolute = path.join(root, 'catalogs', file);
  writeFileSync(absolute, change(readFileSync(absolute, 'utf8')));
}

/** Every file under `dir`, relative to it, with / separators. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** The href values of an HTML page, with the entities Handlebars writes decoded. */
function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) =>
    (m[1] as string)
      .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

// ---------------------------------------------------------------------------------------------------
// 1. Links: no javascript: (or any other scheme but http and https) from catalogue data.

/** The sample wuhou item as the view needs it, with the online URLs replaced. */
function itemWith(online: { url?: string; mobileUrl?: string }, materials?: Record<string, string>) {
  const yaml = readFileSync(path.join(ROOT, 'catalogs', WUHOU_FILE), 'utf8');
  // A plain JS object: the view takes data, the schema (which wants https?://) is not the only guard.
  const item = JSON.parse(
    JSON.stringify({
      code: WUHOU_LICENCE,
      basicCode: '000100001000',
      name: '食品经营许可',
      type: '行政许可',
      levels: ['县级'],
      basis: [{ law: '《中华人民共和国食品安全法》' }],
      agency: { name: '成都市武侯区行政审批局' },
      serviceObjects: ['企业法人'],
      materials: [
        {
          name: '申请书',
          necessity: '必要',
          forms: ['原件'],
          copies: 1,
          source: '申请人自备',
          ...materials,
        },
      ],
      handlingType: '承诺件',
      statutoryLimit: { value: 20, unit: '工作日' },
      promisedLimit: { value: 10, unit: '工作日' },
      visits: 0,
      online: { depth: 3, ...online },
      fee: { charged: false },
    }),
  ) as ImplementationItem;
  expect(yaml).toContain(WUHOU_LICENCE);
  return item;
}

const META = { kind: 'implementation', name: '测试清单', level: '县级' } as unknown as CatalogMeta;

function renderPage(item: ImplementationItem, format: 'html' | 'md' = 'html'): string {
  const render = createRenderer(loadTemplates(ROOT));
  const rendered = render(`guide.${format}`, guideView(item, 'x.yaml', META, null));
  if (!('text' in rendered)) throw new Error(JSON.stringify(rendered));
  return rendered.text;
}

const HOSTILE_URLS = [
  'javascript:alert(document.cookie)',
  'JaVaScRiPt:alert(1)',
  ' \tjavascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0001javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'foo:bar/baz',
];

describe('links in the guide: only http, https and relative URLs are linked', () => {
  it('safeHref allows http, https and relative URLs and refuses every other scheme', () => {
    for (const url of HOSTILE_URLS) expect(safeHref(url), JSON.stringify(url)).toBeNull();
    expect(safeHref('https://www.cdwh.gov.cn/bs/')).toBe('https://www.cdwh.gov.cn/bs/');
    expect(safeHref('HTTP://example.org')).toBe('HTTP://example.org');
    expect(safeHref('forms/spxk-sqs.docx')).toBe('forms/spxk-sqs.docx');
    expect(safeHref('./a:b')).toBe('./a:b');
    expect(safeHref('')).toBeNull();
    expect(safeHref(null)).toBeNull();
  });

  it('an unsafe online URL is shown as text, not linked; a safe one is linked', () => {
    for (const url of HOSTILE_URLS) {
      const page = renderPage(itemWith({ url, mobileUrl: url }));
      for (const href of hrefs(page)) {
        const cleaned = href.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        expect(cleaned, `${JSON.stringify(url)} → ${href}`).not.toMatch(/^(javascript|data|vbscript|file|foo):/);
      }
      // Still shown, escaped, so the reader sees what the catalogue says.
      expect(page).toContain('网上办理地址');
    }
    const safe = renderPage(itemWith({ url: 'https://www.cdwh.gov.cn/bs/', mobileUrl: 'https://m.cdwh.gov.cn/bs/' }));
    expect(hrefs(safe)).toEqual(expect.arrayContaining(['https://www.cdwh.gov.cn/bs/', 'https://m.cdwh.gov.cn/bs/']));
  });

  it('the view offers safe hrefs for blank forms and samples, and the JSON-LD names no unsafe service URL', () => {
    const view = guideView(
      itemWith({ url: 'javascript:alert(1)' }, { blankForm: 'javascript:alert(1)', sample: 'forms/sample.pdf' }),
      'x.yaml',
      META,
      null,
    );
    expect(view.online).toMatchObject({ url: 'javascript:alert(1)', href: null });
    // A relative name is not part of the site: linked only against a base URL (--base-url).
    expect(view.materials[0]).toMatchObject({ blankFormHref: null, sampleHref: null });
    const based = guideView(
      itemWith({}, { blankForm: 'javascript:alert(1)', sample: 'forms/sample.pdf' }),
      'x.yaml',
      META,
      null,
      { baseUrl: 'https://www.example.gov.cn/files/' },
    );
    expect(based.materials[0]).toMatchObject({
      blankFormHref: null,
      sampleHref: 'https://www.example.gov.cn/files/forms/sample.pdf',
    });
    expect(view.jsonLd).not.toContain('javascript:');
  });

  it('a catalog folder named javascript:alert(1) gives relative, encoded links in the index that lead to the pages', async () => {
    const root = samples();
    renameSync(path.join(root, 'catalogs/wuhou'), path.join(root, 'catalogs/javascript:alert(1)'));
    const result = await guidesAt(root, { paths: ['catalogs/javascript:alert(1)'], out: 'site' });
    expect(result.diagnostics).toEqual([]);
    const index = readFileSync(path.join(root, 'site/index.html'), 'utf8');
    const links = hrefs(index);
    // Ten items and one bundle (一件事) page.
    expect(links).toHaveLength(11);
    for (const href of links) {
      expect(href.startsWith('./')).toBe(true);
      expect(href).not.toMatch(/^[a-z][a-z0-9+.-]*:/i);
      expect(existsSync(path.join(root, 'site', decodeURIComponent(href)))).toBe(true);
    }
    // Markdown too: the link target is relative and encoded, so `(` `)` cannot end it early.
    await guidesAt(root, { paths: ['catalogs/javascript:alert(1)'], out: 'md', format: 'md' });
    const md = readFileSync(path.join(root, 'md/index.md'), 'utf8');
    const targets = [...md.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1] as string);
    expect(targets).toHaveLength(11);
    for (const target of targets) expect(existsSync(path.join(root, 'md', decodeURIComponent(target)))).toBe(true);
  });

  it('Markdown guides escape link syntax in catalogue text', async () => {
    const root = samples();
    edit(root, WUHOU_FILE, (t) => t.replace('name: 食品经营许可\n', 'name: "[点此办理](javascript:alert(1))"\n'));
    const result = await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'md', format: 'md' });
    expect(result.diagnostics).toEqual([]);
    const page = readFileSync(path.join(root, 'md/wuhou', `${WUHOU_LICENCE}.md`), 'utf8');
    expect(page.startsWith('# \\[点此办理\\](javascript:alert(1))\n')).toBe(true);
    const index = readFileSync(path.join(root, 'md/index.md'), 'utf8');
    expect(index).toContain('- [\\[点此办理\\](javascript:alert(1))](./wuhou/');
  });
});

// ---------------------------------------------------------------------------------------------------
// 2 and 3. Page names: no code or folder reaches outside --out, and no page overwrites another.

describe('guide page names from codes and folders', () => {
  const HOSTILE_CODES = ['../../../x', 'a/b', 'a\\\\b', 'x\\u0000y', '..', '.hidden', 'CON', 'Aux.txt', '\\u001b[31m'];

  it('codes like ../../../x, a/b, a\\b, NUL, .. never write outside --out; ordinary codes stay as they are', async () => {
    const root = samples();
    const items = path.join(root, 'catalogs/wuhou/items');
    const base = readFileSync(path.join(items, '000100001000.yaml'), 'utf8');
    HOSTILE_CODES.forEach((code, i) =>
      writeFileSync(path.join(items, `zz-${i}.yaml`), base.replace(/^code: .*$/m, `code: "${code}"`)),
    );
    // Uncoded, with a hostile basic code: the basic code names the page.
    writeFileSync(
      path.join(items, 'zz-basic.yaml'),
      base.replace(/^code: .*\n/m, '').replace(/^basicCode: .*$/m, 'basicCode: "../../y"'),
    );
    const before = filesUnder(root);
    const out = 'deep/a/b/site';
    const result = await guidesAt(root, { paths: ['catalogs/wuhou'], out });
    expect(result.diagnostics).toEqual([]);
    // The 10 items, the hostile ones, and the list's bundle (开办餐饮店一件事).
    expect(result.rendered).toHaveLength(10 + HOSTILE_CODES.length + 1 + 1);
    for (const page of result.rendered) expect(page).toMatch(/^wuhou\/[\p{L}\p{N}][\p{L}\p{N}._-]*\.html$/u);
    // Everything written is inside --out: the site's files are the pages, the index and the manifest.
    const written = filesUnder(root).filter((f) => !before.includes(f));
    expect(written.every((f) => f.startsWith(`${out}/`))).toBe(true);
    expect(filesUnder(path.join(root, out))).toEqual(
      [...result.rendered, 'index.html', '.tongban-guides.json'].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    // Ordinary codes keep their names.
    expect(result.rendered).toContain(`wuhou/${WUHOU_LICENCE}.html`);
    // Names are stable: a second run finds every page unchanged.
    const again = await guidesAt(root, { paths: ['catalogs/wuhou'], out });
    expect([again.rendered.length, again.unchanged]).toEqual([0, result.rendered.length]);
  });

  it('through the CLI, a hostile code is no internal error', async () => {
    const root = samples();
    edit(root, WUHOU_FILE, (t) => t.replace(/^code: .*$/m, 'code: "../../../../escape"'));
    const run = await tongban(['guide', 'catalogs/wuhou', '--out', 'site'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(existsSync(path.join(root, '..', 'escape.html'))).toBe(false);
  });

  it('two catalogs of the same folder name (a/shenzhen, b/shenzhen) get folders of their own', async () => {
    const root = samples();
    for (const parent of ['a', 'b']) {
      mkdirSync(path.join(root, parent));
      cpSync(path.join(root, 'catalogs/shenzhen'), path.join(root, parent, 'shenzhen'), { recursive: true });
      // Each copy implements the guangdong list where it was.
      edit(root, `../${parent}/shenzhen/catalog.yaml`, (t) =>
        t.replace(/^basic: .*$/m, 'basic: ../../catalogs/guangdong'),
      );
    }
    const result = await guidesAt(root, { paths: ['a/shenzhen', 'b/shenzhen', 'catalogs/wuhou'], out: 'site' });
    expect(result.diagnostics).toEqual([]);
    // Items and bundles: 12 + 2 in each shenzhen copy, 10 + 1 in wuhou.
    expect(result.rendered).toHaveLength(14 + 14 + 11);
    expect(new Set(result.rendered).size).toBe(result.rendered.length);
    const folders = [...new Set(result.rendered.map((p) => p.split('/')[0]))].sort();
    expect(folders).toEqual(['a-shenzhen', 'b-shenzhen', 'wuhou']);
    expect(filesUnder(path.join(root, 'site')).filter((f) => f.endsWith('.html'))).toHaveLength(39 + 1);
    // Every link of the index leads to its own page.
    const links = hrefs(readFileSync(path.join(root, 'site/index.html'), 'utf8'));
    // 12 + 10 items and 2 + 1 bundles: the two shenzhen copies link their own pages.
    expect(new Set(links).size).toBe(39);
    for (const href of links) expect(existsSync(path.join(root, 'site', decodeURIComponent(href)))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------
// 4. Terminal escapes: shown, never sent.

const OSC = '\u001b]0;pwned\u0007';
const SGR = '\u001b[31m';
const CSI8 = '\u009b2J';
/** YAML double-quoted text holding the three. */
const HOSTILE_YAML = '\\u001b]0;pwned\\u0007\\u001b[31m\\u009b2J';
const VISIBLE = '\\x1b]0;pwned\\x07\\x1b[31m\\x9b2J';
/** As Markdown writes it: the backslashes escaped, so that it renders as VISIBLE. */
const VISIBLE_MD = VISIBLE.replace(/\\/g, '\\\\');

/** Control characters but newline and tab, DEL and C1 (and CR, except in CSV's CRLF). */
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/;

/** Samples whose wuhou licence item has a hostile name and consultation phone, and whose wuhou catalog a hostile name. */
function hostileSamples(): string {
  const root = samples();
  edit(root, WUHOU_FILE, (t) =>
    t
      .replace('name: 食品经营许可\n', `name: "食品经营许可${HOSTILE_YAML}"\n`)
      .replace('phone: 028-83001117', `phone: "028-8300${HOSTILE_YAML}"`),
  );
  edit(root, 'wuhou/catalog.yaml', (t) => t.replace(/^name: (.*)$/m, `name: "$1${HOSTILE_YAML}"`));
  return root;
}

async function renderAll<R>(
  registry: Record<string, () => Promise<Reporter<R>>>,
  result: R,
): Promise<{ format: string; color: boolean; text: string }[]> {
  const out: { format: string; color: boolean; text: string }[] = [];
  for (const [format, load] of Object.entries(registry)) {
    const reporter = await load();
    for (const color of [false, true])
      out.push({ format, color, text: reporter(result, { lang: 'en', color, version: 'test' }) });
  }
  return out;
}

/** No raw control characters in a text report; with colour only SGR colour codes, never OSC, BEL or C1. */
function expectNoRawControls({ format, color, text }: { format: string; color: boolean; text: string }): void {
  const label = `${format}${color ? ' (color)' : ''}`;
  if (format === 'json' || format === 'sarif') {
    expect(() => JSON.parse(text), label).not.toThrow();
    expect(text, label).not.toMatch(RAW_CONTROL);
    return;
  }
  expect(text, label).not.toContain(OSC);
  expect(text, label).not.toContain('\u0007');
  expect(text, label).not.toMatch(/[\u007f-\u009f]/);
  const withoutColour = color ? text.replace(/\u001b\[\d+(;\d+)*m/g, '') : text;
  expect(withoutColour, label).not.toMatch(RAW_CONTROL);
}

describe('control characters in catalogue text', () => {
  it('validate: every format shows them visibly (stylish, markdown, github) or keeps valid JSON/XML', async () => {
    const root = hostileSamples();
    const result = await validateAt(root, ['catalogs/wuhou']);
    expect(result.diagnostics.some((d) => d.code === 'contact/area-code' || d.code === 'contact/not-a-phone')).toBe(
      true,
    );
    const texts = await renderAll(REPORTERS.validate, result);
    for (const text of texts) expectNoRawControls(text);
    for (const { format, text } of texts.filter((t) => ['stylish', 'markdown', 'github', 'junit'].includes(t.format)))
      expect(text, format).toContain(format === 'markdown' ? VISIBLE_MD : VISIBLE);
    // The data itself is kept where a format is data: the JSON report holds the phone as it is.
    const json = JSON.parse(texts.find((t) => t.format === 'json')!.text) as {
      diagnostics: { args: { phone?: string } }[];
    };
    // (The phone cell is read as numbers separated by ；/; — the OSC's own ; splits it — each part reported.)
    expect(
      json.diagnostics
        .map((d) => d.args.phone)
        .filter(Boolean)
        .join(';'),
    ).toContain(`028-8300${OSC}${SGR}${CSI8}`);
  });

  it('JUnit stays well-formed XML 1.0 whatever the text holds', async () => {
    const report = {
      diagnostics: [
        {
          code: 'contact/area-code',
          severity: 'error',
          message: `bad \u0000\u0001\u000b\u000c\ufffe\uffff \ud800 lone \udc00 ${OSC}`,
          file: `a${SGR}.yaml`,
          path: '/x',
          args: {},
        },
      ],
      catalogCount: 1,
      itemCount: 1,
      files: [`a${SGR}.yaml`],
    };
    const xml = (await REPORTERS.validate.junit())(report as never, { lang: 'en', color: false, version: 'test' });
    const forbidden =
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    expect(xml).not.toMatch(forbidden);
    expect(xml).toContain('a\\x1b[31m.yaml');
  });

  it('diff, compare and stats: every format', async () => {
    const root = hostileSamples();
    const diffResult = await diffAt(root, 'catalogs/shenzhen', 'catalogs/wuhou');
    const compareResult = await compareAt(root, ['catalogs/national', 'catalogs/shenzhen', 'catalogs/wuhou']);
    const statsResult = await statsAt(root, ['catalogs/shenzhen', 'catalogs/wuhou']);
    const all = [
      ...(await renderAll(REPORTERS.diff, diffResult)),
      ...(await renderAll(REPORTERS.compare, compareResult)),
      ...(await renderAll(REPORTERS.stats, statsResult)),
    ];
    for (const text of all) expectNoRawControls(text);
    // The hostile text reached the terminal formats, visibly.
    const stylish = all.filter((t) => t.format === 'stylish' && !t.color).map((t) => t.text);
    expect(stylish.join('\n')).toContain(VISIBLE);
  });

  it('explain, plan, guide and import summaries', async () => {
    const root = hostileSamples();
    const explained = await explainCodes(await workspaceAt(root), { codes: [`0001${SGR}0001000`] });
    for (const text of await renderAll(REPORTERS.explain, explained)) expectNoRawControls(text);

    // A new basic item in a file whose name holds the sequences.
    const national = path.join(root, 'catalogs/national/items');
    writeFileSync(
      path.join(national, `new${OSC}${SGR}.yaml`),
      'name: 新事项\ntype: 行政许可\nlevels: [市级]\nbasis:\n  - law: 《某法》\n',
    );
    const plan = await assignAt(root, ['catalogs/national'], { dryRun: true });
    const planTexts = await renderAll(REPORTERS.plan, plan);
    for (const text of planTexts) expectNoRawControls(text);
    expect(planTexts[0]!.text).toContain('new\\x1b]0;pwned\\x07\\x1b[31m.yaml');

    const guide = await guidesAt(root, { paths: ['catalogs/wuhou'], out: `site${SGR}` });
    for (const text of await renderAll(REPORTERS.guide, guide)) expectNoRawControls(text);

    const imported = {
      written: [`a${OSC}.yaml`],
      updated: [{ file: `b${SGR}.yaml`, fields: ['name'] }],
      unchanged: 0,
      skipped: 0,
      filtered: 0,
      conflicts: [],
      rows: [],
    } as ImportResult;
    for (const text of await renderAll(REPORTERS.import, imported)) expectNoRawControls(text);
  });

  it('through the CLI: stylish on stdout, problems on stderr, and a guide printed with --stdout', async () => {
    const root = hostileSamples();
    const validate = await tongban(['validate', 'catalogs/wuhou'], { cwd: root });
    expect(validate.stdout).toContain(VISIBLE);
    expect(validate.stdout).not.toMatch(RAW_CONTROL);

    const page = await tongban(['guide', 'catalogs/wuhou', '--stdout', '--item', WUHOU_LICENCE, '-f', 'md'], {
      cwd: root,
    });
    expect(page.code).toBe(0);
    // (A Markdown guide escapes [ and ] too: no link syntax from catalogue text.)
    expect(page.stdout.split('\n')[0]).toBe(`# 食品经营许可${VISIBLE_MD.replace(/[[\]]/g, '\\$&')}`);
    expect(page.stdout).not.toMatch(RAW_CONTROL);

    // An item left out, named in a problem line on stderr.
    writeFileSync(path.join(root, 'catalogs/wuhou/items', `bad${OSC}.yaml`), 'name: [unclosed\n');
    const guide = await tongban(['guide', 'catalogs/wuhou', '--out', 'site'], { cwd: root });
    expect(guide.code).toBe(1);
    expect(guide.stderr).toContain('bad\\x1b]0;pwned\\x07.yaml');
    expect(guide.stderr).not.toMatch(RAW_CONTROL);
  });

  it('HTML guides show them visibly too, and the JSON-LD stays valid JSON', async () => {
    const root = hostileSamples();
    await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'site' });
    const page = readFileSync(path.join(root, 'site/wuhou', `${WUHOU_LICENCE}.html`), 'utf8');
    expect(page).not.toMatch(RAW_CONTROL);
    expect(page).toContain(VISIBLE);
    // The index too, where the catalog's own name (from catalog.yaml) heads its section.
    const index = readFileSync(path.join(root, 'site/index.html'), 'utf8');
    expect(index).not.toMatch(RAW_CONTROL);
    expect(index).toMatch(/<h2>[^<]*\\x1b\]0;pwned/);
    const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)?.[1] ?? '';
    expect((JSON.parse(jsonLd) as { name: string }).name).toBe(`食品经营许可${OSC}${SGR}${CSI8}`);
  });
});

// ---------------------------------------------------------------------------------------------------
// 5. Broken templates and planted manifests.

describe('templates and manifests that are wrong', () => {
  it('a partial that does not exist is a located finding, not an internal error', async () => {
    const root = samples();
    mkdirSync(path.join(root, 'tpl'));
    writeFileSync(path.join(root, 'tpl/guide.md.hbs'), '# {{name}}\n\n{{> nosuch}}\n');
    const result = await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'out', format: 'md', templates: 'tpl' });
    expect(result.diagnostics.map((d) => [d.code, d.file, d.range?.start.line, d.range?.start.column])).toEqual([
      ['guide/partial-missing', 'tpl/guide.md.hbs', 3, 1],
    ]);
    expect(existsSync(path.join(root, 'out'))).toBe(false);
    // An inline partial defined in the template is one that exists.
    writeFileSync(path.join(root, 'tpl/guide.md.hbs'), '{{#*inline "mine"}}x{{/inline}}# {{name}}\n{{> mine}}\n');
    expect(
      (await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'out', format: 'md', templates: 'tpl' })).diagnostics,
    ).toEqual([]);
    // Through the CLI: exit 1 with the finding on stderr.
    writeFileSync(path.join(root, 'tpl/guide.md.hbs'), '# {{name}}\n\n{{> nosuch}}\n');
    const run = await tongban(['guide', 'catalogs/wuhou', '-f', 'md', '-o', 'out', '--templates', 'tpl'], {
      cwd: root,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^tpl\/guide\.md\.hbs:3:1 {2}.*nosuch.* {2}guide\/partial-missing\n$/);
  });

  it('--templates naming a file is a usage error', async () => {
    const root = samples();
    writeFileSync(path.join(root, 'tpl.hbs'), '# {{name}}\n');
    const run = await tongban(['guide', 'catalogs/wuhou', '--out', 'site', '--templates', 'tpl.hbs'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^[^\n]*not a folder: tpl\.hbs\n$/);
    expect(run.stderr).not.toMatch(/internal error|\bat .+:\d+:\d+/);
    expect(existsSync(path.join(root, 'site'))).toBe(false);
  });

  it('a manifest that is damaged or planted is ignored: a full rebuild that deletes nothing it should not', async () => {
    const root = samples();
    const build = () => guidesAt(root, { paths: ['catalogs/wuhou'], out: 'site' });
    await build();
    const manifestFile = path.join(root, 'site/.tongban-guides.json');
    const good = JSON.parse(readFileSync(manifestFile, 'utf8')) as { templates: string; pages: Record<string, string> };
    const victim = path.join(root, 'victim.txt');
    writeFileSync(victim, 'keep me');
    mkdirSync(path.join(root, 'site/notes'));
    writeFileSync(path.join(root, 'site/notes/keep.txt'), 'keep me');
    const planted: unknown[] = [
      'not json {',
      'null',
      '42',
      JSON.stringify({ ...good, pages: 'wuhou' }),
      JSON.stringify({ ...good, pages: ['../victim.txt'] }),
      JSON.stringify({ ...good, version: 2 }),
      JSON.stringify({ ...good, pages: { ...good.pages, '../victim.txt': 'x' } }),
      JSON.stringify({ ...good, pages: { ...good.pages, [victim]: 'x' } }),
      JSON.stringify({ ...good, pages: { ...good.pages, 'wuhou/../../victim.txt': 'x' } }),
      JSON.stringify({ ...good, pages: { ...good.pages, 'notes/keep.txt': 'x' } }),
      // A folder of the site: removing it would throw.
      JSON.stringify({ ...good, pages: { ...good.pages, wuhou: 'x' } }),
      JSON.stringify({ ...good, pages: { ...good.pages, 'wuhou/x.html': 5 } }),
    ];
    for (const text of planted) {
      writeFileSync(manifestFile, text as string);
      const result = await build();
      expect(result.diagnostics).toEqual([]);
      // Ignored whole: every page rendered again, nothing deleted.
      // wuhou's 10 item pages and its bundle page.
      expect([result.rendered.length, result.unchanged, result.deleted], String(text)).toEqual([11, 0, []]);
      expect(readFileSync(victim, 'utf8')).toBe('keep me');
      expect(readFileSync(path.join(root, 'site/notes/keep.txt'), 'utf8')).toBe('keep me');
      // And the manifest written afterwards is tongban's own again.
      expect(Object.keys(JSON.parse(readFileSync(manifestFile, 'utf8')).pages as object).sort()).toEqual(
        Object.keys(good.pages).sort(),
      );
    }
  });

  it('a site folder replaced by a link to elsewhere is neither emptied nor written through', async () => {
    const root = samples();
    await guidesAt(root, { paths: ['catalogs/shenzhen', 'catalogs/wuhou'], out: 'site' });
    // The wuhou folder of the site now points at a folder outside it, holding a file of a page's name.
    const elsewhere = path.join(root, 'elsewhere');
    mkdirSync(elsewhere);
    const page = `${WUHOU_LICENCE}.html`;
    writeFileSync(path.join(elsewhere, page), 'keep me');
    rmSync(path.join(root, 'site/wuhou'), { recursive: true });
    symlinkSync(elsewhere, path.join(root, 'site/wuhou'));
    // Without wuhou, the manifest's wuhou pages are pages to delete: none is, through the link.
    const result = await guidesAt(root, { paths: ['catalogs/shenzhen'], out: 'site' });
    expect(result.deleted).toEqual([]);
    expect(readdirSync(elsewhere)).toEqual([page]);
    expect(readFileSync(path.join(elsewhere, page), 'utf8')).toBe('keep me');
    // Building wuhou again would write through the link: a usage error, not a page outside --out.
    const run = await tongban(['guide', 'catalogs/wuhou', '--out', 'site'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^[^\n]*outside the output folder[^\n]*\n$/);
    expect(readdirSync(elsewhere)).toEqual([page]);
  });
});
