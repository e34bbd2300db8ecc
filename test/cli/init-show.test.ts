/**
 * `tongban init` and `tongban show`: a new project validates clean (and after `code assign`, with no
 * finding at all), nothing existing is ever overwritten; one item is shown readably in both languages,
 * as YAML and as JSON, and an unknown code or name is a usage error naming the nearest items.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, tongban } from '../helpers/cli.js';

const temp = () => mkdtempSync(path.join(tmpdir(), 'tongban-init-'));

function samples(): string {
  const dir = temp();
  cpSync(path.join(ROOT, 'catalogs'), path.join(dir, 'catalogs'), { recursive: true });
  return dir;
}

const FILES = [
  'tongban.config.yaml',
  '.github/workflows/tongban.yml',
  'catalogs/basic/catalog.yaml',
  'catalogs/basic/items/110100001000.yaml',
  'catalogs/local/catalog.yaml',
  'catalogs/local/items/example.yaml',
];

describe('tongban init', () => {
  it('creates a project that tongban validate passes (exit 0), then code assign and guide work on it', async () => {
    const dir = temp();
    const init = await tongban(['init', 'project'], { cwd: dir });
    expect(init).toMatchObject({ code: 0, stderr: '' });
    for (const file of FILES) {
      expect(existsSync(path.join(dir, 'project', file))).toBe(true);
      expect(init.stdout).toContain(`created project/${file}\n`);
    }
    const validate = await tongban(['validate', '-f', 'json'], { cwd: path.join(dir, 'project') });
    expect(validate.code).toBe(0);
    // The example item is not coded yet: one note, and nothing else.
    expect(JSON.parse(validate.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['code/missing']);
    // The config file it wrote is the one validate used, and is valid (a broken one is exit 2).
    expect(JSON.parse(validate.stdout).summary).toMatchObject({ catalogs: 2, items: 2 });

    const assign = await tongban(['code', 'assign', 'catalogs/local'], { cwd: path.join(dir, 'project') });
    expect(assign.code).toBe(0);
    const item = parse(readFileSync(path.join(dir, 'project', 'catalogs/local/items/example.yaml'), 'utf8'));
    expect(item.code).toMatch(/^111101056900020372[0-9]110100001000$/);
    expect(await tongban(['validate', '--fail-on', 'info'], { cwd: path.join(dir, 'project') })).toMatchObject({
      code: 0,
    });
    const guide = await tongban(['guide', 'catalogs/local', '--out', 'site'], { cwd: path.join(dir, 'project') });
    expect(guide.code).toBe(0);
    expect(await tongban(['stats', 'catalogs/local'], { cwd: path.join(dir, 'project') })).toMatchObject({ code: 0 });
  });

  it('explains each element of the example item in comments, in Chinese and English', () => {
    const dir = temp();
    return tongban(['init'], { cwd: dir }).then((run) => {
      expect(run.code).toBe(0);
      const text = readFileSync(path.join(dir, 'catalogs/local/items/example.yaml'), 'utf8');
      const item = parse(text) as Record<string, unknown>;
      const lines = text.split('\n');
      // Every top-level element is preceded by a comment holding both Chinese and English words.
      for (const key of Object.keys(item)) {
        const at = lines.findIndex((l) => l.startsWith(`${key}:`));
        const comments = lines
          .slice(Math.max(0, at - 3), at)
          .filter((l) => l.startsWith('#'))
          .join(' ');
        expect([key, /[\u4e00-\u9fff]/.test(comments) && /[A-Za-z]{3,}/.test(comments)]).toEqual([key, true]);
      }
      // The CI workflow runs tongban validate.
      expect(readFileSync(path.join(dir, '.github/workflows/tongban.yml'), 'utf8')).toMatch(/tongban validate/);
    });
  });

  it('refuses to overwrite anything: a usage error naming the files, and not a byte written', async () => {
    const dir = temp();
    mkdirSync(path.join(dir, 'catalogs', 'local'), { recursive: true });
    writeFileSync(path.join(dir, 'tongban.config.yaml'), 'failOn: warning\n');
    writeFileSync(path.join(dir, 'catalogs', 'local', 'catalog.yaml'), 'mine\n');
    const result = await tongban(['init'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: [^\n]*tongban\.config\.yaml catalogs\/local\/catalog\.yaml[^\n]*\n$/);
    expect(readFileSync(path.join(dir, 'tongban.config.yaml'), 'utf8')).toBe('failOn: warning\n');
    expect(existsSync(path.join(dir, 'catalogs', 'basic'))).toBe(false);
    const zh = await tongban(['init', '--lang', 'zh-CN'], { cwd: dir });
    expect(zh.stderr).toMatch(/^错误：这些文件已经存在/);
    // A file where the project folder should be is refused too.
    writeFileSync(path.join(dir, 'taken'), '');
    expect((await tongban(['init', 'taken'], { cwd: dir })).code).toBe(2);
  });
});

describe('tongban show', () => {
  it('prints one item by its implementation code: name, materials, time limits, fee and contacts', async () => {
    const dir = samples();
    const result = await tongban(['show', '11510107055842061G4000100001000', 'catalogs'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const out = result.stdout;
    expect(out.startsWith('食品经营许可\n')).toBe(true);
    expect(out).toMatch(/^ {2}code +11510107055842061G4000100001000$/m);
    expect(out).toMatch(/^ {2}agency +成都市武侯区行政审批局 \(法定机关\)$/m);
    expect(out).toMatch(/^Materials\n {2}1\. 食品经营许可申请书 \(必要; 原件 ×1, 电子; 申请人自备\)$/m);
    expect(out).toContain('  5. 经营场所使用证明（房屋租赁合同或产权证明） (必要; 复印件 ×1; 申请人自备)\n');
    expect(out).toMatch(
      /^Time limits\n {2}handling type: 承诺件\n {2}statutory limit: 20 working days \(经批准可延长 10 个工作日\)\n {2}promised limit: 10 working days$/m,
    );
    expect(out).toMatch(/^Fee\n {2}no fee$/m);
    expect(out).toContain('  consultation: 028-83001117\n');
  });

  it('in Chinese, by basic code or name; an item in several catalogs is shown for each', async () => {
    const dir = samples();
    const result = await tongban(['show', '000100001000', 'catalogs', '--lang', 'zh-CN'], { cwd: dir });
    expect(result.code).toBe(0);
    // The basic catalog's item and the lists of Shenzhen and Wuhou.
    expect(result.stdout.match(/^食品经营许可$/gm)).toHaveLength(3);
    expect(result.stdout).toContain('  1. 食品经营许可申请书（必要；原件1份、电子；申请人自备）\n');
    expect(result.stdout).toMatch(
      /^办理时限\n {2}办件类型：承诺件\n {2}法定办结时限：20个工作日（经批准可延长 10 个工作日）\n {2}承诺办结时限：5个工作日$/m,
    );
    expect(result.stdout).toContain('  所属目录  广东省深圳市（catalogs/shenzhen）\n');
    const byName = await tongban(['show', '防空地下室易地建设费征收', 'catalogs/guangdong', '--lang', 'zh-CN'], {
      cwd: dir,
    });
    expect(byName.code).toBe(0);
    // A charged fee is said once: each fee item with its standard.
    expect(byName.stdout.match(/防空地下室易地建设费：按应建/g)).toHaveLength(1);
  });

  it('--format yaml and json give the item as its file holds it', async () => {
    const dir = samples();
    const file = path.join(dir, 'catalogs/wuhou/items/000100001000.yaml');
    const yaml = await tongban(['show', '000100001000', 'catalogs/wuhou', '-f', 'yaml'], { cwd: dir });
    expect(yaml.code).toBe(0);
    expect(parse(yaml.stdout)).toEqual(parse(readFileSync(file, 'utf8')));
    const json = await tongban(['show', '000100001000', 'catalogs/wuhou', '-f', 'json'], { cwd: dir });
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ report: 'show', version: 1, query: '000100001000' });
    expect(report.items).toHaveLength(1);
    expect(report.items[0].item).toEqual(parse(readFileSync(file, 'utf8')));
    expect(report.items[0].file).toBe('catalogs/wuhou/items/000100001000.yaml');
  });

  it('an unknown code or name (or part of several names): exit 2, one line naming the nearest items', async () => {
    const dir = samples();
    const byName = await tongban(['show', '食品经营', 'catalogs'], { cwd: dir });
    expect(byName.code).toBe(2);
    expect(byName.stdout).toBe('');
    expect(byName.stderr).toMatch(
      /^error: no item with the code or name "食品经营" in catalogs; nearest: 食品经营许可 \(000100001000\)[^\n]*\n$/,
    );
    const byCode = await tongban(['show', '000100001999', 'catalogs/national', '--lang', 'zh-CN'], { cwd: dir });
    expect(byCode.code).toBe(2);
    expect(byCode.stderr).toMatch(
      /^错误：在 catalogs\/national 中没有编码或名称为“000100001999”的事项；相近的事项：食品经营许可（000100001000）/,
    );
    // Part of a name that only one item's name holds (in every catalog that has it) finds that item.
    const part = await tongban(['show', '卫生许可', 'catalogs'], { cwd: dir });
    expect(part.code).toBe(0);
    expect(part.stdout.split('\n')[0]).toBe('公共场所卫生许可');
    const nothing = await tongban(['show', 'zzz', 'catalogs/national'], { cwd: dir });
    expect(nothing.stderr).toBe('error: no item with the code or name "zzz" in catalogs/national\n');
  });
});
