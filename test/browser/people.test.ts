/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The people's side in a real browser (Debian's Chromium, driven by playwright-core): the guide site and
 * the HTML reports on phones (360 and 390 px wide), in normal and large type, checked by axe-core
 * (WCAG 2.1 AA and best practice), printed on A4, searched the way citizens search. Screenshots go to
 * test-output/people/. CI installs Chromium (.ci/run); elsewhere the tests are skipped, saying why.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { html as compareHtml } from '../../src/reporters/compare/html.js';
import { html as statsHtml } from '../../src/reporters/stats/html.js';
import { compareAt, guidesAt, statsAt } from '../helpers/api.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI)
  throw new Error(`${CHROMIUM} is missing: .ci/run installs it (apt-get install chromium)`);
if (!available) console.warn(`browser tests skipped: ${CHROMIUM} not installed (apt-get install -y chromium)`);

const SHOTS = path.join(ROOT, 'test-output', 'people');
const WIDTHS = [360, 390] as const;
const MODES = ['normal', 'large'] as const;
type Mode = (typeof MODES)[number];

/** The item cancelled in the test's copy of the samples (武侯区 最低生活保障金给付). */
const RETIRED_FILE = 'wuhou/items/000500001000.yaml';
const RETIRED_CODE = '1151010704056242XG4000500001000';
const RETIRED_NAME = '最低生活保障金给付';
/** 深圳市 食品经营许可: blank forms, samples, an online URL, phones, a 31-character code. */
const SHENZHEN_LICENCE = '1144030009719080703000100001000';
/** 武侯区 食品经营许可, given a long list of materials for the print test. */
const WUHOU_LICENCE = '11510107055842061G4000100001000';
const BASE_URL = 'https://zwfw.example.gov.cn/files/';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

interface Layout {
  scrollWidth: number;
  innerWidth: number;
  narrowCells: string[];
  cells: number;
}

describe.skipIf(!available)('the people’s side in Chromium: phones, large type, screen readers, print', () => {
  let browser: Browser;
  let root: string;
  let site: string;
  let pages: Record<'index' | 'guide' | 'compare' | 'stats', string>;
  const report: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    root = mkdtempSync(path.join(tmpdir(), 'tongban-people-'));
    cpSync(path.join(ROOT, 'catalogs'), path.join(root, 'catalogs'), { recursive: true });
    // One item cancelled: it must vanish from the site and from the measures.
    const retired = path.join(root, 'catalogs', RETIRED_FILE);
    writeFileSync(retired, readFileSync(retired, 'utf8').replace(/^status: 在用$/m, 'status: 取消'));
    // One item with a long list of materials, for print.
    const long = path.join(root, 'catalogs/wuhou/items/000100001000.yaml');
    const item = YAML.parse(readFileSync(long, 'utf8')) as { materials: Record<string, unknown>[] };
    for (let i = 1; i <= 16; i++)
      item.materials.push({
        name: `补充材料第${i}项：经营场所平面图、设备清单及相关说明`,
        necessity: '必要',
        forms: ['原件'],
        copies: 1,
        source: '申请人自备',
        instructions: '按申请书附表的格式填写，加盖公章；复印件须注明“与原件一致”并签名。',
      });
    writeFileSync(long, YAML.stringify(item));

    const built = await guidesAt(root, { paths: ['catalogs'], out: 'site', baseUrl: BASE_URL });
    expect(built.diagnostics).toEqual([]);
    site = path.join(root, 'site');
    const compared = await compareAt(root, [
      'catalogs/national',
      'catalogs/guangdong',
      'catalogs/shenzhen',
      'catalogs/wuhou',
    ]);
    writeFileSync(
      path.join(root, 'compare.html'),
      compareHtml(compared, { lang: 'zh-CN', color: false, version: 't' }),
    );
    writeFileSync(
      path.join(root, 'compare-en.html'),
      compareHtml(compared, { lang: 'en', color: false, version: 't' }),
    );
    const measured = await statsAt(root, ['catalogs']);
    writeFileSync(path.join(root, 'stats.html'), statsHtml(measured, { lang: 'zh-CN', color: false, version: 't' }));
    pages = {
      index: path.join(site, 'index.html'),
      guide: path.join(site, 'shenzhen', `${SHENZHEN_LICENCE}.html`),
      compare: path.join(root, 'compare.html'),
      stats: path.join(root, 'stats.html'),
    };
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (report.length) console.log(report.join('\n'));
  });

  /** A page at a phone's width; large type as its reader would have it (the site's switch, or a larger default font). */
  async function open(file: string, width: number, mode: Mode): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    // Each page has a fresh browser context: large type is off unless the reader turned it on.
    if (mode === 'large') await page.addInitScript(() => localStorage.setItem('tongban-large', '1'));
    await page.goto('file://' + file);
    // The reports follow the browser's font size: a reader who needs large type sets it 150%.
    if (mode === 'large' && !file.startsWith(site))
      await page.addStyleTag({ content: ':root{font-size:150% !important}' });
    return page;
  }

  /** How wide the page is against the window, and every rendered table cell narrower than 44 px. */
  function layout(page: Page): Promise<Layout> {
    return page.evaluate(() => {
      const cells = [...document.querySelectorAll('td, th')].filter((c) => c.getClientRects().length > 0);
      const narrow = cells
        .filter((c) => c.getBoundingClientRect().width < 44)
        .map(
          (c) =>
            `${c.tagName} "${(c.textContent ?? '').slice(0, 20)}" ${Math.round(c.getBoundingClientRect().width)}px`,
        );
      return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        narrowCells: narrow,
        cells: cells.length,
      };
    });
  }

  async function axeViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ content: axe.source });
    const result = await page.evaluate(
      (tags) =>
        (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
      AXE_TAGS,
    );
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`),
    );
  }

  for (const name of ['index', 'guide', 'compare', 'stats'] as const)
    for (const width of WIDTHS)
      for (const mode of MODES)
        it(`${name} at ${width} px, ${mode} type: no sideways scroll, no cell under 44 px, nothing for axe`, async () => {
          const page = await open(pages[name], width, mode);
          if (name === 'guide' || name === 'index')
            expect(await page.evaluate(() => document.documentElement.classList.contains('large'))).toBe(
              mode === 'large',
            );
          const measured = await layout(page);
          const violations = await axeViolations(page);
          await page.screenshot({ path: path.join(SHOTS, `${name}-${width}-${mode}.png`), fullPage: true });
          report.push(
            `${name} ${width}px ${mode}: page ${measured.scrollWidth}px wide in a ${measured.innerWidth}px window, ${measured.cells} cells, axe ${violations.length} violations`,
          );
          expect(measured.scrollWidth).toBeLessThanOrEqual(measured.innerWidth);
          expect(measured.narrowCells).toEqual([]);
          expect(violations).toEqual([]);
          await page.close();
        }, 60_000);

  it('the check sees a page that scrolls sideways, a squeezed cell and an axe violation', async () => {
    const file = path.join(root, 'bad.html');
    writeFileSync(
      file,
      '<!doctype html><html><head><title>x</title></head><body><img src="x.png"><div style="width:600px">宽</div><table><tr><td style="width:20px;max-width:20px">1</td><td>2</td></tr></table></body></html>',
    );
    const page = await open(file, 360, 'normal');
    const measured = await layout(page);
    expect(measured.scrollWidth).toBeGreaterThan(measured.innerWidth);
    expect(measured.narrowCells.length).toBeGreaterThan(0);
    const violations = await axeViolations(page);
    expect(violations.some((v) => v.startsWith('image-alt'))).toBe(true);
    expect(violations.some((v) => v.startsWith('html-has-lang'))).toBe(true);
    await page.close();
  });

  it('a cancelled item is in no guide page and not in the index; it counts in no measure', async () => {
    const files = readdirSync(site, { recursive: true }).map(String);
    expect(files.some((f) => f.includes(RETIRED_CODE))).toBe(false);
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const text = readFileSync(path.join(site, file), 'utf8');
      expect(text.includes(RETIRED_NAME), file).toBe(false);
      expect(text.includes(RETIRED_CODE), file).toBe(false);
    }
    // The same build without the cancellation has the page and the index entry: the check can fail.
    const other = mkdtempSync(path.join(tmpdir(), 'tongban-people-live-'));
    cpSync(path.join(root, 'catalogs'), path.join(other, 'catalogs'), { recursive: true });
    const live = path.join(other, 'catalogs', RETIRED_FILE);
    writeFileSync(live, readFileSync(live, 'utf8').replace(/^status: 取消$/m, 'status: 在用'));
    await guidesAt(other, { paths: ['catalogs/wuhou'], out: 'site' });
    expect(existsSync(path.join(other, 'site/wuhou', `${RETIRED_CODE}.html`))).toBe(true);
    expect(readFileSync(path.join(other, 'site/index.html'), 'utf8')).toContain(RETIRED_NAME);
    // Stats: one item fewer in 武侯区 and in 县级, listed as cancelled.
    const inUse = await statsAt(other, ['catalogs']);
    const withRetired = await statsAt(root, ['catalogs']);
    const wuhou = (r: typeof inUse) => r.catalogs.find((c) => c.label.endsWith('wuhou'));
    expect(wuhou(withRetired)?.measures.items).toBe((wuhou(inUse)?.measures.items ?? 0) - 1);
    expect([wuhou(inUse)?.retired, wuhou(withRetired)?.retired]).toEqual([0, 1]);
    const county = (r: typeof inUse) => r.byLevel.find((l) => l.level === '县级')?.measures.items ?? 0;
    expect(county(withRetired)).toBe(county(inUse) - 1);
    // The stats page lists it as cancelled, not counted.
    const page = await open(pages.stats, 390, 'normal');
    const row = page.locator('#overview tbody tr', { hasText: 'catalogs/wuhou' });
    expect(await row.locator('td').last().innerText()).toBe('1');
    await page.close();
  });

  it('search finds an item by a material name, by pinyin initials and by an everyday word', async () => {
    // A material none of whose items has it in the name: found only through the materials.
    const material = '劳动关系证明材料';
    const page = await open(pages.index, 390, 'normal');
    const items = page.locator('li[data-search]');
    const total = await items.count();
    await page.locator('#q').fill(material);
    const found = page.locator('li[data-search]:visible');
    expect(await found.count()).toBe(expectedWithMaterial(root, material));
    expect(await found.count()).toBeGreaterThan(0);
    for (const name of await found.locator('a').allInnerTexts()) expect(name).not.toContain(material);
    expect(await page.locator('#hits').innerText()).toBe(`找到 ${await found.count()} 个事项`);
    // Department headings of groups with no hit are hidden.
    const headings = await page.locator('section.group h3:visible').count();
    expect(headings).toBeGreaterThan(0);
    expect(headings).toBeLessThan(await page.locator('section.group h3').count());
    await page.locator('#q').fill('spjyxk');
    const byInitials = await found.locator('a').allInnerTexts();
    expect(byInitials).toContain('食品经营许可');
    for (const name of byInitials) expect(name).toContain('食品经营许可');
    await page.locator('#q').fill('社保卡');
    expect(await found.locator('a').allInnerTexts()).toContain('社会保障卡申领');
    await page.locator('#q').fill('');
    expect(await found.count()).toBe(total);
    await page.close();
  });

  it('a search with no hit hides every heading, says 没有找到 and suggests the nearest items', async () => {
    const page = await open(pages.index, 360, 'normal');
    await page.locator('#q').fill('餐馆卫生许可证');
    expect(await page.locator('li[data-search]:visible').count()).toBe(0);
    expect(await page.locator('main h2:visible, main h3:visible').count()).toBe(0);
    expect(await page.locator('#hits').innerText()).toBe('没有找到与“餐馆卫生许可证”相关的事项');
    const suggested = await page.locator('#suggest a:visible').allInnerTexts();
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested.length).toBeLessThanOrEqual(5);
    // 开办餐饮店一件事 (shares 餐) and 公共场所卫生许可 (shares 卫生许可) are both near.
    expect(suggested).toContain('公共场所卫生许可');
    // A suggestion leads to its page.
    await page.locator('#suggest a', { hasText: '公共场所卫生许可' }).first().click();
    await page.waitForLoadState();
    expect(await page.locator('h1').innerText()).toBe('公共场所卫生许可');
    await page.screenshot({ path: path.join(SHOTS, 'index-no-hit.png') });
    await page.close();
  });

  it('large type: the search box follows it (≥ 16 px), the switch says it is on after moving to another page, focus is visible', async () => {
    const page = await open(pages.index, 390, 'normal');
    const fontSize = () => page.locator('#q').evaluate((q) => parseFloat(getComputedStyle(q).fontSize));
    const normal = await fontSize();
    expect(normal).toBeGreaterThanOrEqual(16);
    expect(await smallText(page)).toEqual([]);
    await page.locator('#large').click();
    expect(await page.locator('#large').getAttribute('aria-pressed')).toBe('true');
    expect(await fontSize()).toBeGreaterThan(normal);
    // No text on the page below 16 px, in either size.
    expect(await smallText(page)).toEqual([]);
    await page.locator('li[data-search] a').first().click();
    await page.waitForLoadState();
    expect(await page.evaluate(() => document.documentElement.classList.contains('large'))).toBe(true);
    expect(await page.locator('#large').getAttribute('aria-pressed')).toBe('true');
    expect(await smallText(page)).toEqual([]);
    // Keyboard focus: a ring of 3 px, not the 1 px default.
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { width: parseFloat(style.outlineWidth), style: style.outlineStyle };
    });
    expect(ring.width).toBeGreaterThanOrEqual(3);
    expect(ring.style).toBe('solid');
    await page.locator('#large').click();
    expect(await page.locator('#large').getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });

  it('a guide page: phone numbers call, blank forms and samples link against --base-url, the code wraps', async () => {
    const page = await open(pages.guide, 360, 'normal');
    const tel = await page.locator('a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(tel).toEqual(['tel:0755-83001117', 'tel:12345']);
    expect(await page.locator(`table.materials a[href="${BASE_URL}spxk-sqs.docx"]`).innerText()).toBe('spxk-sqs.docx');
    expect(await page.locator(`table.materials a[href="${BASE_URL}spxk-sqs-sample.pdf"]`).count()).toBe(1);
    // Each material is a card on a phone: its labels are shown beside the values.
    const card = page.locator('table.materials tbody tr').first();
    expect(await card.evaluate((tr) => getComputedStyle(tr).display)).toBe('grid');
    expect(
      await card.locator('td[data-label="形式与份数"]').evaluate((td) => getComputedStyle(td, '::before').content),
    ).toBe('"形式与份数："');
    await page.close();
  });

  it('print: one item on A4 with its code, a short URL and a QR code, normal-size headings, no half-blank page', async () => {
    const file = path.join(site, 'wuhou', `${WUHOU_LICENCE}.html`);
    for (const mode of MODES) {
      const page = await open(file, 390, mode);
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: PRINT_WIDTH, height: PRINT_HEIGHT });
      const printed = await page.evaluate(() => ({
        h1: parseFloat(getComputedStyle(document.querySelector('h1') as Element).fontSize),
        root: parseFloat(getComputedStyle(document.documentElement).fontSize),
        notice: (document.querySelector('.print-notice') as HTMLElement).innerText,
        qr: document.querySelector('.print-notice svg path')?.getAttribute('d')?.length ?? 0,
        tools: getComputedStyle(document.querySelector('header.tools') as Element).display,
      }));
      expect(printed.h1).toBeCloseTo(21.33, 1); // 16 pt, large type or not
      expect(printed.root).toBeCloseTo(14, 1); // 10.5 pt
      expect(printed.notice).toContain(WUHOU_LICENCE);
      expect(printed.notice).toContain('网上办理：m.cdwh.gov.cn/bs');
      expect(printed.qr).toBeGreaterThan(100);
      expect(printed.tools).toBe('none');
      const { pdf, fills } = await printedPages(page);
      writeFileSync(path.join(SHOTS, `guide-print-${mode}.pdf`), pdf.bytes);
      report.push(`print ${mode}: ${pdf.pages} A4 pages, filled ${fills.map((f) => `${f}%`).join(' ')}`);
      expect(fills.length).toBe(pdf.pages);
      expect(pdf.pages).toBeGreaterThan(1);
      // Every page but the last is at least three quarters full: no block kept together leaves one half blank.
      for (const fill of fills.slice(0, -1)) expect(fill).toBeGreaterThanOrEqual(75);
      await page.close();
    }
  }, 60_000);

  it('the print check sees a half-blank page: the materials table kept whole leaves the first page half empty', async () => {
    const file = path.join(site, 'wuhou', `${WUHOU_LICENCE}.html`);
    const page = await open(file, 390, 'normal');
    await page.addStyleTag({ content: '@media print{table.materials{break-inside:avoid}}' });
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: PRINT_WIDTH, height: PRINT_HEIGHT });
    const { pdf, fills } = await printedPages(page);
    expect(fills.length).toBe(pdf.pages);
    expect(fills[0]).toBeLessThan(75);
    await page.close();
  }, 60_000);

  it('the compare matrix: sorted from the keyboard with aria-sort, the name column stays in view, differences in the cell text', async () => {
    const page = await open(pages.compare, 390, 'normal');
    const score = page.locator('#matrix thead th').nth(2);
    await score.locator('button').focus();
    await page.keyboard.press('Enter');
    expect(await score.getAttribute('aria-sort')).toBe('ascending');
    const scores = async () =>
      (await page.locator('#matrix tbody td.score').allInnerTexts()).map((t) => Number.parseInt(t, 10));
    const ascending = await scores();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await page.keyboard.press('Enter');
    expect(await score.getAttribute('aria-sort')).toBe('descending');
    expect(await scores()).toEqual([...ascending].sort((a, b) => b - a));
    expect(await page.locator('#matrix thead th[aria-sort]').count()).toBe(1);
    // What differs is in the cell: the element and the value.
    const deviation = page.locator('#matrix td.deviate').first();
    expect(await deviation.innerText()).toMatch(/^\S+：.+/);
    expect(await deviation.getAttribute('title')).toBeNull();
    // The table scrolls inside its box; the name column stays at the box's left edge.
    const box = page.locator('.scroll');
    const before = await page.locator('#matrix tbody th.name').first().boundingBox();
    await box.evaluate((el) => el.scrollBy(300, 0));
    const after = await page.locator('#matrix tbody th.name').first().boundingBox();
    expect(await box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    expect(after?.x).toBe(before?.x);
    await page.screenshot({ path: path.join(SHOTS, 'compare-scrolled-390.png') });
    // An English report names the language of the Chinese catalogue text.
    const en = await open(path.join(root, 'compare-en.html'), 390, 'normal');
    expect(await en.locator('html').getAttribute('lang')).toBe('en');
    const names = en.locator('#matrix tbody th.name');
    expect(await names.locator('span[lang="zh-CN"]').count()).toBe(await names.count());
    await en.close();
    // Print: names are not one character a line, rows are not split.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: mmToPx(273), height: mmToPx(186) }); // A4 landscape less 12 mm margins
    const print = await page.evaluate(() =>
      [...document.querySelectorAll('#matrix tbody th.name')].map((th) => {
        const style = getComputedStyle(th);
        return { width: th.getBoundingClientRect().width / parseFloat(style.fontSize), avoid: style.breakInside };
      }),
    );
    for (const cell of print) expect(cell.width).toBeGreaterThanOrEqual(6);
    expect(
      await page
        .locator('#matrix tbody tr')
        .first()
        .evaluate((tr) => getComputedStyle(tr).breakInside),
    ).toBe('avoid');
    await page.close();
  });

  it('stats: bars per catalog and per level, a legend and a data table under every chart, numbers for screen readers, titles kept with charts in print', async () => {
    const page = await open(pages.stats, 390, 'normal');
    const sections = page.locator('section.measure');
    expect(await sections.count()).toBe(10);
    for (const section of await sections.all()) {
      const levels = await section.locator('.bars .bar-label').allInnerTexts();
      expect(levels).toEqual(expect.arrayContaining(['省级', '市级', '县级']));
      expect(await section.locator('figure .legend').count()).toBe(1);
      expect(await section.locator('figure + .scroll table.data tbody tr').count()).toBe(levels.length);
      const label = (await section.locator('[role="img"]').getAttribute('aria-label')) ?? '';
      const values = await section.locator('table.data tbody td.number:nth-of-type(2)').allInnerTexts();
      for (const value of values) expect(label).toContain(value);
    }
    // A missed target is said in words, not only in red.
    expect(await page.locator('.bar-value .missed-word').first().innerText()).toBe('未达到目标');
    // Charts resize: the bars fit the phone.
    const track = await page.locator('.track').first().boundingBox();
    expect((track?.x ?? 0) + (track?.width ?? 999)).toBeLessThanOrEqual(390);
    await page.emulateMedia({ media: 'print' });
    const print = await page.evaluate(() => ({
      heading: getComputedStyle(document.querySelector('section.measure h2') as Element).breakAfter,
      figure: getComputedStyle(document.querySelector('figure.chart') as Element).breakInside,
    }));
    expect(print).toEqual({ heading: 'avoid', figure: 'avoid' });
    await page.close();
  });
});

/** CSS pixels in millimetres (96 px per inch). */
function mmToPx(mm: number): number {
  return Math.floor((mm / 25.4) * 96);
}

/** The printable area of A4 with the guide's 15 mm margins: 180 × 267 mm. */
const PRINT_WIDTH = mmToPx(180);
const PRINT_HEIGHT = mmToPx(267);

/**
 * How a page prints on A4: the PDF Chromium makes (its page count), and how full each page is, in per
 * cent. The fill is measured by laying the page out in columns of the printed area's size, which Chromium
 * fragments as it does pages (break-inside and break-after included): each column is a page, and the
 * lowest text, cell or image in it says how far down it is filled. The page is changed: call this last.
 */
async function printedPages(page: Page): Promise<{ pdf: { bytes: Buffer; pages: number }; fills: number[] }> {
  const bytes = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const pages = bytes.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
  const fills = await page.evaluate(
    ({ width, height }) => {
      const wrap = document.createElement('div');
      while (document.body.firstChild) wrap.appendChild(document.body.firstChild);
      document.body.appendChild(wrap);
      wrap.style.cssText = `column-width:${width}px;column-gap:0;column-fill:auto;height:${height}px;width:${width}px`;
      const origin = wrap.getBoundingClientRect();
      const rects: DOMRect[] = [];
      const walker = document.createTreeWalker(wrap, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!(node.textContent ?? '').trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        rects.push(...range.getClientRects());
      }
      for (const el of wrap.querySelectorAll('svg, td, th')) rects.push(...el.getClientRects());
      const fill: number[] = [];
      for (const r of rects) {
        if (!r.width || !r.height) continue;
        const column = Math.floor((r.left - origin.left + 1) / width);
        fill[column] = Math.max(fill[column] ?? 0, r.bottom - origin.top);
      }
      return [...fill].map((f) => Math.round(((f ?? 0) / height) * 100));
    },
    { width: PRINT_WIDTH, height: PRINT_HEIGHT },
  );
  return { pdf: { bytes, pages }, fills };
}

/** Items of the implementation lists (not cancelled) that ask for a material of this name. */
function expectedWithMaterial(root: string, material: string): number {
  let count = 0;
  for (const catalog of ['guangdong', 'shenzhen', 'wuhou']) {
    const dir = path.join(root, 'catalogs', catalog, 'items');
    for (const file of readdirSync(dir)) {
      const item = YAML.parse(readFileSync(path.join(dir, file), 'utf8')) as {
        status?: string;
        materials?: { name: string }[];
      };
      if (item.status !== '取消' && item.materials?.some((m) => m.name.includes(material))) count++;
    }
  }
  return count;
}

/** Text on the page set smaller than 16 px (what is shown, not what is hidden). */
function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => el.getClientRects().length > 0)
      .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== ''))
      .filter((el) => parseFloat(getComputedStyle(el).fontSize) < 16)
      .map((el) => `${el.tagName}.${el.className} ${getComputedStyle(el).fontSize}`),
  );
}
