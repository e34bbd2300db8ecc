/**
 * Wording fixes of issue 15, each shown on the samples: "5个工作日" (not "5工作日"), results headed 办理结果
 * and the fee said once in guides, regions by name where folders were, English plurals, the parser's and
 * git's English explained in Chinese, `code explain` in one language, a folder of catalogs accepted by
 * compare and a mixed export told how to proceed.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tongban } from '../helpers/cli.js';

function samples(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-wording-'));
  cpSync(path.join(ROOT, 'catalogs'), path.join(dir, 'catalogs'), { recursive: true });
  return dir;
}

describe('time limits, results and fees', () => {
  it('diff writes "5个工作日" in Chinese and "5 working days" in English', async () => {
    const zh = await tongban(['diff', 'catalogs/shenzhen', 'catalogs/wuhou', '--lang', 'zh-CN']);
    expect(zh.stdout).toContain('[可变] 承诺时限：5个工作日 → 10个工作日\n');
    expect(zh.stdout).not.toMatch(/\d工作日/);
    const en = await tongban(['diff', 'catalogs/shenzhen', 'catalogs/wuhou']);
    expect(en.stdout).toContain('[may vary] promised limit: 5 working days → 10 working days\n');
    expect(en.stdout).toContain('[may vary] levels: 市级 → 县级\n');
    // Element changes are labelled "element: value", with an ASCII colon.
    expect(en.stdout).not.toMatch(/^ {2}\[(standard|may vary)\] [a-z ]+：/m);
  });

  it('a guide heads results 办理结果 whatever the item type, and says a charged fee once', async () => {
    const penalty = await tongban(['guide', 'catalogs/wuhou', '--item', '000200001000', '-f', 'md', '--stdout']);
    expect(penalty.code).toBe(0);
    expect(penalty.stdout).toContain('\n## 办理结果\n');
    expect(penalty.stdout).not.toContain('审批结果');
    const charged = await tongban(['guide', 'catalogs/guangdong', '--item', '000400001000', '-f', 'md', '--stdout']);
    expect(charged.stdout.match(/按应建防空地下室面积和当地收费标准计收/g)).toHaveLength(1);
    const free = await tongban(['guide', 'catalogs/wuhou', '--item', '000100001000', '-f', 'md', '--stdout']);
    expect(free.stdout).toContain('## 收费\n\n不收费\n');
  });
});

describe('regions by name', () => {
  it('compare takes a folder of catalogs and names regions, the folder beside', async () => {
    const result = await tongban(['compare', 'catalogs', '--lang', 'zh-CN']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}广东省深圳市 +[\d.]+% {2}catalogs\/shenzhen$/m);
    expect(result.stdout).toMatch(/^ {2}四川省成都市武侯区 +[\d.]+% {2}catalogs\/wuhou$/m);
    // The basic catalog in the folder is the reference, not a region.
    expect(result.stdout).toMatch(/^3 个地区/);
    expect(result.stdout).toMatch(/^ {2}四川省成都市武侯区 {2}受理条件：/m);
    const json = JSON.parse((await tongban(['compare', 'catalogs', '-f', 'json'])).stdout);
    expect(json.names).toEqual({
      'catalogs/guangdong': '广东省',
      'catalogs/shenzhen': '广东省深圳市',
      'catalogs/wuhou': '四川省成都市武侯区',
    });
  });

  it('stats heads its columns with region names, folders on the line below', async () => {
    const result = await tongban(['stats', 'catalogs/wuhou', '--lang', 'zh-CN']);
    const [head, folders] = result.stdout.split('\n');
    expect(head).toMatch(/^指标 +四川省成都市武侯区 +\[县级\]$/);
    expect(folders).toMatch(/^文件夹 +catalogs\/wuhou/);
    expect(result.stdout).toMatch(/^✔ 四川省成都市武侯区 网上可办率/m);
    const json = JSON.parse((await tongban(['stats', 'catalogs/wuhou', '-f', 'json'])).stdout);
    expect(json.catalogs[0]).toMatchObject({ label: 'catalogs/wuhou', title: '四川省成都市武侯区' });
  });
});

describe('English plurals', () => {
  it('1 problem, 1 error, 1 catalog, 1 item; 2 of each are plural', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tongban-plural-'));
    mkdirSync(path.join(dir, 'one', 'items'), { recursive: true });
    writeFileSync(path.join(dir, 'one', 'catalog.yaml'), 'kind: basic\nname: 一\norigin: "00"\n');
    writeFileSync(path.join(dir, 'one', 'items', 'a.yaml'), 'name: [未闭合\n');
    const one = await tongban(['validate', 'one'], { cwd: dir });
    expect(one.stdout).toContain('✖ 1 problem (1 error, 0 warnings, 0 infos) in 1 catalog, 1 item\n');
    const clean = await tongban(['validate', 'catalogs/national']);
    expect(clean.stdout).toMatch(/^✔ 1 catalog, \d+ items checked: no problems\n$/);
    const left = await tongban(['diff', 'one', path.join(ROOT, 'catalogs', 'national')], { cwd: dir });
    expect(left.stdout).toContain(
      '1 item file could not be read or was left out (listed on stderr); it is not in this report',
    );
  });
});

describe('the parser and git, explained in Chinese', () => {
  it('a YAML syntax error says what is wrong in Chinese; English keeps the parser’s words', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tongban-yaml-'));
    mkdirSync(path.join(dir, 'c', 'items'), { recursive: true });
    writeFileSync(path.join(dir, 'c', 'catalog.yaml'), 'kind: basic\nname: 一\norigin: "00"\n');
    const cases: [string, RegExp][] = [
      ['name: [未闭合\n', /方括号 \[ \] 或花括号 \{ \} 没有闭合/],
      ['name: "未闭合\n', /引号没有闭合/],
      ['name: 一\n  type: 二\n', /缩进|冒号/],
    ];
    for (const [text, expected] of cases) {
      writeFileSync(path.join(dir, 'c', 'items', 'a.yaml'), text);
      const zh = await tongban(['validate', 'c', '--lang', 'zh-CN', '-f', 'json'], { cwd: dir });
      const finding = JSON.parse(zh.stdout).diagnostics[0];
      expect(finding.code).toBe('yaml/syntax');
      expect(finding.message).toMatch(/^YAML 语法错误：/);
      expect(finding.message).toMatch(expected);
      expect(finding.message).not.toMatch(/[A-Za-z]{4,} [A-Za-z]{2,} [A-Za-z]{2,}/);
      // The parser's own words stay available (JSON args, and the English message).
      expect(finding.args.detail).toMatch(/[A-Za-z]{3,}/);
      const en = await tongban(['validate', 'c', '-f', 'json'], { cwd: dir });
      expect(JSON.parse(en.stdout).diagnostics[0].message).toBe(`YAML syntax error: ${finding.args.detail}`);
    }
  });

  it('git: not a repository and an unknown revision, in Chinese', async () => {
    const dir = samples();
    const notRepo = await tongban(['diff', 'catalogs/wuhou', '--git', 'HEAD', '--lang', 'zh-CN'], { cwd: dir });
    expect(notRepo.code).toBe(2);
    expect(notRepo.stderr).toMatch(/^错误：git 命令失败（git [^）]*）：这里不在 git 仓库中/);
    const badRef = await tongban(['diff', 'catalogs/wuhou', '--git', 'no-such-ref-xyz', '--lang', 'zh-CN']);
    expect(badRef.code).toBe(2);
    expect(badRef.stderr).toMatch(/没有这个 git 引用（分支、标签或提交）/);
    expect(badRef.stderr).not.toMatch(/fatal|unknown revision/);
    const option = await tongban(['diff', 'catalogs/wuhou', '--git', '--output=x', '--lang', 'zh-CN']);
    expect(option.stderr).toMatch(/没有这个 git 引用/);
  });
});

describe('code explain in one language', () => {
  it('English titles and meanings under en; Chinese under zh-CN', async () => {
    const codes = ['000100001000', '1144030009719080703000100001000'];
    const en = await tongban(['code', 'explain', ...codes]);
    // Every segment title in English: no Chinese before the position column.
    expect(en.stdout).not.toMatch(/^ {2}[✔✖] {2}\S*[\u4e00-\u9fff]/m);
    expect(en.stdout).toMatch(
      /^ {2}✔ {2}[a-z ]+ +1 +114403000971908070 +government body, registered in 广东省 深圳市$/m,
    );
    expect(en.stdout).toMatch(/^ {2}✔ {2}level digit +19 +3 +市级$/m);
    expect(en.stdout).toMatch(/^ {2}✔ {2}catalog origin +1 +00 +national basic catalog$/m);
    const zh = await tongban(['code', 'explain', ...codes, '--lang', 'zh-CN']);
    expect(zh.stdout).toMatch(
      /^ {2}✔ {2}实施主体统一社会信用代码 +1 +114403000971908070 +机关，登记地 广东省 深圳市$/m,
    );
    expect(zh.stdout).toMatch(/^ {2}✔ {2}主项序号 +5 +00001 +第 1 个主项$/m);
    const local = await tongban(['code', 'explain', '440100001000', '--lang', 'zh-CN']);
    expect(local.stdout).toMatch(/地方目录：广东省/);
    const wrong = await tongban(['code', 'explain', '0001000O1000']);
    expect(wrong.stdout).toContain('segment main item number "000O1" at position 5 is invalid');
  });
});

describe('catalog folders for compare and export', () => {
  it('export of both kinds to CSV names them and says how to proceed', async () => {
    const result = await tongban(['export', 'catalogs', '--lang', 'zh-CN']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /这里基本目录有 catalogs\/national，实施清单有 catalogs\/guangdong catalogs\/shenzhen catalogs\/wuhou/,
    );
    expect(result.stderr).toContain(
      'tongban export catalogs/guangdong catalogs/shenzhen catalogs/wuhou -o 实施清单.csv',
    );
    // The command it suggests works.
    const dir = samples();
    const suggested = await tongban(
      ['export', 'catalogs/guangdong', 'catalogs/shenzhen', 'catalogs/wuhou', '-o', 'lists.csv'],
      {
        cwd: dir,
      },
    );
    expect(suggested.code).toBe(0);
  });
});
