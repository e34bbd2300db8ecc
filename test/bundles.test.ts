/**
 * 一件事 (bundles): the samples validate clean; a broken member is found at its line; code retire/merge/split
 * report and rewrite the bundles they touch (comments kept); the guide has a one-time notice per bundle;
 * stats score bundles and national key-matter coverage; compare aligns a key matter across regions; diff
 * shows bundle changes; the key-matter data says what is confirmed.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
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
import { parse as parseYaml } from 'yaml';
import { replaceBundleCodes, replacementFor } from '../src/core/bundles/lifecycle.js';
import { editBundleCodes } from '../src/io/bundle-edit.js';
import { keyMatters } from '../src/io/key-matters.js';
import { compareAt, diffAt, guidesAt, importAt, statsAt, validateAt } from './helpers/api.js';
import { ROOT, tongban } from './helpers/cli.js';

const FOOD = '1144030009719080703000100001000'; // 食品经营许可, 深圳市市场监督管理局
const HYGIENE = '1144030009781603X93000100002000'; // 公共场所卫生许可, 深圳市卫生健康委员会
const BUILDING = '1144030001289270423000100005000'; // 建筑工程施工许可证核发
const AIR_DEFENCE = '1144030001289270423000400001000'; // 防空地下室易地建设费征收
const RESTAURANT = 'catalogs/shenzhen/bundles/restaurant.yaml';
const CONSTRUCTION = 'catalogs/shenzhen/bundles/construction.yaml';

/** A fresh copy of the sample catalogs. */
function samples(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-bundles-'));
  cpSync(path.join(ROOT, 'catalogs'), path.join(root, 'catalogs'), { recursive: true });
  return root;
}

/** The 1-based line of the first line of `file` (in `root`) that contains `text`. */
function lineOf(root: string, file: string, text: string): number {
  const index = readFileSync(path.join(root, file), 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(text));
  expect(index, `${text} in ${file}`).toBeGreaterThanOrEqual(0);
  return index + 1;
}

function edit(root: string, file: string, from: string, to: string): void {
  const absolute = path.join(root, file);
  const text = readFileSync(absolute, 'utf8');
  expect(text).toContain(from);
  writeFileSync(absolute, text.replace(from, to));
}

const located = (diagnostics: { code: string; file: string; range?: { start: { line: number } } }[]) =>
  diagnostics.map((d) => ({ code: d.code, file: d.file, line: d.range?.start.line }));

describe('bundle validation', () => {
  it('the sample catalogs, bundles included, validate clean', async () => {
    const result = await validateAt(ROOT, ['catalogs']);
    expect(located(result.diagnostics)).toEqual([]);
    expect(result.files.filter((f) => f.includes('/bundles/'))).toEqual([
      CONSTRUCTION,
      RESTAURANT,
      'catalogs/wuhou/bundles/restaurant.yaml',
    ]);
  });

  it('a member changed to a code that does not exist is reported at that member’s line', async () => {
    const root = samples();
    const missing = '1144030009719080703000100009999';
    edit(root, RESTAURANT, `  - code: "${FOOD}" # 食品经营许可`, `  - code: "${missing}" # 食品经营许可`);
    const result = await validateAt(root, ['catalogs/shenzhen']);
    expect(located(result.diagnostics.filter((d) => d.code === 'bundle/member-unknown'))).toEqual([
      { code: 'bundle/member-unknown', file: RESTAURANT, line: lineOf(root, RESTAURANT, missing) },
    ]);
  });

  it('a member item that lacks elements (as real ones do) is still checked: its material missing from the bundle is found', async () => {
    const root = samples();
    const food = 'catalogs/shenzhen/items/000100001000.yaml';
    // No legal basis (a completeness finding), and a material of its own, without necessity or source.
    const text = readFileSync(path.join(root, food), 'utf8')
      .replace(/^basis:\n(?: {2}.*\n)+/m, '')
      .replace('materials:\n', 'materials:\n  - name: 经营设备布局和工艺流程图\n');
    writeFileSync(path.join(root, food), text);
    const result = await validateAt(root, ['catalogs/shenzhen']);
    const codes = result.diagnostics.map((d) => d.code);
    expect(codes).toContain('element/missing');
    expect(located(result.diagnostics.filter((d) => d.code === 'bundle/material-missing'))).toEqual([
      expect.objectContaining({ code: 'bundle/material-missing', file: RESTAURANT }),
    ]);
  });

  it('a bundle file that is not YAML is a reader finding, like an item', async () => {
    const root = samples();
    writeFileSync(path.join(root, RESTAURANT), 'id: [restaurant\n');
    const result = await validateAt(root, ['catalogs/shenzhen']);
    expect(result.diagnostics.map((d) => `${d.file} ${d.code}`)).toContain(`${RESTAURANT} yaml/syntax`);
  });

  it('a bundle file given alone is validated with its catalog, and only its findings are reported', async () => {
    const root = samples();
    edit(root, RESTAURANT, 'value: 5\n  unit: 工作日', 'value: 50\n  unit: 工作日');
    edit(root, CONSTRUCTION, 'visits: 0', 'visits: 9');
    const result = await validateAt(root, [RESTAURANT]);
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual([
      'bundle/figures-mismatch',
      'bundle/time-exceeds-members',
    ]);
  });
});

describe('bundles under --changed', () => {
  it('a changed member item brings its bundles into scope, and so does a changed bundle', async () => {
    const root = samples();
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], {
        cwd: root,
        stdio: 'ignore',
      });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'samples');
    edit(root, 'catalogs/shenzhen/items/000100002000.yaml', '公共场所卫生检测或评价报告', '卫生检测报告');
    const changed = await validateAt(root, ['catalogs'], { changed: 'HEAD' });
    expect(changed.diagnostics.map((d) => `${d.file} ${d.code}`).sort()).toEqual([
      `${RESTAURANT} bundle/material-missing`,
      `${RESTAURANT} bundle/material-not-needed`,
    ]);
    git('commit', '-q', '-am', 'renamed');
    edit(root, CONSTRUCTION, 'value: 12\n', 'value: 20\n');
    const bundleChanged = await validateAt(root, ['catalogs'], { changed: 'HEAD' });
    expect(bundleChanged.diagnostics.map((d) => `${d.file} ${d.code}`).sort()).toEqual([
      `${CONSTRUCTION} bundle/figures-mismatch`,
      `${CONSTRUCTION} bundle/time-exceeds-members`,
    ]);
  });
});

describe('code retire, merge and split with bundles', () => {
  /** Every file under `dir` with its bytes: to see that a refused command wrote nothing. */
  const snapshot = (dir: string): Map<string, string> => {
    const files = new Map<string, string>();
    const walk = (sub: string) => {
      for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
        const relative = path.join(sub, entry.name);
        if (entry.isDirectory()) walk(relative);
        else files.set(relative, readFileSync(path.join(dir, relative), 'utf8'));
      }
    };
    walk('');
    return files;
  };

  it('a bundle reached through a link, or items in a linked folder: refused before anything is written', async () => {
    const root = samples();
    const shenzhen = path.join(root, 'catalogs', 'shenzhen');
    mkdirSync(path.join(shenzhen, 'shared'));
    renameSync(path.join(root, RESTAURANT), path.join(shenzhen, 'shared', 'restaurant.yaml'));
    symlinkSync('../shared/restaurant.yaml', path.join(root, RESTAURANT));
    const before = snapshot(root);
    const run = await tongban(['code', 'retire', 'catalogs/shenzhen', HYGIENE, '--update-bundles', '-f', 'json'], {
      cwd: root,
    });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { diagnostics: { code: string; file: string }[]; applied: boolean };
    expect(report.applied).toBe(false);
    expect(report.diagnostics).toEqual([expect.objectContaining({ code: 'file/link-edit', file: RESTAURANT })]);
    expect(snapshot(root)).toEqual(before);

    // The items folder itself a link to a folder outside the catalog.
    const other = samples();
    const outside = mkdtempSync(path.join(tmpdir(), 'tongban-outside-'));
    const items = path.join(other, 'catalogs', 'shenzhen', 'items');
    cpSync(items, outside, { recursive: true });
    rmSync(items, { recursive: true });
    symlinkSync(outside, items);
    const outsideBefore = snapshot(outside);
    const linked = await tongban(['code', 'retire', 'catalogs/shenzhen', AIR_DEFENCE], { cwd: other });
    expect(linked.code).toBe(1);
    expect(linked.stdout).toMatch(/file\/link-edit/);
    expect(snapshot(outside)).toEqual(outsideBefore);
  });

  it('--update-bundles with a bundle that cannot be read: refused, naming it, nothing written', async () => {
    const root = samples();
    writeFileSync(path.join(root, CONSTRUCTION), readFileSync(path.join(root, CONSTRUCTION), 'utf8') + 'foo: [\n');
    const before = snapshot(root);
    const run = await tongban(['code', 'retire', 'catalogs/shenzhen', AIR_DEFENCE, '--update-bundles'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`${CONSTRUCTION}:\\d+:\\d+ .*yaml/syntax`));
    expect(snapshot(root)).toEqual(before);
  });

  it('retire reports the bundle it touches; validate then finds the retired member at its line', async () => {
    const root = samples();
    const run = await tongban(['code', 'retire', 'catalogs/shenzhen', AIR_DEFENCE, '-f', 'json'], { cwd: root });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { bundles: unknown[] };
    expect(report.bundles).toEqual([
      expect.objectContaining({ file: CONSTRUCTION, codes: [AIR_DEFENCE], replacedBy: [], updated: false }),
    ]);
    const result = await validateAt(root, ['catalogs/shenzhen']);
    expect(located(result.diagnostics)).toEqual([
      {
        code: 'bundle/member-retired',
        file: CONSTRUCTION,
        line: lineOf(root, CONSTRUCTION, `- code: "${AIR_DEFENCE}"`),
      },
    ]);
  });

  it('retire --update-bundles drops the member and what only it used, keeping comments; the bundle validates', async () => {
    const root = samples();
    const before = readFileSync(path.join(root, CONSTRUCTION), 'utf8');
    const run = await tongban(['code', 'retire', 'catalogs/shenzhen', AIR_DEFENCE, '--update-bundles'], { cwd: root });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(CONSTRUCTION);
    const after = readFileSync(path.join(root, CONSTRUCTION), 'utf8');
    expect(after).not.toContain(AIR_DEFENCE);
    expect(after).not.toContain('人防易地建设费'); // the member's stage went with it
    // Every comment line of the file is still there (the removed member had none of its own).
    const comments = (text: string) => text.split('\n').filter((line) => line.trimStart().startsWith('#'));
    expect(comments(after)).toEqual(comments(before));
    const result = await validateAt(root, ['catalogs/shenzhen']);
    expect(located(result.diagnostics)).toEqual([]);
  });

  it('retire --update-bundles also drops the materials, fields and assisting agency only the member had', async () => {
    const root = samples();
    const run = await tongban(['code', 'retire', 'catalogs/shenzhen', HYGIENE, '--update-bundles'], { cwd: root });
    expect(run.code).toBe(0);
    const after = readFileSync(path.join(root, RESTAURANT), 'utf8');
    expect(after).not.toContain(HYGIENE);
    expect(after).not.toContain('公共场所卫生检测或评价报告'); // needed by it alone
    expect(after).not.toContain('公共场所类别'); // asked for it alone
    expect(after).not.toContain('深圳市卫生健康委员会'); // implements no member any more
    // One item is no bundle, and the published figures are the region's: both are for a person to decide,
    // and validation says so.
    const result = await validateAt(root, ['catalogs/shenzhen']);
    expect(located(result.diagnostics)).toEqual([
      { code: 'bundle/too-few-members', file: RESTAURANT, line: lineOf(root, RESTAURANT, 'members:') },
      { code: 'bundle/figures-mismatch', file: RESTAURANT, line: lineOf(root, RESTAURANT, 'materials: { before: 7') },
    ]);
  });

  it('merge --update-bundles puts the new code in place of the merged members', async () => {
    const root = samples();
    const building = readFileSync(path.join(root, 'catalogs/shenzhen/items/000100005000.yaml'), 'utf8');
    // One new item of 住建 taking over 施工许可 and 人防易地建设费 (another basic item, so a code of its own).
    const merged = building
      .replace(/^code: .*\n/m, '')
      .replace('basicCode: "000100005000"', 'basicCode: "000100003002"')
      .replace(/^name: .*$/m, 'name: 民办学校变更审批');
    writeFileSync(path.join(root, 'catalogs/shenzhen/items/merged.yaml'), merged);
    const run = await tongban(
      [
        'code',
        'merge',
        'catalogs/shenzhen',
        BUILDING,
        AIR_DEFENCE,
        '--into',
        'catalogs/shenzhen/items/merged.yaml',
        '--update-bundles',
        '-f',
        'json',
      ],
      { cwd: root },
    );
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as {
      plans: { assignments: { code: string }[] }[];
      bundles: { replacedBy: string[]; updated: boolean }[];
    };
    const newCode = report.plans[0]?.assignments[0]?.code as string;
    expect(report.bundles).toEqual([expect.objectContaining({ replacedBy: [newCode], updated: true })]);
    const after = readFileSync(path.join(root, CONSTRUCTION), 'utf8');
    expect(after).not.toContain(BUILDING);
    expect(after).not.toContain(AIR_DEFENCE);
    // The two members became one, where the first was, its comment kept; lists name the new code once.
    expect(after.match(new RegExp(`- code: "${newCode}"`, 'g'))).toHaveLength(1);
    expect(after).toContain(`- code: "${newCode}" # 建筑工程施工许可证核发`);
    expect(after).toContain(`neededBy: ["${newCode}"]\n    obtainedBy: 电子证照`);
    const result = await validateAt(root, ['catalogs/shenzhen']);
    expect(
      result.diagnostics.filter((d) => d.code.startsWith('bundle/member') || d.code === 'bundle/not-a-member'),
    ).toEqual([]);
  });

  it('a dry run reports the bundles and writes nothing', async () => {
    const root = samples();
    const before = readFileSync(path.join(root, CONSTRUCTION), 'utf8');
    const run = await tongban(['code', 'retire', 'catalogs/shenzhen', AIR_DEFENCE, '--update-bundles', '--dry-run'], {
      cwd: root,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(CONSTRUCTION);
    expect(readFileSync(path.join(root, CONSTRUCTION), 'utf8')).toBe(before);
  });
});

describe('the bundle text edit', () => {
  const text = [
    '# a bundle',
    'id: x',
    'members:',
    '  # the first',
    '  - code: "A" # keep me',
    '    order: 1',
    '  - { code: B, order: 2 }',
    '  - code: C',
    '    order: 3',
    'form:',
    '  name: f',
    '  fields:',
    '    - name: only A',
    '      usedBy: [A]',
    '    - name: A and C',
    '      usedBy:',
    '        - A # inline',
    '        - C',
    'materials:',
    '  - name: m',
    '    neededBy: ["A", B, C]',
    'end: 1 # trailing',
    '',
  ].join('\n');
  const parse = async (yaml: string) => (await import('yaml')).parse(yaml) as Record<string, unknown>;

  it('a split copies the member once per new code and lists every new code, comments kept', async () => {
    const edited = editBundleCodes(text, replacementFor(['A'], ['A1', 'A2']));
    if (!('text' in edited)) throw new Error(JSON.stringify(edited));
    expect(await parse(edited.text)).toEqual(
      replaceBundleCodes(await parse(text), replacementFor(['A'], ['A1', 'A2'])),
    );
    expect(edited.text).toContain('  - code: "A1" # keep me\n    order: 1\n  - code: "A2" # keep me\n    order: 1\n');
    expect(edited.text).toContain('usedBy: ["A1", "A2"]');
    expect(edited.text).toContain('        - "A1"\n        - "A2" # inline\n');
    for (const comment of ['# a bundle', '# the first', '# trailing']) expect(edited.text).toContain(comment);
  });

  it('a retirement removes the member, and a field left for no member', async () => {
    const edited = editBundleCodes(text, replacementFor(['A'], []));
    if (!('text' in edited)) throw new Error(JSON.stringify(edited));
    const data = await parse(edited.text);
    expect(data.members).toEqual([
      { code: 'B', order: 2 },
      { code: 'C', order: 3 },
    ]);
    expect((data.form as { fields: unknown[] }).fields).toEqual([{ name: 'A and C', usedBy: ['C'] }]);
    expect(data.materials).toEqual([{ name: 'm', neededBy: ['B', 'C'] }]);
  });

  it('a merge of two members keeps one, where the first was', async () => {
    const edited = editBundleCodes(text, replacementFor(['A', 'C'], ['N']));
    if (!('text' in edited)) throw new Error(JSON.stringify(edited));
    const data = await parse(edited.text);
    expect(data.members).toEqual([
      { code: 'N', order: 1 },
      { code: 'B', order: 2 },
    ]);
    expect(data.materials).toEqual([{ name: 'm', neededBy: ['N', 'B'] }]);
  });

  it('a layout it cannot follow safely is refused with its position, not rewritten', () => {
    const flow = 'id: x\nmembers: [{ code: A, order: 1 }, { code: B, order: 2 }]\n';
    const edited = editBundleCodes(flow, replacementFor(['A'], []));
    expect(edited).toEqual({
      refused: {
        code: 'edit/not-plain-scalar',
        range: { start: { line: 2, column: 10 }, end: { line: 2, column: 10 } },
      },
    });
  });

  it('codes it does not name leave the text as it is', () => {
    expect(editBundleCodes(text, replacementFor(['Z'], ['Y']))).toEqual({ text, changed: false });
  });
});

describe('bundle guides', () => {
  it('a one-time notice per bundle: each material once, every member named and linked, in HTML and Markdown', async () => {
    const root = samples();
    for (const format of ['html', 'md'] as const) {
      const result = await guidesAt(root, { paths: ['catalogs'], out: `site-${format}`, format });
      expect(result.diagnostics).toEqual([]);
      expect(result.rendered.filter((page) => page.includes('bundle-')).sort()).toEqual([
        `shenzhen/bundle-construction.${format}`,
        `shenzhen/bundle-restaurant.${format}`,
        `wuhou/bundle-restaurant.${format}`,
      ]);
    }
    const page = readFileSync(path.join(root, 'site-md/shenzhen/bundle-restaurant.md'), 'utf8');
    const table = page.slice(page.indexOf('| 序号 | 材料名称'), page.indexOf('## 一表申请'));
    const names = table
      .split('\n')
      .slice(2)
      .filter((line) => line.startsWith('|'))
      .map((line) => line.split('|')[2]?.trim());
    expect(names).toEqual([
      '开办餐饮店一件事申请表',
      '营业执照',
      '与食品经营相适应的主要设备设施布局、操作流程等文件',
      '食品安全自查、从业人员健康管理等保证食品安全的规章制度',
      '公共场所卫生检测或评价报告',
    ]);
    expect(new Set(names).size).toBe(names.length);
    // Before → after in the unit the bundle promises its time in.
    expect(page).toContain('| 办理时间（工作日） | 10 | 5 | 50% |');
    // The shared material is marked, the ones to bring are not; each names the items that need it.
    expect(table).toContain('| 营业执照 | 无需提交（电子证照） | — | 食品经营许可、公共场所卫生许可 |');
    expect(table).toMatch(/\| 公共场所卫生检测或评价报告 \| 需提交 \| 原件1份 \| 公共场所卫生许可 \|/);
    // Every member item is named and linked to its own guide page, which exists.
    for (const [name, code] of [
      ['食品经营许可', FOOD],
      ['公共场所卫生许可', HYGIENE],
    ]) {
      expect(page).toContain(`[${name}](./${code}.md)`);
      expect(readdirSync(path.join(root, 'site-md/shenzhen'))).toContain(`${code}.md`);
    }
    const html = readFileSync(path.join(root, 'site-html/shenzhen/bundle-restaurant.html'), 'utf8');
    expect(html).toContain(`<a href="./${FOOD}.html">食品经营许可</a>`);
    expect(html).toContain('<dt>牵头部门</dt><dd>深圳市市场监督管理局</dd>');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}') as {
      '@graph': { '@type': string; 'cv:isGroupedBy'?: { '@id': string } }[];
    };
    expect(jsonLd['@graph'][0]?.['@type']).toBe('cv:BusinessEvent');
    expect(jsonLd['@graph'].filter((n) => n['cv:isGroupedBy'])).toHaveLength(2);
  });

  it('the index view lists the bundles with a search text (the index templates show them)', async () => {
    const { indexView } = await import('../src/core/guide/index-view.js');
    const { collectBundlePages } = await import('../src/app/shared/bundle-pages.js');
    const { workspaceAt } = await import('./helpers/api.js');
    const workspace = await workspaceAt(ROOT);
    const catalog = workspace.catalogs(['catalogs/wuhou']).requested[0];
    if (!catalog) throw new Error('no catalog');
    const { pages } = collectBundlePages(workspace, catalog, {
      folder: 'wuhou',
      meta: catalog.meta as never,
      region: null,
      items: [],
      itemPages: new Map(),
    });
    const view = indexView([], 'html', pages);
    expect(view.bundles).toEqual([
      expect.objectContaining({
        name: '开办餐饮店一件事',
        lead: '成都市武侯区行政审批局',
        keyMatter: '2024年度第一批：开办餐饮店一件事',
        href: './wuhou/bundle-restaurant.html',
      }),
    ]);
    expect(view.bundles[0]?.search).toContain('营业执照');
  });

  it('a bundle that fails its schema gets no page and is said so', async () => {
    const root = samples();
    edit(root, RESTAURANT, 'scope: 全城通办', 'scope: 全球通办');
    const result = await guidesAt(root, { paths: ['catalogs/shenzhen'], out: 'site', format: 'md' });
    expect(result.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual([`${RESTAURANT} bundle/invalid`]);
    expect(result.rendered).not.toContain('shenzhen/bundle-restaurant.md');
  });
});

describe('bundle scores in stats', () => {
  it('reports each bundle’s reductions and the national key-matter coverage, in JSON', async () => {
    const run = await tongban(['stats', 'catalogs', '-f', 'json'], { cwd: ROOT });
    const report = JSON.parse(run.stdout) as {
      bundles: {
        bundles: {
          catalog: string;
          id: string;
          computed: Record<string, { before: number; after: number; reduction: number }>;
          fullyOnlineShare: number;
          stated: Record<string, { claimed: number | null }>;
        }[];
        overall: { bundles: number; reductions: Record<string, number> };
        catalogs: { label: string; bundles: number; fullyOnlineShare: number | null }[];
        keyMatters: {
          total: number;
          catalogs: { catalog: string; covered: string[]; count: number }[];
          matters: { id: string; catalogs: string[] }[];
        };
      };
    };
    const score = (catalog: string, id: string) =>
      report.bundles.bundles.find((b) => b.catalog === catalog && b.id === id);
    // 4 + 3 materials asked one by one, 4 still submitted; 5 + 5 working days against 5; two forms against one.
    const restaurant = score('catalogs/shenzhen', 'restaurant');
    expect(restaurant?.computed.materials).toEqual({ before: 7, after: 4, reduction: 0.429 });
    expect(restaurant?.computed.time).toEqual({ before: 10, after: 5, reduction: 0.5 });
    expect(restaurant?.computed.forms).toEqual({ before: 2, after: 1, reduction: 0.5 });
    expect(restaurant?.fullyOnlineShare).toBe(1);
    expect(restaurant?.stated.materials?.claimed).toBe(0.43);
    expect(score('catalogs/wuhou', 'restaurant')?.fullyOnlineShare).toBe(0.5);
    expect(report.bundles.overall.bundles).toBe(3);
    // A region without bundles has no fully-online share (not 0%).
    expect(report.bundles.catalogs.find((c) => c.label === 'catalogs/guangdong')).toMatchObject({
      bundles: 0,
      fullyOnlineShare: null,
    });
    expect(report.bundles.keyMatters.total).toBe(42);
    expect(report.bundles.keyMatters.catalogs).toEqual(
      expect.arrayContaining([
        { catalog: 'catalogs/shenzhen', covered: ['2024-1-05'], count: 1, share: 0.024 },
        { catalog: 'catalogs/wuhou', covered: ['2024-1-05'], count: 1, share: 0.024 },
        { catalog: 'catalogs/guangdong', covered: [], count: 0, share: 0 },
      ]),
    );
    expect(report.bundles.keyMatters.matters.find((m) => m.id === '2024-1-05')?.catalogs).toEqual([
      'catalogs/shenzhen',
      'catalogs/wuhou',
    ]);
  });

  it('the stats page has a table of the bundles with their figures and the key-matter coverage', async () => {
    const run = await tongban(['stats', 'catalogs', '-f', 'html', '--lang', 'zh-CN'], { cwd: ROOT });
    const section = run.stdout.slice(run.stdout.indexOf('<section id="bundles"'));
    expect(section).toMatch(/<h2 id="h-bundles">高效办成一件事<\/h2>/);
    expect(section.match(/<th scope="row"><span[^>]*>开办餐饮店一件事|<th scope="row">开办餐饮店一件事/g)).toHaveLength(
      2,
    );
    expect(section).toContain('7→4 (−42.9%)');
    expect(section).toContain('覆盖国家重点事项 1/42（开办餐饮店一件事）');
    expect(run.stdout).toContain('href="#h-bundles"');
  });

  it('an invalid bundle is left out of the scores and makes stats exit 1', async () => {
    const root = samples();
    edit(root, RESTAURANT, 'visits: 0\n', 'visits: -1\n');
    const result = await statsAt(root, ['catalogs/shenzhen']);
    expect(result.problems.map((p) => p.code)).toEqual(['bundle/invalid']);
    expect(result.bundles.bundles.map((b) => b.id)).toEqual(['construction']);
    const run = await tongban(['stats', 'catalogs/shenzhen'], { cwd: root });
    expect(run.code).toBe(1);
  });
});

describe('bundles across regions and versions', () => {
  it('compare aligns the bundles of the same key matter and shows where the regions differ', async () => {
    const result = await compareAt(ROOT, ['catalogs/shenzhen', 'catalogs/wuhou']);
    expect(result.bundles.aligned.map((a) => [a.keyMatter, a.bundles.map((b) => b.region)])).toEqual([
      ['2024-1-05', ['catalogs/shenzhen', 'catalogs/wuhou']],
    ]);
    const elements = Object.fromEntries((result.bundles.aligned[0]?.elements ?? []).map((e) => [e.element, e]));
    // The same two items (by basic code), though each region's codes name its own agencies.
    expect(elements.members).toEqual(
      expect.objectContaining({
        agree: true,
        shared: ['食品经营许可 · 000100001000', '公共场所卫生许可 · 000100002000'],
      }),
    );
    expect(elements.materials?.agree).toBe(false);
    expect(elements.lead?.values).toEqual([
      { region: 'catalogs/shenzhen', value: '深圳市市场监督管理局 · 食品经营许可' },
      { region: 'catalogs/wuhou', value: '成都市武侯区行政审批局 · 食品经营许可 / 公共场所卫生许可' },
    ]);
    expect(elements.lead?.agree).toBe(false);
    expect(elements.time?.values.map((v) => v.value)).toEqual(['5个工作日', '10个工作日']);
    expect(elements.visits?.agree).toBe(false);
    expect(result.bundles.regional).toEqual([
      expect.objectContaining({ region: 'catalogs/shenzhen', id: 'construction' }),
    ]);
    const run = await tongban(['compare', 'catalogs/shenzhen', 'catalogs/wuhou'], { cwd: ROOT });
    expect(run.stdout).toContain('开办餐饮店一件事 (2024-1-05)');
  });

  it('diff shows what changed in a bundle between two versions', async () => {
    const root = samples();
    cpSync(path.join(root, 'catalogs/shenzhen'), path.join(root, 'next'), { recursive: true });
    edit(root, 'next/bundles/restaurant.yaml', 'value: 5\n  unit: 工作日', 'value: 3\n  unit: 工作日');
    edit(root, 'next/bundles/restaurant.yaml', '  - name: 营业执照\n', '  - name: 电子营业执照\n');
    edit(root, 'next/catalog.yaml', 'basic: ../national', 'basic: ../catalogs/national');
    cpSync(path.join(root, 'next/bundles/construction.yaml'), path.join(root, 'next/bundles/construction2.yaml'));
    edit(root, 'next/bundles/construction2.yaml', 'id: construction', 'id: construction2');
    const result = await diffAt(root, 'catalogs/shenzhen', 'next');
    expect(result.bundles.pairs.find((p) => p.id === 'restaurant')?.changes).toEqual([
      { element: 'materials', added: ['电子营业执照 · 电子证照'], removed: ['营业执照 · 电子证照'] },
      { element: 'time', before: '5个工作日', after: '3个工作日' },
    ]);
    expect(result.bundles.pairs.find((p) => p.id === 'construction')?.changes).toEqual([]);
    expect(result.bundles.onlyRight.map((b) => b.id)).toEqual(['construction2']);
    const markdown = await tongban(['diff', 'catalogs/shenzhen', 'next', '-f', 'markdown'], { cwd: root });
    expect(markdown.stdout).toContain('#### bundle changes');
    expect(markdown.stdout).toContain('promised time: 5个工作日 → 3个工作日');
  });
});

describe('bundles exported and imported', () => {
  it('export --bundles -f csv, then import --map tongban-bundle, gives the same bundles', async () => {
    const root = samples();
    const exported = await tongban(['export', 'catalogs/shenzhen', '--bundles', '-f', 'csv', '-o', 'bundles.csv'], {
      cwd: root,
    });
    expect(exported.code).toBe(0);
    const csv = readFileSync(path.join(root, 'bundles.csv'), 'utf8');
    // One row per member: 3 of construction, 2 of restaurant, under the header.
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + 3 + 2);
    const before = ['construction', 'restaurant'].map((id) =>
      parseYaml(readFileSync(path.join(root, `catalogs/shenzhen/bundles/${id}.yaml`), 'utf8')),
    );
    rmSync(path.join(root, 'catalogs/shenzhen/bundles'), { recursive: true });
    const imported = await tongban(['import', 'bundles.csv', '--map', 'tongban-bundle', '--out', 'catalogs/shenzhen'], {
      cwd: root,
    });
    expect(imported.code).toBe(0);
    const after = ['construction', 'restaurant'].map((id) =>
      parseYaml(readFileSync(path.join(root, `catalogs/shenzhen/bundles/${id}.yaml`), 'utf8')),
    );
    expect(after).toEqual(before);
    // A second import changes nothing.
    const again = await importAt(root, { file: 'bundles.csv', map: 'tongban-bundle', out: 'catalogs/shenzhen' });
    expect([again.written, again.unchanged]).toEqual([[], 2]);
  });

  it('a region’s sheet, one row per member, becomes a bundle that validates', async () => {
    const root = samples();
    const header =
      '一件事编号,一件事名称,国家重点事项,牵头部门,牵头部门代码,事项编码,环节,顺序,适用情形,所需材料,填报信息,承诺时限,跑动次数,通办范围';
    writeFileSync(
      path.join(root, 'sheet.csv'),
      [
        header,
        `eat,开办餐饮店一件事,开办餐饮店一件事,深圳市市场监督管理局,114403000971908070,${FOOD},食品经营许可,1,,"食品经营许可申请书；营业执照复印件（电子证照）；与食品经营相适应的主要设备设施布局、操作流程等文件；食品安全自查、从业人员健康管理等保证食品安全的规章制度",经营者名称；经营项目,5个工作日,0,全城通办`,
        `eat,开办餐饮店一件事,开办餐饮店一件事,深圳市市场监督管理局,114403000971908070,${HYGIENE},公共场所卫生许可,1,兼营公共场所的,"公共场所卫生许可申请表；营业执照（电子证照）；公共场所卫生检测或评价报告",经营者名称,5个工作日,0,全城通办`,
        '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(root, 'bundle-map.yaml'),
      [
        'kind: bundle',
        'fields:',
        '  id: 一件事编号',
        '  name: 一件事名称',
        '  keyMatter: { column: 国家重点事项, transform: codeList, list: key-matters }',
        '  lead.name: 牵头部门',
        '  lead.uscc: 牵头部门代码',
        '  member.code: 事项编码',
        '  member.stage: 环节',
        '  member.order: { column: 顺序, transform: integer }',
        '  member.condition: 适用情形',
        '  member.materials: { column: 所需材料, transform: list }',
        '  member.formFields: { column: 填报信息, transform: list }',
        '  promisedLimit: { column: 承诺时限, transform: timeLimit }',
        '  visits: { column: 跑动次数, transform: integer }',
        '  scope: 通办范围',
        '',
      ].join('\n'),
    );
    const result = await importAt(root, { file: 'sheet.csv', map: 'bundle-map.yaml', out: 'catalogs/shenzhen' });
    expect(result.rows).toEqual([]);
    expect(result.written).toEqual(['catalogs/shenzhen/bundles/eat.yaml']);
    expect(located(result.validation?.diagnostics ?? [])).toEqual([]);
    const bundle = parseYaml(readFileSync(path.join(root, 'catalogs/shenzhen/bundles/eat.yaml'), 'utf8')) as {
      keyMatter: string;
      assisting: { name: string }[];
      materials: { name: string; neededBy: string[]; obtainedBy?: string }[];
      form: { fields: { name: string; usedBy: string[] }[] };
    };
    // The key matter found by its name; the assisting agency is the other member's; each material once.
    expect(bundle.keyMatter).toBe('2024-1-05');
    expect(bundle.assisting.map((a) => a.name)).toEqual(['深圳市卫生健康委员会']);
    expect(bundle.materials.find((m) => m.name === '营业执照')).toEqual({
      name: '营业执照',
      neededBy: [HYGIENE],
      obtainedBy: '电子证照',
    });
    expect(bundle.form.fields[0]).toEqual({ name: '经营者名称', usedBy: [FOOD, HYGIENE] });
  });

  it('rows of one bundle that disagree are reported by row and column; the first row stands', async () => {
    const root = samples();
    const exported = await tongban(['export', 'catalogs/shenzhen', '--bundles', '-f', 'csv', '-o', 'b.csv'], {
      cwd: root,
    });
    expect(exported.code).toBe(0);
    const file = path.join(root, 'b.csv');
    const lines = readFileSync(file, 'utf8').split('\r\n');
    // The last member row of restaurant (row 6) says the scope differently.
    lines[5] = (lines[5] as string).replace(',全城通办,', ',本地,');
    writeFileSync(file, lines.join('\r\n'));
    const result = await importAt(root, { file: 'b.csv', map: 'tongban-bundle', out: 'catalogs/shenzhen' });
    expect(result.rows.map((r) => [r.row, r.column, r.code])).toEqual([[6, 'scope', 'import/bundle-mismatch']]);
  });

  it('bundles import only into an implementation list that exists', async () => {
    const root = samples();
    await tongban(['export', 'catalogs/shenzhen', '--bundles', '-f', 'csv', '-o', 'b.csv'], { cwd: root });
    const run = await tongban(['import', 'b.csv', '--map', 'tongban-bundle', '--out', 'catalogs/national'], {
      cwd: root,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('catalogs/national');
  });

  it('export --bundles -f jsonld: a CPSV-AP event per bundle grouping its member services', async () => {
    const run = await tongban(['export', 'catalogs', '--bundles', '-f', 'jsonld'], { cwd: ROOT });
    const graph = (JSON.parse(run.stdout) as { '@graph': Record<string, unknown>[] })['@graph'];
    const events = graph.filter((n) => String(n['@type']).startsWith('cv:'));
    expect(events.map((e) => e['dct:title'])).toEqual([
      '工程建设项目开工一件事',
      '开办餐饮店一件事',
      '开办餐饮店一件事',
    ]);
    const grouped = graph.filter(
      (n) => (n['cv:isGroupedBy'] as { '@id': string } | undefined)?.['@id'] === events[1]?.['@id'],
    );
    expect(grouped.map((n) => n.name)).toEqual(['食品经营许可', '公共场所卫生许可']);
  });
});

describe('the national key-matter lists', () => {
  const matters = keyMatters();

  it('hold 13 + 8 matters for 2024 and 12 + 9 for 2025, each id once', () => {
    const count = (year: number, batch: number) => matters.filter((m) => m.year === year && m.batch === batch).length;
    expect([count(2024, 1), count(2024, 2), count(2025, 1), count(2025, 2)]).toEqual([13, 8, 12, 9]);
    expect(new Set(matters.map((m) => m.id)).size).toBe(42);
  });

  it('mark what is not confirmed instead of inventing it', () => {
    // A placeholder has no name; its title says it is unconfirmed.
    for (const m of matters.filter((m) => m.name === null)) {
      expect(m.confirmed).toBe(false);
      expect(m.title).toContain('未核实');
    }
    const data = JSON.parse(readFileSync(path.join(ROOT, 'schemas/codelists/key-matters.json'), 'utf8')) as {
      'x-sources': string[];
      oneOf: {
        const: string;
        'x-matter': { confirmed: boolean; sources: string[]; lead: string | null; leadConfirmed: boolean };
      }[];
    };
    expect(data['x-sources'].length).toBeGreaterThan(3);
    // A confirmed name names its source; an unconfirmed lead is never marked confirmed.
    for (const entry of data.oneOf) {
      if (entry['x-matter'].confirmed) expect(entry['x-matter'].sources.length).toBeGreaterThan(0);
      if (entry['x-matter'].lead === null) expect(entry['x-matter'].leadConfirmed).toBe(false);
    }
    expect(matters.find((m) => m.id === '2024-1-01')?.name).toBe('新生儿出生一件事');
  });
});
