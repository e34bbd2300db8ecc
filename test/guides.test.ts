/** 办事指南: phrasing, a Markdown snapshot, checked rendering, template safety, incremental rebuilds. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  feePhrase,
  limitPhrase,
  materialFormPhrase,
  promisedPhrase,
  specialStepPhrase,
  visitsPhrase,
} from '../src/core/guide/phrasing.js';
import { guidesAt } from './helpers/api.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WUHOU_LICENCE = '11510107055842061G4000100001000';

function samples(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-guide-'));
  cpSync(path.join(ROOT, 'catalogs'), path.join(root, 'catalogs'), { recursive: true });
  return root;
}

function templates(root: string, files: Record<string, string>): string {
  const dir = path.join(root, 'my-templates');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return 'my-templates';
}

describe('phrasing', () => {
  it('follows the 办事指南 conventions', () => {
    expect(promisedPhrase('即办件', { value: 0, unit: '工作日' })).toBe('即办');
    expect(promisedPhrase('承诺件', { value: 10, unit: '工作日' })).toBe('自受理之日起10个工作日内办结');
    expect(limitPhrase({ value: 20, unit: '工作日', note: '可延长10日' })).toBe('20个工作日（可延长10日）');
    expect(feePhrase({ charged: false })).toBe('不收费');
    expect(feePhrase({ charged: true, items: [{ name: '工本费', standard: '10元' }] })).toBe('工本费：10元');
    expect(materialFormPhrase({ forms: ['原件', '复印件', '电子'], copies: 2 })).toBe('原件2份、复印件2份、电子版');
    expect(visitsPhrase(0, true)).toBe('0次（全程网办）');
    expect(specialStepPhrase({ name: '专家评审', timeLimit: { value: 30, unit: '工作日' }, counted: false })).toBe(
      '专家评审：30个工作日（不计入法定办结时限）',
    );
  });
});

describe('tongban guide', () => {
  it('renders a Markdown guide in the agreed section order (snapshot)', async () => {
    const root = samples();
    const result = await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'out', format: 'md', item: WUHOU_LICENCE });
    expect(result.diagnostics).toEqual([]);
    expect(result.single).toMatchSnapshot();
  });

  it('an item that lacks elements: 未提供 where citizens need the section, nothing invented, no nameless "未提供：" fee', async () => {
    const root = samples();
    const licence = path.join(root, 'catalogs', 'wuhou', 'items', '000100001000.yaml');
    const strip = (text: string, ...keys: string[]) =>
      keys.reduce((t, key) => t.replace(new RegExp(`^${key}:\\n(?:(?: {2}|- ).*\\n)+`, 'm'), ''), text);
    writeFileSync(licence, strip(readFileSync(licence, 'utf8'), 'conditions', 'materials'));
    const licencePage = (
      await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'a', format: 'md', item: WUHOU_LICENCE })
    ).single as string;
    expect(licencePage).toContain('## 受理条件\n\n未提供，请向办理部门咨询。');
    expect(licencePage).toContain('## 申请材料\n\n未提供，请向办理部门咨询。');
    // A fee whose standard is given without the fee's name: the standard alone.
    const levy = path.join(root, 'catalogs', 'guangdong', 'items', '000400001000.yaml');
    writeFileSync(
      levy,
      readFileSync(levy, 'utf8').replace('    - name: 防空地下室易地建设费\n      standard:', '    - standard:'),
    );
    const code = (readFileSync(levy, 'utf8').match(/^code: "?(\w+)"?$/m) ?? [])[1] as string;
    const levyPage = (await guidesAt(root, { paths: ['catalogs/guangdong'], out: 'b', format: 'md', item: code }))
      .single as string;
    expect(levyPage).toContain('- 按应建防空地下室面积和当地收费标准计收');
    expect(levyPage).not.toMatch(/未提供：|undefined/);
    // A 行政征收 is not applied for: no materials stated means no materials section, not 未提供.
    expect(levyPage).not.toContain('## 申请材料\n\n未提供');
  });

  it('a field the item lacks is reported at the template line and the item, and nothing is written for it', async () => {
    const root = samples();
    const dir = templates(root, { 'guide.md.hbs': '# {{name}}\n\n{{faqs}}\n' });
    const result = await guidesAt(root, {
      paths: ['catalogs/wuhou'],
      out: 'out',
      format: 'md',
      templates: dir,
      item: WUHOU_LICENCE,
    });
    expect(
      result.diagnostics.map((d) => [d.code, d.file, d.range?.start.line, d.range?.start.column, d.args.item]),
    ).toEqual([
      ['guide/missing-field', 'my-templates/guide.md.hbs', 3, 3, 'catalogs/wuhou/items/000100001000.yaml:3:1'],
    ]);
    expect(result.rendered).toEqual([]);
  });

  it('a missing field inside a partial names the partial', async () => {
    const root = samples();
    const dir = templates(root, {
      'partials/materials-md.hbs': '材料：\n{{#each materials}}- {{name}} {{copies}}\n{{/each}}',
    });
    const result = await guidesAt(root, {
      paths: ['catalogs/wuhou'],
      out: 'out',
      format: 'md',
      templates: dir,
      item: WUHOU_LICENCE,
    });
    expect(result.diagnostics.map((d) => [d.file, d.range?.start.line, d.args.field])).toEqual([
      ['my-templates/partials/materials-md.hbs', 2, 'copies'],
    ]);
  });

  it('refuses raw output and partial names that could leave the templates folder, with positions', async () => {
    const root = samples();
    const dir = templates(root, { 'guide.md.hbs': '# {{{name}}}\n{{> ../../secret}}\n' });
    const result = await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'out', format: 'md', templates: dir });
    expect(result.diagnostics.map((d) => [d.code, d.range?.start.line, d.range?.start.column])).toEqual([
      ['guide/raw-output', 1, 3],
      ['guide/partial-name', 2, 1],
    ]);
    expect(existsSync(path.join(root, 'out'))).toBe(false);
    writeFileSync(path.join(root, 'tongban.config.yaml'), 'guide:\n  allowRaw: [name]\n');
    writeFileSync(path.join(root, dir, 'guide.md.hbs'), '# {{{name}}}\n');
    expect(
      (await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'out', format: 'md', templates: dir })).diagnostics,
    ).toEqual([]);
  });

  it('escapes catalogue data: a name with <script> is text', async () => {
    const root = samples();
    const file = path.join(root, 'catalogs/wuhou/items/000100001000.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('name: 食品经营许可\n', 'name: <script>alert(1)</script>食品经营许可\n'),
    );
    await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'out' });
    const page = readFileSync(path.join(root, 'out/wuhou', `${WUHOU_LICENCE}.html`), 'utf8');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;食品经营许可');
    expect(page).not.toContain('<script>alert(1)');
    // The JSON-LD block cannot be closed from inside either.
    expect(page).toContain('\\u003cscript\\u003ealert(1)');
  });

  it('rebuilds only what changed and deletes pages of removed items', async () => {
    const root = samples();
    const first = await guidesAt(root, { paths: ['catalogs'], out: 'out' });
    // 27 item pages and 3 bundle pages (shenzhen: restaurant, construction; wuhou: restaurant).
    expect(first.rendered.length).toBe(30);
    const second = await guidesAt(root, { paths: ['catalogs'], out: 'out' });
    expect([second.rendered.length, second.unchanged]).toEqual([0, 30]);
    const file = path.join(root, 'catalogs/wuhou/items/000100001000.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('value: 10\n', 'value: 8\n'));
    rmSync(path.join(root, 'catalogs/shenzhen/items/002000003000.yaml'));
    const third = await guidesAt(root, { paths: ['catalogs'], out: 'out' });
    // The edited item's page, and the page of the bundle it is a member of (it shows the member's time).
    expect(third.rendered).toEqual([`wuhou/${WUHOU_LICENCE}.html`, 'wuhou/bundle-restaurant.html']);
    expect(third.deleted).toHaveLength(1);
    expect(readFileSync(path.join(root, 'out/wuhou', `${WUHOU_LICENCE}.html`), 'utf8')).toContain(
      '自受理之日起8个工作日内办结',
    );
    expect(readFileSync(path.join(root, 'out/index.html'), 'utf8')).not.toContain('社会保障卡申领');
  });
});

describe('incremental guide builds', () => {
  const EMPLOYMENT = 'catalogs/wuhou/items/002000001000.yaml';
  const EMPLOYMENT_PAGE = 'wuhou/1151010701947729864002000001000.html';
  /** The index file's inode: an atomic write replaces it, so a redrawn index has a new one. */
  const indexInode = (root: string) => statSync(path.join(root, 'out/index.html')).ino;
  const edit = (root: string, file: string, from: string | RegExp, to: string) => {
    const absolute = path.join(root, file);
    const text = readFileSync(absolute, 'utf8');
    expect(text).toMatch(from);
    writeFileSync(absolute, text.replace(from, to));
  };

  it('a no-op rebuild parses no item, renders nothing and leaves the index as it is', async () => {
    const root = samples();
    const first = await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'out' });
    expect([first.parsed, first.rendered.length]).toEqual([10, 11]);
    const inode = indexInode(root);
    const again = await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'out' });
    expect([again.parsed, again.rendered, again.unchanged, again.deleted]).toEqual([0, [], 11, []]);
    expect(indexInode(root)).toBe(inode);
    // A file touched but not changed is not parsed either (the content is what counts).
    writeFileSync(path.join(root, EMPLOYMENT), readFileSync(path.join(root, EMPLOYMENT)));
    expect((await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'out' })).parsed).toBe(0);
  });

  it('one changed item parses that file and rewrites exactly its page; the index stays when nothing it shows changed', async () => {
    const root = samples();
    await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'out' });
    const inode = indexInode(root);
    edit(root, EMPLOYMENT, /^hours: .*$/m, 'hours: 周一至周日 9:00-21:00');
    const result = await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'out' });
    expect([result.parsed, result.rendered, result.unchanged]).toEqual([1, [EMPLOYMENT_PAGE], 10]);
    expect(readFileSync(path.join(root, 'out', EMPLOYMENT_PAGE), 'utf8')).toContain('周一至周日 9:00-21:00');
    expect(indexInode(root)).toBe(inode);
  });

  it('a changed field the index shows redraws the index', async () => {
    const root = samples();
    await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'out' });
    const inode = indexInode(root);
    edit(root, EMPLOYMENT, /^name: .*$/m, 'name: 就业登记（改）');
    const result = await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'out' });
    expect([result.parsed, result.rendered]).toEqual([1, [EMPLOYMENT_PAGE]]);
    expect(indexInode(root)).not.toBe(inode);
    expect(readFileSync(path.join(root, 'out/index.html'), 'utf8')).toContain('就业登记（改）');
  });

  it('a changed member item redraws its bundle page, reading only the members', async () => {
    const root = samples();
    await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'out' });
    edit(
      root,
      'catalogs/wuhou/items/000100002000.yaml',
      /promisedLimit:\n {2}value: \d+/,
      'promisedLimit:\n  value: 2',
    );
    const result = await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'out' });
    expect(result.rendered).toEqual(['wuhou/11510107055842061G4000100002000.html', 'wuhou/bundle-restaurant.html']);
    // The changed file, and the bundle's other member (食品经营许可), read again for the bundle page.
    expect(result.parsed).toBe(2);
  });

  it('a changed template, or a page deleted from the folder, is rebuilt', async () => {
    const root = samples();
    await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'out' });
    rmSync(path.join(root, 'out', EMPLOYMENT_PAGE));
    const restored = await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'out' });
    expect([restored.parsed, restored.rendered]).toEqual([1, [EMPLOYMENT_PAGE]]);
    const dir = templates(root, { 'guide.html.hbs': '<h1>{{name}}</h1>\n' });
    const changed = await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'out', templates: dir });
    expect([changed.parsed, changed.rendered.length, changed.unchanged]).toEqual([10, 11, 0]);
    expect(readFileSync(path.join(root, 'out', EMPLOYMENT_PAGE), 'utf8')).toBe('<h1>就业登记与失业登记</h1>\n');
  });
});

describe('two builds into one --out', () => {
  it('the second catalog built alone keeps the first catalog’s pages', async () => {
    const root = samples();
    const first = await guidesAt(root, { paths: ['catalogs/shenzhen'], out: 'shared' });
    const shenzhenPages = first.rendered.filter((page) => page.startsWith('shenzhen/'));
    expect(shenzhenPages.length).toBeGreaterThan(0);
    const second = await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'shared' });
    expect(second.deleted).toEqual([]);
    for (const page of shenzhenPages) expect(existsSync(path.join(root, 'shared', page))).toBe(true);
    // Built again on its own, the first catalog is an incremental no-op, and still deletes nothing of the other.
    const again = await guidesAt(root, { paths: ['catalogs/shenzhen'], out: 'shared' });
    expect(again.deleted).toEqual([]);
    expect(existsSync(path.join(root, 'shared', second.rendered.find((p) => p.startsWith('wuhou/')) as string))).toBe(
      true,
    );
  });
});

describe('incremental guide builds: what they trust', () => {
  it('a file with problems is read and reported on every build; a planted record is ignored whole', async () => {
    const root = samples();
    const broken = path.join(root, 'catalogs/wuhou/items/000700001000.yaml');
    writeFileSync(broken, 'name: [unclosed\n');
    const codes = async () =>
      (await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'out' })).diagnostics.map((d) => d.code);
    expect(await codes()).toEqual(['yaml/syntax']);
    expect(await codes()).toEqual(['yaml/syntax']);
    const manifestFile = path.join(root, 'out/.tongban-guides.json');
    const good = JSON.parse(readFileSync(manifestFile, 'utf8')) as { sources: Record<string, { slug: string }> };
    const [file, record] = Object.entries(good.sources)[0] ?? [];
    if (!file || !record) throw new Error('no source recorded');
    for (const slug of ['../../victim', 'a/b', '']) {
      writeFileSync(
        manifestFile,
        JSON.stringify({ ...good, sources: { ...good.sources, [file]: { ...record, slug } } }),
      );
      const result = await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'out' });
      expect([result.parsed, result.deleted], slug).toEqual([10, []]);
    }
  });
});
