/**
 * The line walk that places findings in plain-shape YAML (src/io/plain-locator.ts) against the `yaml`
 * library's syntax tree (treeLocator): on every YAML file of the repository and the benchmark's items,
 * for every pointer to every node, pointers past what exists (a missing property, an index out of range,
 * a path through a scalar), with both targets — the same range, or no answer (then the tree is asked).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toPointer } from '../src/core/pointer.js';
import { locateFindings } from '../src/io/locate-findings.js';
import { createLocator, treeLocator } from '../src/io/parse-yaml.js';
import { plainLocator } from '../src/io/plain-locator.js';
import { parsePlainYaml } from '../src/io/plain-yaml.js';
// @ts-expect-error: a plain ES module without types
import { implementationItem, richImplementationItem } from '../bench/generate.mjs';
import { dump } from 'js-yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name) && !e.parentPath.includes('node_modules'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Every path into `value`, and for each some that go past it. */
function pointers(value: unknown, at: string[] = []): string[][] {
  const out: string[][] = [at];
  if (Array.isArray(value)) {
    value.forEach((item, i) => out.push(...pointers(item, [...at, String(i)])));
    out.push([...at, String(value.length)], [...at, 'x']);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) out.push(...pointers(item, [...at, key]));
    out.push([...at, 'missing'], [...at, 'missing', 'deeper']);
  } else out.push([...at, 'past']);
  return out;
}

/** How many answers the walk gave itself, and how many it left to the tree; fails on any difference. */
function compare(text: string, where: string): { walked: number; asked: number } {
  const data = parsePlainYaml(text);
  const plain = plainLocator(text);
  expect(plain === undefined, where).toBe(data === undefined);
  if (!plain || data === undefined) return { walked: 0, asked: 0 };
  const tree = treeLocator(text);
  let walked = 0;
  let asked = 0;
  for (const segments of pointers(data)) {
    const pointer = toPointer(segments);
    for (const target of ['value', 'key'] as const) {
      const range = plain(pointer, target);
      if (range === undefined) asked++;
      else {
        walked++;
        expect(range, `${where} ${pointer} (${target})`).toEqual(tree(pointer, target));
      }
    }
  }
  return { walked, asked };
}

describe('placing findings by walking lines', () => {
  it('gives the syntax tree’s answer for every pointer of every YAML file of the repository', () => {
    const files = [...yamlFiles(path.join(ROOT, 'catalogs')), ...yamlFiles(path.join(ROOT, 'test'))];
    let walked = 0;
    let asked = 0;
    for (const file of files) {
      const counts = compare(readFileSync(file, 'utf8'), path.relative(ROOT, file));
      walked += counts.walked;
      asked += counts.asked;
    }
    // And answers nearly all of them itself.
    expect(walked).toBeGreaterThan(10_000);
    expect(asked / (walked + asked)).toBeLessThan(0.05);
  });

  it('on the benchmark’s items, as written and as js-yaml writes them', () => {
    const region = { id: 'x', region: '440300', level: '市级', digit: '3', uscc: '114403000971908070' };
    for (let i = 0; i < 40; i++) {
      const small = implementationItem(i, `c${i}`, '000100001000', `事项${i}`, '行政许可', region) as string;
      const rich = richImplementationItem(i, '000100001000', `事项${i}`, '行政许可', region) as string;
      for (const text of [small, rich, rich.replace(/\n/g, '\r\n')]) {
        compare(text, `generated ${i}`);
        const data = parsePlainYaml(text);
        if (data) compare(dump(data, { lineWidth: -1 }), `dumped ${i}`);
      }
    }
  });

  it('lines with comments, quotes, flow collections, lists at the key’s indentation', () => {
    const text = [
      '# 注释',
      'code: "11440300MB2C92416C3000100001000" # 实施编码',
      "name: 'it''s' ",
      'levels: [ 市级 , 县级 ]',
      'limit: { value: 20, unit: 工作日 }',
      'conditions:',
      '- 申请人具有经营场所',
      '-   有专业技术人员 # 第二条',
      'materials:',
      '  - name: 申请书',
      '    forms: [原件]',
      '  -   name: 营业执照',
      '      copies: 1',
      'agency:',
      '  name: 示例局',
      'empty: []',
      '',
    ].join('\n');
    expect(compare(text, 'handmade').walked).toBeGreaterThan(50);
    const locate = createLocator(text);
    expect(locate('/limit/unit')).toEqual({ start: { line: 5, column: 27 }, end: { line: 5, column: 30 } });
    expect(locate('/materials/1/copies', 'key')).toEqual({
      start: { line: 13, column: 7 },
      end: { line: 13, column: 13 },
    });
    // A missing property: the pair that lacks it.
    expect(locate('/agency/uscc')).toEqual({ start: { line: 14, column: 1 }, end: { line: 14, column: 7 } });
  });

  it('a list entry whose first key has nothing after it, and a tab before a comment', () => {
    const text = [
      'materials:',
      '- name:',
      '  necessity: 可能',
      'process:',
      '  - timeLimit:',
      '      value: 1',
      '      unit: 工作周',
      '    name: 受理',
      '',
    ].join('\n');
    expect(compare(text, 'empty first key').walked).toBeGreaterThan(10);
    const locate = createLocator(text);
    expect(locate('/materials/0/necessity')).toEqual({ start: { line: 3, column: 14 }, end: { line: 3, column: 16 } });
    expect(locate('/process/0/timeLimit/unit')).toEqual({
      start: { line: 7, column: 13 },
      end: { line: 7, column: 16 },
    });
    // A tab: not the plain shape (YAML reads it as white space before a comment); the tree places it.
    const tabbed = 'levels:\n  - 镇级\t# 注释：待定\n';
    expect(plainLocator(tabbed)).toBeUndefined();
    expect(createLocator(tabbed)('/levels/0')).toEqual({ start: { line: 2, column: 5 }, end: { line: 2, column: 7 } });
  });

  it('trusts a shape known from the read only for a text of the same length', () => {
    const text = readFileSync(path.join(ROOT, 'catalogs/shenzhen/items/000100001000.yaml'), 'utf8');
    const finding = (p: string) => ({
      code: 'element/missing' as const,
      severity: 'warning' as const,
      file: 'x.yaml',
      path: p,
      args: {},
    });
    const findings = ['/agency/uscc', '/materials/1/name', '/nothing'].map(finding);
    const expected = locateFindings(findings, () => text);
    expect(expected.every((f) => f.range)).toBe(true);
    expect(locateFindings(findings, () => text, new Map([['x.yaml', text.length]]))).toEqual(expected);
    // A text that is not what was read (another length) has its shape checked again: a block scalar,
    // which the line walk does not read, is left to the syntax tree.
    const changed = text.replace(/^name: .*$/m, 'name: |\n  多行\n  名称');
    expect(locateFindings([finding('/name')], () => changed, new Map([['x.yaml', text.length]]))).toEqual(
      locateFindings([finding('/name')], () => changed),
    );
  });
});
