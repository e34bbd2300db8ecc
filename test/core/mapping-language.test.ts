/**
 * The mapping language on cells as real exports write them: lists split every way offices write them,
 * placeholders read as absence, labels stripped, fields derived by capture, constants and defaults,
 * alternatives, a row filter, lists of objects (`each`), materials with their form and copies, HTML
 * cleaned, nested JSON records with their parents' fields carried down.
 */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/core/exchange/html-text.js';
import {
  compileMapping,
  constantProblems,
  mapRow,
  mappingKeyProblems,
  listProblems,
  mappingProblems,
  rowPasses,
  type Mapping,
} from '../../src/core/exchange/mapping.js';
import { materialsFromCell, materialsFromObjects } from '../../src/core/exchange/materials.js';
import { walkRecords } from '../../src/core/exchange/records.js';
import { splitEntries } from '../../src/core/exchange/split.js';
import { readCodeLists } from '../../src/io/read-mapping.js';
import { formatMessage } from '../../src/i18n/index.js';

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
    // An introduction before the first number is an entry of its own, never glued to the first.
    ['具备下列条件：（一）有固定场所；（二）有专业人员', ['具备下列条件：', '有固定场所', '有专业人员']],
    ['申请人应符合：1.年满十八周岁 2.本市户籍', ['申请人应符合：', '年满十八周岁', '本市户籍']],
    ['具备下列条件：\n（一）有固定场所；\n（二）有专业人员', ['具备下列条件：', '有固定场所', '有专业人员']],
    ['详见附件：《办法》(一)', ['详见附件：《办法》(一)']],
  ])('%j → %j', (cell, entries) => {
    expect(splitEntries(cell)).toEqual(entries);
  });

  it('splits names on 、 and commas, where 2、3 are two codes and no numbered entry', () => {
    expect(splitEntries('企业法人、事业法人，自然人', 'names')).toEqual(['企业法人', '事业法人', '自然人']);
    expect(splitEntries('2、3', 'names')).toEqual(['2', '3']);
    // Not inside brackets: a note's 、 and commas belong to its name.
    expect(splitEntries('营业执照（正本、副本）、身份证', 'names')).toEqual(['营业执照（正本、副本）', '身份证']);
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

  it('strip: true removes a label that names the column or the element, in any column, and nothing else', () => {
    const csv: Mapping['fields'] = {
      place: { column: '办理地点', strip: true },
      hours: { column: '办理时间', strip: true },
    };
    for (const label of ['地址：', '地点:', '办理地点：', '受理地点：', '窗口地址 ： '])
      expect(map(csv, { 办理地点: `${label}广州市海珠区` }).item.place).toBe('广州市海珠区');
    // A JSON field named in English: the element's own words still name the label.
    const json: Mapping['fields'] = { place: { column: 'handlePlace', strip: true } };
    expect(map(json, { handlePlace: '地址：广州市海珠区' }).item.place).toBe('广州市海珠区');
    expect(map(json, { handlePlace: '办理地点：广州市海珠区' }).item.place).toBe('广州市海珠区');
    // A word and a colon that are the value itself stay: 上午 is no name of 办理时间.
    expect(map(csv, { 办理时间: '上午：9:00-12:00' }).item.hours).toBe('上午：9:00-12:00');
    expect(map(csv, { 办理时间: '工作时间：9:00-12:00' }).item.hours).toBe('9:00-12:00');
    // Without strip, text keeps its label.
    expect(map({ place: '办理地点' }, { 办理地点: '地址：广州市' }).item.place).toBe('地址：广州市');
  });

  it('reads time limits behind a label, and says months and years are no unit of a time limit', () => {
    const fields: Mapping['fields'] = {
      statutoryLimit: { column: '法定办结时限', transform: 'timeLimit' },
      promisedLimit: { column: 'cnsx', transform: 'timeLimit' },
      visits: { column: '到现场次数', transform: 'integer' },
    };
    const { item, problems } = map(fields, {
      法定办结时限: '法定办结时限：20个工作日',
      cnsx: '承诺时限: 5个工作日',
      到现场次数: '到现场次数：1次',
    });
    expect(item).toEqual({
      statutoryLimit: { value: 20, unit: '工作日' },
      promisedLimit: { value: 5, unit: '工作日' },
      visits: 1,
    });
    expect(problems).toEqual([]);
    const months = map(fields, { 法定办结时限: '3个月', cnsx: '1年', 到现场次数: '0' });
    expect(months.item).toEqual({ visits: 0 });
    expect(months.problems.map((p) => [p.column, p.code, p.args.value])).toEqual([
      ['法定办结时限', 'import/time-limit-unit', '3个月'],
      ['cnsx', 'import/time-limit-unit', '1年'],
    ]);
    // A label unlike the column's or the element's names is not removed, and the cell is not a time limit.
    expect(map(fields, { 法定办结时限: '备注：20个工作日' }).problems[0]?.code).toBe('import/not-time-limit');
  });

  it('reads the national multi-select of online stages as the depth of the highest stage stated', () => {
    const fields: Mapping['fields'] = { 'online.depth': { column: '深度', transform: 'onlineDepth' } };
    const depth = (cell: string) => map(fields, { 深度: cell });
    expect(depth('互联网咨询').item).toEqual({ online: { depth: 1 } });
    expect(depth('互联网咨询、互联网收件').item).toEqual({ online: { depth: 2 } });
    expect(depth('互联网咨询、互联网收件、互联网预审').item).toEqual({ online: { depth: 2 } });
    expect(depth('互联网咨询、互联网收件、互联网预审、互联网受理、互联网办理').item).toEqual({ online: { depth: 3 } });
    expect(depth('互联网办理结果信息反馈，其他').item).toEqual({ online: { depth: 3 } });
    expect(depth('全程网办').item).toEqual({ online: { depth: 4 } });
    expect(depth('Ⅲ级').item).toEqual({ online: { depth: 3 } });
    expect(depth('1、2、3').item).toEqual({ online: { depth: 2 } });
    expect(depth('3').item).toEqual({ online: { depth: 3 } });
    expect(depth('网上办理深度：Ⅳ级').item).toEqual({ online: { depth: 4 } });
    expect(depth('互联网咨询、到窗口办理').problems[0]).toMatchObject({
      code: 'import/not-in-code-list',
      args: { value: '到窗口办理' },
    });
    expect(depth('其他').problems[0]?.code).toBe('import/not-in-code-list');
  });

  it('puts a constant through its transform', () => {
    const fields: Mapping['fields'] = {
      levels: { value: '县级', transform: 'codeListSet', list: 'level' },
      visits: { value: '0次', transform: 'integer' },
      status: { value: '在用' },
    };
    expect(map(fields, {}).item).toEqual({ levels: ['县级'], visits: 0, status: '在用' });
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
    // Alternation under repetition, which safe-regex2 lets through: `(a|a)*x` ran for minutes on 34 a's.
    const alternation = mappingProblems({
      kind: 'implementation',
      fields: { name: { column: 'a', capture: '(a|a)*x' } },
      filter: { column: 'c', matches: '^(\\w|\\d)*$' },
    });
    expect(alternation.map((p) => [p.code, p.path])).toEqual([
      ['mapping/pattern-unsafe', '/fields/name/capture'],
      ['mapping/pattern-unsafe', '/filter/matches'],
    ]);
  });

  it('a code list that does not exist is named, with the lists there are', () => {
    const lists = new Map([['level', { byName: new Map(), byCode: new Map() }]]);
    const problems = listProblems(
      { kind: 'implementation', fields: { levels: { column: 'a', transform: 'codeListSet', list: 'levle' } } },
      lists,
    );
    expect(problems).toEqual([
      { code: 'mapping/unknown-list', path: '/fields/levels/list', args: { list: 'levle', lists: 'level' } },
    ]);
    expect(listProblems({ kind: 'implementation', fields: { levels: { column: 'a', list: 'level' } } }, lists)).toEqual(
      [],
    );
  });

  it('names each misspelt key once, where it is, with the key meant; unknown words of transform and split too', () => {
    const problems = mappingKeyProblems({
      kind: 'implementation',
      feilds: {},
      fields: {
        levels: { column: '行使层级', transfrom: 'codeListSet', list: 'level' },
        name: ['事项名称', { colum: '名称' }],
        materials: { column: 'cl', transform: 'materials', fields: { nmae: 'n', zzz: 'x' } },
        type: { column: 't', transform: 'codeLst', split: 'lines' },
      },
      records: { path: ['a'], child: 'b' },
      filter: [{ column: 'c', notin: ['x'] }],
    });
    expect(problems.map((p) => [p.code, p.path, p.args?.suggestion])).toEqual([
      ['mapping/misspelt-key', '/feilds', 'fields'],
      ['mapping/misspelt-key', '/records/child', 'children'],
      ['mapping/misspelt-key', '/filter/0/notin', 'notIn'],
      ['mapping/misspelt-key', '/fields/levels/transfrom', 'transform'],
      ['mapping/misspelt-key', '/fields/name/1/colum', 'column'],
      ['mapping/misspelt-key', '/fields/materials/fields/nmae', 'name'],
      ['mapping/unknown-key', '/fields/materials/fields/zzz', undefined],
      ['schema/enum', '/fields/type/transform', undefined],
    ]);
    expect(problems[3]).toMatchObject({ target: 'key', args: { key: 'transfrom', at: 'fields.levels' } });
    expect(formatMessage('zh-CN', 'mapping/misspelt-key', problems[3]?.args)).toBe(
      '映射中 fields.levels 下没有“transfrom”这个键：是否应为“transform”？（此处可用的键：column, value, default, transform, list, split, strip, capture, fields, each）',
    );
    expect(formatMessage('en', 'mapping/misspelt-key', problems[0]?.args)).toMatch(
      /^there is no key "feilds" in the document of the mapping: did you mean "fields"\?/,
    );
    expect(mappingKeyProblems({ kind: 'implementation', fields: { name: { column: 'a' } } })).toEqual([]);
  });

  it('refuses a constant its transform cannot read', () => {
    const problems = constantProblems(
      {
        kind: 'implementation',
        fields: {
          levels: { value: '县级', transform: 'codeListSet', list: 'level' },
          type: [{ column: 't' }, { value: '许可吗', transform: 'codeList', list: 'item-type' }],
        },
      },
      lists,
    );
    expect(problems).toEqual([
      {
        code: 'mapping/constant',
        path: '/fields/type/1/value',
        args: { at: 'fields.type[1]', value: '许可吗', transform: 'codeList', reason: 'import/not-in-code-list' },
      },
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

  it('reads a count per form (the largest is the copies), Chinese counts, and 电子证照 as an e-licence', () => {
    expect(materialsFromCell('身份证（原件1份，复印件1份）', materialLists)).toEqual([
      { name: '身份证', forms: ['原件', '复印件'], copies: 1 },
    ]);
    expect(materialsFromCell('营业执照(原件一份、复印件两份)；申请书', materialLists)).toEqual([
      { name: '营业执照', forms: ['原件', '复印件'], copies: 2 },
      { name: '申请书' },
    ]);
    // An 电子证照 is a licence a government department issued, fetched by data sharing instead of submitted.
    expect(materialsFromCell('身份证明材料（电子证照）', materialLists)).toEqual([
      { name: '身份证明材料', forms: ['电子'], source: '政府部门核发', eLicence: true },
    ]);
    expect(materialsFromCell('营业执照（电子证照）、申请书（原件1份）', materialLists)).toEqual([
      { name: '营业执照', forms: ['电子'], source: '政府部门核发', eLicence: true },
      { name: '申请书', forms: ['原件'], copies: 1 },
    ]);
    // Anything else in the note keeps it in the name.
    expect(materialsFromCell('身份证（原件1份，另附说明）', materialLists)).toEqual([
      { name: '身份证（原件1份，另附说明）' },
    ]);
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
      { problem: 'no-array', at: 'departments[1]', field: 'items', found: 'string' },
      { problem: 'not-object', at: 'departments[2]', found: 'number' },
    ]);
  });

  it('goes through a step that holds an object (an API wrapper), without carrying the wrapper fields', () => {
    const root = {
      code: 200,
      msg: 'ok',
      data: { total: 1, departments: [{ deptName: '甲局', items: [{ sxmc: '一' }] }] },
    };
    const found = [...walkRecords(root, { path: ['data', 'departments', 'items'] })];
    expect(found).toEqual([{ fields: { total: 1, deptName: '甲局', sxmc: '一' }, at: 'data.departments[0].items[0]' }]);
    // A first step the document does not have is a problem at its top (at ''), naming what is there.
    expect([...walkRecords({ code: 200 }, { path: ['data', 'items'] })]).toEqual([
      { problem: 'no-array', at: '', field: 'data', found: 'missing' },
    ]);
    expect([...walkRecords({ data: 'x' }, { path: ['data'] })]).toEqual([
      { problem: 'no-array', at: '', field: 'data', found: 'string' },
    ]);
  });

  it('walks a deep export without recursion', () => {
    let node: Record<string, unknown> = { name: 'leaf' };
    for (let i = 0; i < 5000; i++) node = { items: [node] };
    const found = [...walkRecords(node, { path: Array.from({ length: 8 }, () => 'items') })];
    expect(found).toHaveLength(1);
  });
});
