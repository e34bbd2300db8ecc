/**
 * The exports of test/fixtures/real-shapes (generate.mjs says what shapes they have, expected.json what
 * was planted) through the CLI as a new user runs it: import without a catalog.yaml, validate, explain,
 * diff. Every row becomes an item, the cells that hold materials, conditions, limits and USCCs fill them,
 * the rules that real shapes used to trip report nothing false, and the wrong check characters are each
 * found once, at the line of the code.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tongban } from './helpers/cli.js';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'real-shapes');

interface Planted {
  rows: number;
  wrongCheck: { row: number; code: string; uscc: string; name: string }[];
  centralBodies: number[];
  officeHoursInLimit: number[];
  handlingItems: number;
  materials: number;
  conditions: number;
  missingPhones: number;
}
const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as {
  province: Planted;
  city: Planted;
  sichuan: { rows: number; brokenAgency: string[]; orgCodes: number; subItems: number };
};

interface Diagnostic {
  file: string;
  code: string;
  line: number | null;
}

let root: string;
const imports: Record<
  string,
  {
    code: number;
    report: { written: string[]; skipped: number; rows: { row: number; column: string; code: string }[] };
  }
> = {};
const findings: Record<string, Diagnostic[]> = {};

const items = (catalog: string) =>
  readdirSync(path.join(root, catalog, 'items')).map((file) => ({
    file: `${catalog}/items/${file}`,
    data: parse(readFileSync(path.join(root, catalog, 'items', file), 'utf8')) as Record<string, unknown>,
  }));

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'tongban-real-'));
  cpSync(FIXTURES, path.join(root, 'exports'), { recursive: true });
  const runs: [string, string, string, string[]][] = [
    [
      'gd',
      'exports/guangdong-province.csv',
      'national',
      ['--name', '广东省实施清单', '--region', '440000', '--level', '省级'],
    ],
    [
      'sz',
      'exports/shenzhen-city.csv',
      'national',
      ['--name', '深圳市实施清单', '--region', '440300', '--level', 'city'],
    ],
    [
      'sc',
      'exports/sichuan-wuhou.json',
      'exports/sichuan.mapping.yaml',
      ['--name', '武侯区实施清单', '--region', '510107', '--level', '县级'],
    ],
  ];
  for (const [catalog, file, map, flags] of runs) {
    const result = await tongban(['import', file, '--map', map, '--out', catalog, ...flags, '-f', 'json'], {
      cwd: root,
    });
    imports[catalog] = { code: result.code, report: JSON.parse(result.stdout) };
    const validated = await tongban(['validate', catalog, '-f', 'json'], { cwd: root });
    findings[catalog] = (JSON.parse(validated.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
  }
}, 120_000);

describe('import of real-shaped exports', () => {
  it('turns every row into an item, into a folder it creates catalog.yaml for', () => {
    expect(imports.gd?.report.written).toHaveLength(expected.province.rows);
    expect(imports.sz?.report.written).toHaveLength(expected.city.rows);
    expect(imports.sc?.report.written).toHaveLength(expected.sichuan.rows);
    for (const catalog of ['gd', 'sz', 'sc']) expect(imports[catalog]?.report.skipped).toBe(0);
    expect(readFileSync(path.join(root, 'gd', 'catalog.yaml'), 'utf8')).toMatch(/region: "440000"/);
  });

  it('reports the office hours pasted into 法定办结时限 by row, and leaves only that element out', () => {
    const limits = imports.gd?.report.rows.filter((r) => r.code === 'import/not-time-limit').map((r) => r.row);
    expect(limits).toEqual(expected.province.officeHoursInLimit);
    const shown = items('gd').filter((i) => i.data.statutoryLimit === undefined);
    expect(shown).toHaveLength(expected.province.officeHoursInLimit.length);
    // The rest of such a row is there.
    for (const item of shown) expect(item.data.agency).toBeDefined();
  });

  it('fills materials, conditions, limits and the agency USCC from the cells that hold them', () => {
    for (const [catalog, planted] of [
      ['gd', expected.province],
      ['sz', expected.city],
    ] as const) {
      const all = items(catalog);
      expect(all.filter((i) => Array.isArray(i.data.materials))).toHaveLength(planted.materials);
      expect(all.filter((i) => Array.isArray(i.data.conditions))).toHaveLength(planted.conditions);
      for (const { data } of all) {
        // The USCC is the first 18 characters of the code: derived although the export has no column for it.
        expect((data.agency as { uscc: string }).uscc).toBe((data.code as string).slice(0, 18));
        expect(data.promisedLimit).toMatchObject({ unit: expect.stringMatching(/工作日|自然日/) });
        for (const condition of (data.conditions as string[] | undefined) ?? []) {
          // Numbered entries are split and their numbers removed; placeholders are never text.
          expect(condition).not.toMatch(/^(\d+\.|（[一二三四五]）)/);
          expect(['无', '/', '暂无', '—']).not.toContain(condition);
        }
        expect(['无', '/', '暂无', '—']).not.toContain(data.visitReason);
      }
    }
    const sample = items('gd').find((i) =>
      (i.data.materials as { forms?: unknown }[] | undefined)?.some((m) => m.forms),
    );
    expect(
      (sample?.data.materials as { name: string; forms: string[]; copies: number }[]).find((m) => m.forms),
    ).toMatchObject({
      forms: ['原件'],
      copies: expect.any(Number),
    });
  });

  it('reads nested JSON: sub-items inherit their item’s fields, HTML becomes text, material objects map field by field', () => {
    const all = items('sc');
    const subItems = all.filter((i) => /（(新办|变更)）$/.test(i.data.name as string));
    expect(subItems).toHaveLength(expected.sichuan.subItems);
    for (const { data } of subItems) {
      expect(data.handlingItem).toMatch(/新办|变更/);
      expect((data.agency as { name: string }).name).toMatch(/^成都市武侯区/);
      expect(data.type).toBeDefined();
    }
    for (const { data } of all) {
      expect(JSON.stringify(data)).not.toMatch(/<\/?p>|&nbsp;|<br/);
      expect((data.conditions as string[]).length).toBeGreaterThanOrEqual(1);
      for (const material of data.materials as { necessity?: string; forms?: string[] }[]) {
        expect(['必要', '非必要', '容缺后补']).toContain(material.necessity);
        expect(material.forms?.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('validate on imported real shapes', () => {
  it('reports no false findings from the contact, USCC-region and process rules', () => {
    const all = Object.values(findings).flat();
    const falseAlarms = [
      'contact/area-code',
      'contact/not-a-phone',
      'contact/same-phone',
      'uscc/region-unknown',
      'uscc/region-retired',
      'agency/outside-region',
      'process/licensing-steps',
    ];
    expect(all.filter((d) => falseAlarms.includes(d.code))).toEqual([]);
    // A missing channel is reported exactly where the export gave a placeholder instead of a number.
    expect(findings.gd?.filter((d) => d.code === 'contact/missing')).toHaveLength(expected.province.missingPhones);
    expect(findings.sz?.filter((d) => d.code === 'contact/missing')).toHaveLength(expected.city.missingPhones);
  });

  it('finds each planted wrong check character once, at the line of the code', () => {
    for (const [catalog, planted] of [
      ['gd', expected.province],
      ['sz', expected.city],
    ] as const) {
      const wrong = findings[catalog]?.filter(
        (d) => d.code.startsWith('uscc/') || d.code.startsWith('code/impl-agency'),
      );
      expect(wrong?.map((d) => d.code)).toEqual(planted.wrongCheck.map(() => 'code/impl-agency-check'));
      for (const { code } of planted.wrongCheck) {
        const file = `${catalog}/items/${code}.yaml`;
        const text = readFileSync(path.join(root, file), 'utf8').split('\n');
        const line = text.findIndex((l) => l.startsWith('code:')) + 1;
        expect(wrong?.filter((d) => d.file === file).map((d) => d.line)).toEqual([line]);
      }
    }
  });

  it('names the broken agency id in the hyphenated codes, and nothing about organisation codes', () => {
    const broken = findings.sc?.filter((d) => d.code === 'code/impl-agency-id');
    expect(broken?.map((d) => path.basename(d.file, '.yaml')).sort()).toEqual(
      [...expected.sichuan.brokenAgency].sort(),
    );
    expect(findings.sc?.filter((d) => d.code.startsWith('code/') && d.code !== 'code/impl-agency-id')).toEqual([]);
  });

  it('says each missing element once per item, and that there is no basic catalog to conform to', () => {
    const gd = findings.gd ?? [];
    expect(gd.filter((d) => d.code === 'catalog/no-basic')).toHaveLength(1);
    const perItem = new Map<string, string[]>();
    for (const d of gd.filter((d) => d.code.startsWith('element/')))
      perItem.set(d.file, [...(perItem.get(d.file) ?? []), d.code]);
    expect(gd.some((d) => d.code === 'schema/required')).toBe(false);
    expect(perItem.size).toBeGreaterThan(0);
  });

  it('ends the terminal output with findings by rule', async () => {
    const result = await tongban(['validate', 'gd'], { cwd: root });
    const tail = result.stdout.slice(result.stdout.lastIndexOf('By rule:'));
    expect(tail).toMatch(/By rule:\n\s+\d+\s+error\s+element\/missing-in-list\s+\d+ files/);
    expect(tail).toMatch(/code\/impl-agency-check\s+3 files/);
  });
});

describe('code explain on real shapes', () => {
  const guangdong = () => {
    const local = items('gd').find((i) => String(i.data.basicCode).startsWith('4421'));
    return local?.data.code as string;
  };

  it('decodes a Guangdong type-21 code by itself and with --profile guangdong, and rejects it with --profile national', async () => {
    const code = guangdong();
    const auto = await tongban(['code', 'explain', code], { cwd: root });
    expect(auto.code).toBe(0);
    expect(auto.stdout).toMatch(/guangdong profile/);
    expect(auto.stdout).toMatch(/item type\s+22\s+21\s+公共服务/);
    expect((await tongban(['code', 'explain', code, '--profile', 'guangdong'], { cwd: root })).code).toBe(0);
    const national = await tongban(['code', 'explain', code, '--profile', 'national'], { cwd: root });
    expect(national.code).toBe(1);
    expect(national.stdout).toMatch(/no type code "21"/);
  });

  it('decodes a hyphenated code with an organisation code, and names a broken agency id', async () => {
    const org = items('sc').find((i) => /-\d{8}[\dX]-1-\d\d$/.test(i.data.code as string))?.data.code as string;
    const ok = await tongban(['code', 'explain', org], { cwd: root });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/sichuan profile/);
    expect(ok.stdout).toMatch(/organisation code \(GB 11714/);
    const broken = await tongban(['code', 'explain', expected.sichuan.brokenAgency[0] as string], { cwd: root });
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(
      /实施主体编码 "5101070-ABC" at character \d+ is neither a unified social credit code/,
    );
  });
});

describe('code explain on the other forms real codes take', () => {
  it('an organisation code printed with its hyphen, a G-form basic code with no flag, a central body', async () => {
    const hyphen = await tongban(['code', 'explain', '000100001000-510107000000-000-00877818-3-1-00']);
    expect(hyphen.code).toBe(0);
    expect(hyphen.stdout).toMatch(/00877818-3\s+organisation code \(GB 11714/);
    const wrong = await tongban(['code', 'explain', '000100001000-510107000000-000-00877818-4-1-00']);
    expect(wrong.code).toBe(1);
    const form = await tongban(['code', 'explain', 'G-000007-001', '--lang', 'zh-CN']);
    expect(form.code).toBe(0);
    expect(form.stdout).toMatch(/四川方案/);
    expect(form.stdout).not.toMatch(/NaN/);
    // Read with the national scheme, every segment is judged by its own pattern: no ✔ on `0007-`.
    const national = await tongban(['code', 'explain', 'G-000007-001', '--profile', 'national']);
    expect(national.code).toBe(1);
    expect(national.stdout).not.toMatch(/NaN|✔ +main item number/);
    const central = await tongban(['code', 'explain', '11100000000013338W4000100001000', '--lang', 'zh-CN']);
    expect(central.stdout).toMatch(/机关，中央国家机关（登记地 100000）/);
  });
});

describe('diff of two real-shaped regions', () => {
  it('lists every item file of both sides: paired, grouped or on one side only', async () => {
    const result = await tongban(['diff', 'gd', 'sz', '-f', 'json'], { cwd: root });
    const report = JSON.parse(result.stdout) as {
      pairs: { left: string; right: string; via: string }[];
      groups: { left: string[]; right: string[] }[];
      onlyLeft: { file: string }[];
      onlyRight: { file: string }[];
    };
    const left = new Set([
      ...report.pairs.map((p) => p.left),
      ...report.groups.flatMap((g) => g.left),
      ...report.onlyLeft.map((i) => i.file),
    ]);
    const right = new Set([
      ...report.pairs.map((p) => p.right),
      ...report.groups.flatMap((g) => g.right),
      ...report.onlyRight.map((i) => i.file),
    ]);
    const filesOf = (catalog: string) =>
      readdirSync(path.join(root, catalog, 'items'))
        .map((f) => `items/${f}`)
        .sort();
    expect([...left].sort()).toEqual(filesOf('gd'));
    expect([...right].sort()).toEqual(filesOf('sz'));
    // Each list's own agency is paired where both have several.
    expect(report.pairs.length).toBeGreaterThan(0);
    expect(new Set(report.pairs.map((p) => p.via))).toEqual(new Set(['principal']));
  });

  it('proposes the items a province codes its own way as the same item, of the same type and handling item only', async () => {
    const result = await tongban(['diff', 'gd', 'sc', '-f', 'json'], { cwd: root });
    const report = JSON.parse(result.stdout) as {
      proposals: { left: { name: string }; right: { name: string; key: string } }[];
    };
    expect(report.proposals.length).toBeGreaterThan(0);
    for (const p of report.proposals) {
      expect(p.right.key).toMatch(/^G-/);
      expect(p.left.name).toBe(p.right.name);
    }
  });
});
