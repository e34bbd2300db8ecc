/**
 * The mapping language on cells as real exports write them: lists split every way offices write them,
 * placeholders read as absence, labels stripped, fields derived by capture, constants and defaults,
 * alternatives, a row filter, lists of objects (`each`), materials with their form and copies, HTML
 * cleaned, nested JSON records with their parents' fields carried down.
 */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/core/exchange/html-text.js';
import { compileMapping, mapRow, mappingProblems, rowPasses, type Mapping } from '../../src/core/exchange/mapping.js';
import { materialsFromCell, materialsFromObjects } from '../../src/core/exchange/materials.js';
import { walkRecords } from '../../src/core/exchange/records.js';
import { splitEntries } from '../../src/core/exchange/split.js';
import { readCodeLists } from '../../src/io/read-mapping.js';

const lists = readCodeLists();
const map = (fields: Mapping['fields'], row: Record<string, string>, extra: Partial<Mapping> = {}) =>
  mapRow(row, { kind: 'implementation', fields, ...extra }, lists);

describe('lists in one cell', () => {
  it.each([
    ['1.甲；2.乙；3.丙', ['甲', '乙', '丙']],
    ['1.甲 2.乙 3.丙', ['甲', '乙', '丙']],
    ['（一）甲；（二）乙。', ['甲', '乙']],
    ['(1)甲\n(2)乙', ['甲', '乙']],
    ['一、甲\n二、乙', ['甲', '乙']],
    ['①甲②乙', ['甲', '乙']],
    ['甲\r\n乙\n', ['甲', '乙']],
    ['甲;乙；丙', ['甲', '乙', '丙']],
    ['具有甲、乙的场所', ['具有甲、乙的场所']],
    ['依据第3条、2.5米以上', ['依据第3条、2.5米以上']],
    ['见附件(1)', ['见附件(1)']],
  ])('%j → %j', (cell, entries) => {
    expect(splitEntries(cell)).toEqual(entries);
  });

  it('splits names on 、 and commas, where 2、3 are two codes and no numbered entry', () => {
    expect(splitEntries('企业法人、事业法人，自然人', 'names')).toEqual(['企业法人', '事业法人', '自然人']);
    expect(splitEntries('2、3', 'names')).toEqual(['2', '3']);
  });
});

describe('cells that mean "not given"', () => {
  it('reads placeholders as absent, never as the text', () => {
    for (const cell of ['无', '/', '暂无', '—', '——', '-', '空', '不涉及', 'null', ' 无 ', '／'])
      expect(
        map({ place: '地点', conditions: { column: '条件', transform: 'list' } }, { 地点: cell, 条件: cell }).item,
      ).toEqual({});
    // A list of placeholders only says nothing either.
    expect(map({ conditions: { column: 'c', transform: 'list' } }, { c: '无；/' }).item).toEqual({});
  });

  it('keeps every text when the mapping says placeholders: []', () => {
    expect(map({ place: '地点' }, { 地点: '无' }, { placeholders: [] }).item).toEqual({ place: '无' });
  });
});

describe('field rules', () => {
  it('strips a label, derives by capture, sets constants and defaults', () => {
    const fields: Mapping['fields'] = {
      place: { column: '办理地点', strip: true },
      hours: { column: '办理时间', strip: '时间[:：]' },
      'agency.uscc': { column: '实施编码', capture: '^([0-9A-Z]{18})[1-6][0-9A-Z]{12}(?:[0-9][0-9])?$' },
      status: { value: '在用' },
      visits: { column: '次数', transform: 'integer', default: 0 },
    };
    const row = {
      办理地点: '办理地点：某市政务服务中心',
      办理时间: '时间: 周一至周五',
      实施编码: '11440300007190807030001000010001'.slice(0, 31),
      次数: '/',
    };
    expect(map(fields, row).item).toEqual({
      place: '某市政务服务中心',
      hours: '周一至周五',
      agency: { uscc: '114403000071908070' },
      status: '在用',
      visits: 0,
    });
    // A code of another shape derives nothing.
    expect(map(fields, { ...row, 实施编码: 'X-1' }).item.agency).toBeUndefined();
  });

  it('tries alternatives in order: the first with a value wins, a bad cell is reported only if none has one', () => {
    const fields: Mapping['fields'] = {
      statutoryLimit: [
        { column: 'a', transform: 'timeLimit' },
        { column: 'b', transform: 'timeLimit' },
      ],
    };
    expect(map(fields, { a: '办公时间', b: '20个工作日' })).toEqual({
      item: { statutoryLimit: { value: 20, unit: '工作日' } },
      problems: [],
    });
    expect(map(fields, { a: '办公时间', b: '' }).problems).toEqual([
      { column: 'a', code: 'import/not-time-limit', args: { value: '办公时间' } },
    ]);
  });

  it('a bad cell costs its element, not the row', () => {
    const { item, problems } = map(
      { name: '名称', statutoryLimit: { column: '时限', transform: 'timeLimit' }, place: '地点' },
      { 名称: '甲', 时限: '周一至周五 9:00-17:00', 地点: '乙' },
    );
    expect(item).toEqual({ name: '甲', place: '乙' });
    expect(problems.map((p) => p.code)).toEqual(['import/not-time-limit']);
  });

  it('makes each list entry an object with `each` (收费标准 → fee items)', () => {
    expect(
      map({ 'fee.items': { column: '标准', transform: 'list', each: 'standard' } }, { 标准: '1.每件10元；2.免费' })
        .item,
    ).toEqual({
      fee: { items: [{ standard: '每件10元' }, { standard: '免费' }] },
    });
  });

  it('reads several phone numbers in one cell, and names what is not one', () => {
    const fields: Mapping['fields'] = { 'contacts.consultation.phone': { column: '电话', transform: 'phones' } };
    expect(map(fields, { 电话: '咨询电话：（020）83130000；12345' }).item).toEqual({
      contacts: { consultation: { phone: '020-83130000；12345' } },
    });
    expect(map(fields, { 电话: '83130000' }).problems).toEqual([
      { column: '电话', code: 'import/not-phone', args: { value: '83130000' } },
    ]);
  });

  it('keeps only the rows the filter accepts', () => {
    const compiled = compileMapping({
      kind: 'implementation',
      fields: {},
      filter: [
        { column: '状态', in: ['在用'] },
        { column: '编码', matches: '^11' },
      ],
    });
    expect(rowPasses({ 状态: '在用', 编码: '114403' }, compiled)).toBe(true);
    expect(rowPasses({ 状态: '暂停', 编码: '114403' }, compiled)).toBe(false);
    expect(rowPasses({ 状态: '在用', 编码: '924403' }, compiled)).toBe(false);
    expect(rowPasses({ 编码: '114403' }, compiled)).toBe(false);
  });

  it('refuses patterns that do not compile or could backtrack catastrophically', () => {
    const problems = mappingProblems({
      kind: 'implementation',
      fields: { name: { column: 'a', capture: '(' }, place: [{ column: 'b', strip: '(a+)+$' }] },
      filter: { column: 'c', matches: '(x*)*y' },
    });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['mapping/pattern', '/fields/name/capture'],
      ['mapping/pattern-unsafe', '/fields/place/0/strip'],
      ['mapping/pattern-unsafe', '/filter/matches'],
    ]);
  });
});

describe('materials', () => {
  const materialLists = {
    necessity: lists.get('material-necessity'),
    form: lists.get('material-form'),
    source: lists.get('material-source'),
  } as const;

  it('reads names with their form and copies from a cell, one per line, numbered, or joined by ；/、', () => {
    expect(materialsFromCell('1.申请书（原件1份）\n2.营业执照(复印件2份)', materialLists)).toEqual([
      { name: '申请书', forms: ['原件'], copies: 1 },
      { name: '营业执照', forms: ['复印件'], copies: 2 },
    ]);
    expect(materialsFromCell('身份证明(原件、复印件各1份)；委托书', materialLists)).toEqual([
      { name: '身份证明', forms: ['原件', '复印件'], copies: 1 },
      { name: '委托书' },
    ]);
    expect(materialsFromCell('申请书、营业执照、身份证明', materialLists).map((m) => m.name)).toEqual([
      '申请书',
      '营业执照',
      '身份证明',
    ]);
    // A bracket that says something else stays part of the name.
    expect(materialsFromCell('营业执照（加盖公章）', materialLists)).toEqual([{ name: '营业执照（加盖公章）' }]);
  });

  it('maps objects field by field, reading 是/否/容缺 as necessity and reporting what it cannot read', () => {
    const { materials, problems } = materialsFromObjects(
      [
        { clmc: '申请书', sfbx: '是', clxs: '原件、复印件', fs: '2份' },
        { clmc: '承诺书', sfbx: '容缺', clxs: '纸质', fs: '多份' },
        { sfbx: '否' },
        '散文',
      ],
      { name: 'clmc', necessity: 'sfbx', forms: 'clxs', copies: 'fs' },
      materialLists,
      (t) => t === '无',
    );
    expect(materials).toEqual([
      { name: '申请书', necessity: '必要', forms: ['原件', '复印件'], copies: 2 },
      { name: '承诺书', necessity: '容缺后补' },
    ]);
    expect(problems.map((p) => p.element)).toEqual(['forms', 'copies', 'name', 'name']);
  });
});

describe('HTML in text cells', () => {
  it('becomes plain text: block ends are line ends, entities decoded, tags and scripts dropped', () => {
    expect(htmlToText('<p>1.甲；</p><p>2.乙&amp;丙</p>')).toBe('1.甲；\n2.乙&丙');
    expect(htmlToText('某中心&nbsp;2号窗口<br/>')).toBe('某中心 2号窗口');
    expect(htmlToText('<script>alert(1)</script>甲&#x4E59;&#20057;')).toBe('甲乙乙');
    // Control characters stay escaped rather than becoming raw bytes.
    expect(htmlToText('<b>x</b>&#27;')).toBe('x&#27;');
    expect(htmlToText('没有标记 a < b')).toBe('没有标记 a < b');
  });
});

describe('nested JSON records', () => {
  it('walks the path, carries parent fields down, makes sub-records of children, and says where each is', () => {
    const root = {
      region: '510107',
      departments: [
        { deptName: '甲局', items: [{ sxmc: '事项一', subItems: [{ sxmc: '事项一（变更）' }] }, { sxmc: '事项二' }] },
        { deptName: '乙局', items: 'not a list' },
        7,
      ],
    };
    const found = [...walkRecords(root, { path: ['departments', 'items'], children: 'subItems' })];
    expect(found).toEqual([
      { fields: { region: '510107', deptName: '甲局', sxmc: '事项一' }, at: 'departments[0].items[0]' },
      {
        fields: { region: '510107', deptName: '甲局', sxmc: '事项一（变更）' },
        at: 'departments[0].items[0].subItems[0]',
      },
      { fields: { region: '510107', deptName: '甲局', sxmc: '事项二' }, at: 'departments[0].items[1]' },
      { problem: 'no-array', at: 'departments[1]', field: 'items' },
      { problem: 'not-object', at: 'departments[2]' },
    ]);
  });

  it('walks a deep export without recursion', () => {
    let node: Record<string, unknown> = { name: 'leaf' };
    for (let i = 0; i < 5000; i++) node = { items: [node] };
    const found = [...walkRecords(node, { path: Array.from({ length: 8 }, () => 'items') })];
    expect(found).toHaveLength(1);
  });
});
