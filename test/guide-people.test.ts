/**
 * The guide for citizens, without a browser: links for blank forms and phones (safe by construction),
 * the printed notice's short URL and QR code, what the index search matches (materials, everyday words,
 * pinyin initials), cancelled items left out of guides and measures, `--base-url` from the command line.
 * test/browser/people.test.ts checks the same pages in Chromium.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvedHref, shortUrl, telHref } from '../src/core/guide/href.js';
import { qrCode } from '../src/core/guide/qr.js';
import { aliasesOf, pinyinInitials, searchText } from '../src/core/guide/search.js';
import { guideView, withQr } from '../src/core/guide/view.js';
import type { CatalogMeta, ImplementationItem } from '../src/core/model.js';
import { REPORTERS } from '../src/index.js';
import { guidesAt, statsAt } from './helpers/api.js';
import { ROOT, tongban } from './helpers/cli.js';

const META = { kind: 'implementation', name: '测试清单', level: '市级' } as unknown as CatalogMeta;
const SHENZHEN_FILE = 'catalogs/shenzhen/items/000100001000.yaml';
/** 武侯区 最低生活保障金给付: cancelled in these tests. */
const RETIRED_FILE = 'catalogs/wuhou/items/000500001000.yaml';
const RETIRED_CODE = '1151010704056242XG4000500001000';

function samples(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-people-'));
  cpSync(path.join(ROOT, 'catalogs'), path.join(root, 'catalogs'), { recursive: true });
  return root;
}

function retire(root: string, file: string): void {
  const full = path.join(root, file);
  const text = readFileSync(full, 'utf8');
  expect(text).toMatch(/^status: 在用$/m);
  writeFileSync(full, text.replace(/^status: 在用$/m, 'status: 取消'));
}

function item(overrides: Partial<ImplementationItem> = {}): ImplementationItem {
  return {
    code: '1144030009719080703000100001000',
    basicCode: '000100001000',
    name: '食品经营许可',
    type: '行政许可',
    levels: ['市级'],
    basis: [{ law: '《中华人民共和国食品安全法》' }],
    agency: { name: '深圳市市场监督管理局', uscc: '114403000971908070' },
    serviceObjects: ['企业法人'],
    materials: [
      {
        name: '食品经营许可申请书',
        necessity: '必要',
        forms: ['原件'],
        copies: 1,
        source: '申请人自备',
        blankForm: 'spxk-sqs.docx',
        sample: 'https://www.sz.gov.cn/forms/spxk-sample.pdf',
      },
    ],
    handlingType: '承诺件',
    statutoryLimit: { value: 20, unit: '工作日' },
    promisedLimit: { value: 5, unit: '工作日' },
    visits: 0,
    online: { depth: 4, url: 'https://www.sz.gov.cn/bs/', mobileUrl: 'https://m.sz.gov.cn/bs/' },
    fee: { charged: false },
    contacts: { consultation: { phone: '0755-83001117；12345' }, complaint: { phone: '投诉请拨市长热线' } },
    ...overrides,
  } as ImplementationItem;
}

describe('links for citizens', () => {
  it('blank forms and samples: full URLs as they are, relative names only against --base-url, never another scheme', () => {
    expect(resolvedHref('https://a.gov.cn/x.pdf')).toBe('https://a.gov.cn/x.pdf');
    expect(resolvedHref('spxk-sqs.docx')).toBeNull();
    expect(resolvedHref('spxk-sqs.docx', 'https://a.gov.cn/files')).toBe('https://a.gov.cn/files/spxk-sqs.docx');
    expect(resolvedHref('表格/申请书.docx', 'https://a.gov.cn/files/')).toBe(
      'https://a.gov.cn/files/%E8%A1%A8%E6%A0%BC/%E7%94%B3%E8%AF%B7%E4%B9%A6.docx',
    );
    expect(resolvedHref('spxk-sqs.docx', '../forms')).toBe('../forms/spxk-sqs.docx');
    for (const hostile of ['javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x'])
      expect(resolvedHref(hostile, 'https://a.gov.cn/')).toBeNull();
    expect(resolvedHref('x.docx', 'javascript:alert(1)//')).toBeNull();
    expect(resolvedHref(undefined, 'https://a.gov.cn/')).toBeNull();
  });

  it('phones become tel: links of digits only; text that is not a number does not', () => {
    expect(telHref('0755-83001117')).toBe('tel:0755-83001117');
    expect(telHref('(028) 8300 1117')).toBe('tel:02883001117');
    expect(telHref('+86 755 8300 1117')).toBe('tel:+8675583001117');
    expect(telHref('12345')).toBe('tel:12345');
    for (const text of ['javascript:alert(1)', '12', '市长热线', '0755-83001117"><script>', '\u001b[31m028'])
      expect(telHref(text), text).toBeNull();
  });

  it('the view: each number of a phone cell with its link, relative forms linked against the base URL', () => {
    const view = guideView(item(), 'x.yaml', META, null, { baseUrl: 'https://zwfw.example.gov.cn/f/' });
    expect(view.contacts.consultation?.phones).toEqual([
      { text: '0755-83001117', telHref: 'tel:0755-83001117' },
      { text: '12345', telHref: 'tel:12345' },
    ]);
    expect(view.contacts.complaint?.phones).toEqual([{ text: '投诉请拨市长热线', telHref: null }]);
    expect(view.consultation).toBe('0755-83001117；12345');
    expect(view.materials[0]).toMatchObject({
      blankFormHref: 'https://zwfw.example.gov.cn/f/spxk-sqs.docx',
      sampleHref: 'https://www.sz.gov.cn/forms/spxk-sample.pdf',
    });
    expect(guideView(item(), 'x.yaml', META, null).materials[0]?.blankFormHref).toBeNull();
  });
});

describe('the printed notice', () => {
  it('points a phone to the mobile service: a short URL and its QR code (offline, one path of safe characters)', () => {
    const bare = guideView(item(), 'x.yaml', META, null);
    expect([bare.online.qrUrl, bare.online.qr]).toEqual(['https://m.sz.gov.cn/bs/', null]);
    const view = withQr(bare);
    expect(view.online.printUrl).toBe('m.sz.gov.cn/bs');
    expect(view.online.qr?.size).toBe(33); // version 2 (25 modules) + a quiet zone of 4 on each side
    expect(view.online.qr?.path).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
    expect(qrCode('https://m.sz.gov.cn/bs/')).toEqual(view.online.qr);
    expect(qrCode('https://m.sz.gov.cn/bs/x')?.path).not.toBe(view.online.qr?.path);
    expect(shortUrl('https://www.sz.gov.cn/')).toBe('www.sz.gov.cn');
    // No full http(s) URL: no QR code, nothing to print.
    const none = withQr(guideView(item({ online: { depth: 2, url: '/bs/' } }), 'x.yaml', META, null));
    expect([none.online.printUrl, none.online.qr]).toEqual([null, null]);
    expect(qrCode('x'.repeat(5000))).toBeNull();
  });
});

describe('what the index search matches', () => {
  it('names, departments, codes, material names, everyday words and pinyin initials', () => {
    const text = searchText({
      name: '最低生活保障金给付',
      agency: '成都市武侯区民政局',
      type: '行政给付',
      codes: ['1151010704056242XG4000500001000', '000500001000'],
      materials: ['居民身份证', '家庭经济状况核对授权书'],
    });
    for (const word of [
      '最低生活保障金给付',
      '民政局',
      '000500001000',
      '1151010704056242xg4000500001000',
      '家庭经济状况核对授权书',
    ])
      expect(text).toContain(word);
    expect(text).toContain('低保');
    expect(text).toContain('身份证');
    expect(text).toContain('zdshbzjjf'); // 给付 is jǐfù
    expect(pinyinInitials('社会保障卡申领')).toBe('shbzksl');
    expect(aliasesOf('社会保障卡申领')).toContain('社保卡');
    expect(aliasesOf('建筑工程施工许可证核发')).toEqual(['施工证', '开工']);
    expect(aliasesOf('见义勇为人员奖励和表彰')).toEqual([]);
  });

  it('the built index carries material names in each entry', async () => {
    const root = samples();
    await guidesAt(root, { paths: ['catalogs/shenzhen'], out: 'site' });
    const index = readFileSync(path.join(root, 'site/index.html'), 'utf8');
    const entry = /<li data-search="([^"]*)"><a [^>]*>食品经营许可<\/a>/.exec(index)?.[1] ?? '';
    expect(entry).toContain('营业执照复印件');
    expect(entry).toContain('spjyxk');
  });
});

describe('cancelled items (status 取消)', () => {
  it('get no guide page and no index entry; a page built before is deleted', async () => {
    const root = samples();
    const first = await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'site' });
    expect(first.rendered).toContain(`wuhou/${RETIRED_CODE}.html`);
    expect(readFileSync(path.join(root, 'site/index.html'), 'utf8')).toContain('最低生活保障金给付');
    retire(root, RETIRED_FILE);
    const second = await guidesAt(root, { paths: ['catalogs/wuhou'], out: 'site' });
    expect(second.deleted).toEqual([`wuhou/${RETIRED_CODE}.html`]);
    expect(existsSync(path.join(root, 'site/wuhou', `${RETIRED_CODE}.html`))).toBe(false);
    expect(readFileSync(path.join(root, 'site/index.html'), 'utf8')).not.toContain('最低生活保障金给付');
    // Nor is it a page of its own when asked for by code.
    const single = await guidesAt(root, { paths: ['catalogs/wuhou'], item: RETIRED_CODE, format: 'md' });
    expect(single.single).toBeUndefined();
  });

  it('count in no measure: stats lists them per catalog as retired (JSON and the terminal)', async () => {
    const root = samples();
    const before = await statsAt(root, ['catalogs/wuhou']);
    retire(root, RETIRED_FILE);
    const after = await statsAt(root, ['catalogs/wuhou']);
    expect(after.catalogs[0]?.measures.items).toBe((before.catalogs[0]?.measures.items ?? 0) - 1);
    expect([before.catalogs[0]?.retired, after.catalogs[0]?.retired]).toEqual([0, 1]);
    expect(after.byLevel[0]?.measures.items).toBe(after.catalogs[0]?.measures.items);
    const json = JSON.parse((await REPORTERS.stats.json())(after, { lang: 'en', color: false, version: 't' }));
    expect(json.catalogs[0].retired).toBe(1);
    const stylish = (await REPORTERS.stats.stylish())(after, { lang: 'zh-CN', color: false, version: 't' });
    expect(stylish).toMatch(/1 个已取消的事项未计入统计/);
    expect((await REPORTERS.stats.stylish())(before, { lang: 'zh-CN', color: false, version: 't' })).not.toMatch(
      /已取消/,
    );
  });
});

describe('tongban guide --base-url', () => {
  it('links blank forms and samples against the URL; a URL of another scheme is a usage error', async () => {
    const root = samples();
    const built = await tongban(
      ['guide', 'catalogs/shenzhen', '--out', 'site', '--base-url', 'https://f.example.gov.cn/'],
      {
        cwd: root,
      },
    );
    expect(built.code).toBe(0);
    const page = readFileSync(path.join(root, 'site/shenzhen/1144030009719080703000100001000.html'), 'utf8');
    expect(page).toContain('<a href="https://f.example.gov.cn/spxk-sqs.docx">spxk-sqs.docx</a>');
    expect(page).toContain('<a href="tel:0755-83001117">0755-83001117</a>');
    const without = await tongban(['guide', 'catalogs/shenzhen', '--out', 'plain'], { cwd: root });
    expect(without.code).toBe(0);
    expect(readFileSync(path.join(root, 'plain/shenzhen/1144030009719080703000100001000.html'), 'utf8')).not.toContain(
      'href="spxk-sqs.docx"',
    );
    const bad = await tongban(['guide', 'catalogs/shenzhen', '--out', 'x', '--base-url', 'javascript:alert(1)//'], {
      cwd: root,
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--base-url javascript:alert(1)// is not an http, https or relative URL');
    expect(existsSync(path.join(root, 'x'))).toBe(false);
    expect(readFileSync(path.join(ROOT, SHENZHEN_FILE), 'utf8')).toContain('blankForm: spxk-sqs.docx');
  });
});
