/// <reference lib="dom" />
/**
 * The HTML reports in a real browser (Debian's Chromium, driven by playwright-core): the matrix renders,
 * deviations are highlighted, sorting works, catalogue text is escaped, and a screenshot is taken.
 * CI installs Chromium (.ci/run); elsewhere the test is skipped, saying why, when Chromium is absent.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, cpSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html as compareHtml } from '../../src/reporters/compare/html.js';
import { REPORTERS } from '../../src/reporters/index.js';
import { compareAt, guidesAt, validateAt } from '../helpers/api.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI)
  throw new Error(`${CHROMIUM} is missing: .ci/run installs it (apt-get install chromium)`);
if (!available) console.warn(`browser tests skipped: ${CHROMIUM} not installed (apt-get install -y chromium)`);

const SHOTS = path.join(ROOT, 'test-output');

describe.skipIf(!available)('HTML reports in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    // Playwright starts every launch with a fresh temporary profile of its own.
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
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('the compare matrix of the sample catalogs: regions as columns, deviations highlighted, sortable', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tongban-html-'));
    cpSync(path.join(ROOT, 'catalogs'), root, { recursive: true });
    // Catalogue data is text, never markup.
    const item = path.join(root, 'national', 'items', '002000001000.yaml');
    writeFileSync(
      item,
      readFileSync(item, 'utf8').replace(/^name: .*$/m, 'name: <script>window.hacked=1</script>就业登记'),
    );
    const result = await compareAt(root, ['national', 'guangdong', 'shenzhen', 'wuhou']);
    const file = path.join(root, 'compare.html');
    writeFileSync(file, compareHtml(result, { lang: 'zh-CN', color: false, version: 'test' }));
    const page = await browser.newPage();
    await page.goto('file://' + file);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    // Regions by name, each with its folder on a line of its own.
    const headers = await page.locator('#matrix thead th').allInnerTexts();
    expect(headers.slice(3).map((h) => h.split('\n').at(-1))).toEqual(['guangdong', 'shenzhen', 'wuhou']);
    expect(await page.locator('#matrix tbody tr').count()).toBe(16);
    const deviating = page.locator('td.deviate');
    expect(await deviating.count()).toBeGreaterThan(0);
    expect(await deviating.first().evaluate((td) => getComputedStyle(td).backgroundColor)).toBe('rgb(253, 226, 225)');
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
    expect(await page.locator('#matrix').innerText()).toContain('<script>');
    // Sorting by the consistency column puts the least consistent item first.
    await page.locator('#matrix thead th').nth(2).click();
    const firstScore = await page.locator('#matrix tbody tr').first().locator('td.score').innerText();
    expect(Number.parseInt(firstScore, 10)).toBeLessThan(100);
    mkdirSync(SHOTS, { recursive: true });
    const shot = path.join(SHOTS, 'compare-matrix.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
  }, 60_000);

  it('the guide site: the index search finds an item by a Chinese keyword, an item page shows its material table', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tongban-site-'));
    cpSync(path.join(ROOT, 'catalogs'), path.join(root, 'catalogs'), { recursive: true });
    await guidesAt(root, { paths: ['catalogs'], out: 'site' });
    const page = await browser.newPage();
    await page.goto('file://' + path.join(root, 'site', 'index.html'));
    // 27 items and 3 一件事 bundles, each one searchable entry.
    const all = await page.locator('li[data-search]:visible').count();
    expect(all).toBe(30);
    await page.locator('#q').fill('卫生许可');
    // Two items, and the two 开办餐饮店一件事 bundles that include one of them.
    expect(await page.locator('li[data-search]:visible').count()).toBe(4);
    expect(await page.locator('#hits').innerText()).toBe('找到 2 个事项、2 个一件事');
    await page.locator('li[data-search]:not([data-bundle]):visible a').first().click();
    await page.waitForLoadState();
    expect(await page.locator('h1').innerText()).toBe('公共场所卫生许可');
    const rows = page.locator('table.materials tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await page.locator('table.materials caption').innerText()).toMatch(/申请材料（共 \d+ 项）/);
    const jsonLd = JSON.parse(await page.locator('script[type="application/ld+json"]').innerText());
    expect(jsonLd).toMatchObject({ '@type': 'GovernmentService', name: '公共场所卫生许可' });
    // Large type for elderly readers: one click, and the base font grows.
    const before = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    await page.locator('#large').click();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).not.toBe(before);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'guide-page.png'), fullPage: true });
  }, 60_000);

  it('hostile catalogue data: no javascript: link in the guide site, every index link opens its page, JUnit parses as XML', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tongban-hostile-site-'));
    cpSync(path.join(ROOT, 'catalogs'), path.join(root, 'catalogs'), { recursive: true });
    // A catalog folder named like a script URL, and an item whose name is markup and escape sequences.
    const catalog = path.join(root, 'catalogs', 'javascript:window.hacked=1');
    renameSync(path.join(root, 'catalogs', 'wuhou'), catalog);
    const item = path.join(catalog, 'items', '000100001000.yaml');
    writeFileSync(
      item,
      readFileSync(item, 'utf8')
        .replace(/^name: .*$/m, 'name: "<img src=x onerror=window.hacked=1>\\u001b]0;pwned\\u0007食品经营许可"')
        .replace(/^(\s+phone: )028-83001117$/m, '$1"\\u001b[31m028"'),
    );
    await guidesAt(root, { paths: [catalog], out: 'site' });
    const page = await browser.newPage();
    await page.goto('file://' + path.join(root, 'site', 'index.html'));
    const protocols = await page
      .locator('a[href]')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).protocol));
    // Ten item pages and the catalog's one bundle page.
    expect(protocols.length).toBe(11);
    expect(new Set(protocols)).toEqual(new Set(['file:']));
    for (const link of await page.locator('a[href]').all()) {
      const target = await link.evaluate((a) => (a as HTMLAnchorElement).href);
      expect(existsSync(decodeURIComponent(new URL(target).pathname))).toBe(true);
    }
    await page.locator('li[data-search] a', { hasText: '<img' }).click();
    await page.waitForLoadState();
    expect(await page.locator('h1').innerText()).toContain('<img src=x');
    expect(await page.locator('h1').innerText()).toContain('\\x1b]0;pwned\\x07');
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
    const pageProtocols = await page
      .locator('a[href]')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).protocol));
    // Phone numbers call (tel:, made of digits only); nothing else but pages and the web.
    expect(pageProtocols.filter((p) => !['file:', 'http:', 'https:', 'tel:'].includes(p))).toEqual([]);
    expect(pageProtocols).toContain('tel:');
    // The JUnit report of the same catalog is well-formed XML.
    const result = await validateAt(root, [catalog]);
    const xml = (await REPORTERS.validate.junit())(result, { lang: 'en', color: false, version: 'test' });
    const parsed = await page.evaluate(
      (text) => new DOMParser().parseFromString(text, 'application/xml').getElementsByTagName('parsererror').length,
      xml,
    );
    expect(parsed).toBe(0);
  }, 60_000);
});
