/** tongban diff and compare: each kind of change, matching without codes, git revisions, the N-way matrix. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareAt, diffAt } from './helpers/api.js';
import { diffLists } from '../src/core/diff/list-diff.js';
import { similarity } from '../src/core/diff/similarity.js';
import { type UsageError } from '../src/index.js';
import { csv as diffCsv } from '../src/reporters/diff/csv.js';

const BASE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'validate', 'base');
const ITEM = 'items/000100001000.yaml';

/** Implementation lists `a`, `b` (, `c`) built from the base fixture's item, each edited as given. */
function regions(edits: Record<string, (item: string) => string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-diff-'));
  cpSync(path.join(BASE, 'basic'), path.join(root, 'basic'), { recursive: true });
  for (const [name, edit] of Object.entries(edits)) {
    cpSync(path.join(BASE, 'impl'), path.join(root, name), { recursive: true });
    const file = path.join(root, name, ITEM);
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
  }
  return root;
}

const same = (item: string) => item;

describe('similarity', () => {
  it('scores Chinese by character bigrams, ignoring punctuation and width', () => {
    expect(similarity('营业执照（复印件）', '营业执照复印件')).toBe(1);
    expect(similarity('营业执照复印件', '营业执照')).toBeCloseTo((2 * 3) / (6 + 3), 5);
    expect(similarity('营业执照', '身份证明')).toBe(0);
  });
});

describe('list diff', () => {
  const shape = { key: (m: { name: string; copies?: number }) => m.name, attributes: ['copies'] as const };
  it('finds renamed (with attribute changes), added, removed and moved entries', () => {
    const before = [
      { name: '申请书', copies: 1 },
      { name: '营业执照复印件', copies: 1 },
      { name: '场所证明', copies: 1 },
      { name: '身份证', copies: 1 },
    ];
    const after = [
      { name: '场所证明', copies: 1 },
      { name: '申请书', copies: 2 },
      { name: '营业执照', copies: 1 },
      { name: '承诺书', copies: 1 },
    ];
    const changes = diffLists(before, after, shape).map((c) => [
      c.kind,
      c.before?.name ?? null,
      c.after?.name ?? null,
      c.attributes?.map((a) => `${a.name}:${a.before}→${a.after}`) ?? [],
    ]);
    expect(changes).toEqual([
      ['changed', '申请书', '申请书', ['copies:1→2']],
      ['renamed', '营业执照复印件', '营业执照', []],
      // The fewest moves that explain the new order: 场所证明 went to the front.
      ['moved', '场所证明', '场所证明', []],
      ['removed', '身份证', null, []],
      ['added', null, '承诺书', []],
    ]);
  });
});

describe('tongban diff', () => {
  it('reports each kind of change with the field policy deciding what is a finding', async () => {
    const root = regions({
      a: same,
      b: (item) =>
        item
          .replace('name: 食品经营许可申请书', 'name: 食品经营许可申请表')
          .replace('  - name: 受理\n  - name: 审查\n', '  - name: 审查\n  - name: 受理\n')
          .replace('statutoryLimit: { value: 20,', 'statutoryLimit: { value: 15,')
          .replace('promisedLimit: { value: 5,', 'promisedLimit: { value: 3,'),
    });
    const result = await diffAt(root, 'a', 'b');
    expect(result.pairs).toHaveLength(1);
    const changes = result.pairs[0]!.changes.map((c) => [
      c.element,
      c.standard,
      c.entries?.map((e) => e.kind) ?? `${c.before} → ${c.after}`,
    ]);
    expect(changes).toEqual([
      ['materials', true, ['renamed']],
      ['statutoryLimit', true, '20工作日 → 15工作日'],
      ['process', false, ['moved']],
      ['promisedLimit', false, '5工作日 → 3工作日'],
    ]);
    expect(result.findings).toBe(2);
  });

  it('an item split into handling items on one side and whole on the other: one group, nobody missing', async () => {
    const root = regions({ a: same, b: same });
    const file = path.join(root, 'b', ITEM);
    const whole = readFileSync(file, 'utf8');
    const handling = (name: string, number: string) =>
      whole
        .replace(/^code: "(\w+)"$/m, (_, code: string) => `code: "${code}${number}"`)
        .replace('name: 食品经营许可\n', `name: 食品经营许可（${name}）\nhandlingItem: ${name}\n`);
    writeFileSync(path.join(root, 'b', 'items', 'change.yaml'), handling('变更', '01'));
    writeFileSync(path.join(root, 'b', 'items', 'cancel.yaml'), handling('注销', '02'));
    rmSync(file);
    const result = await diffAt(root, 'a', 'b');
    expect(result.onlyLeft).toEqual([]);
    expect(result.onlyRight).toEqual([]);
    expect(result.groups).toEqual([
      {
        key: '000100001000',
        name: '食品经营许可',
        left: [ITEM],
        right: ['items/cancel.yaml', 'items/change.yaml'],
      },
    ]);
  });

  it('proposes the same item under another code, and notes a code held twice', async () => {
    const root = regions({
      a: same,
      b: (item) =>
        item
          .replace(/basicCode: "000100001000"/, 'basicCode: "000100009000"')
          .replace('name: 食品经营许可\n', 'name: 食品经营许可（含小餐饮）\n'),
    });
    writeFileSync(path.join(root, 'a', 'items', 'copy.yaml'), readFileSync(path.join(root, 'a', ITEM), 'utf8'));
    const result = await diffAt(root, 'a', 'b');
    expect(result.pairs).toEqual([]);
    expect(result.proposals.map((p) => [p.left.key, p.right.key, p.score])).toEqual([
      ['000100001000', '000100009000', 0.71],
    ]);
    expect(result.duplicates).toEqual([
      { side: 'left', key: '000100001000', files: ['items/000100001000.yaml', 'items/copy.yaml'] },
    ]);
  });

  it('compares a basic catalog with an implementation list on the basic elements', async () => {
    const root = regions({ a: (item) => item.replace('name: 食品经营许可\n', 'name: 食品经营许可证核发\n') });
    const result = await diffAt(root, 'basic', 'a');
    expect(result.elements).toEqual(['name', 'type', 'basis', 'levels']);
    expect(result.pairs[0]?.changes.map((c) => [c.element, c.standard])).toEqual([
      ['name', true],
      ['levels', false],
    ]);
    expect(result.onlyLeft.map((i) => i.key)).toEqual(['000100002001', '00010000200Y', '000200001000']);
  });

  it('compares a catalog with itself at a git revision', async () => {
    const root = regions({ a: same });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], {
        cwd: root,
        stdio: 'ignore',
      });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'one');
    const file = path.join(root, 'a', ITEM);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('statutoryLimit: { value: 20,', 'statutoryLimit: { value: 30,'),
    );
    const viaFlag = await diffAt(root, 'a', undefined, 'HEAD');
    const viaSyntax = await diffAt(root, 'HEAD:a', 'a');
    for (const result of [viaFlag, viaSyntax])
      expect(result.pairs[0]?.changes.map((c) => `${c.element} ${c.before} → ${c.after}`)).toEqual([
        'statutoryLimit 20工作日 → 30工作日',
      ]);
    expect(viaSyntax.left.label).toBe('HEAD:a');
    const badRef = await diffAt(root, 'nope:a', 'a').catch((e: unknown) => e);
    expect((badRef as UsageError).messageCode).toBe('usage/git');
  });

  it('a side that does not exist is a usage error', async () => {
    const root = regions({ a: same });
    expect(((await diffAt(root, 'a', 'nowhere').catch((e: unknown) => e)) as UsageError).messageCode).toBe(
      'usage/path-not-found',
    );
  });

  it('CSV opens in Excel and cannot smuggle formulas', async () => {
    const root = regions({
      a: same,
      b: (item) => item.replace('name: 食品经营许可申请书', 'name: "=HYPERLINK(\\"http://x\\")"'),
    });
    const csv = diffCsv(await diffAt(root, 'a', 'b'), { lang: 'en', color: false, version: '0' });
    expect(csv.startsWith('\uFEFFbasic code,name,element')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});

describe('tongban compare', () => {
  it('finds the majority, who deviates, and scores items, elements and regions', async () => {
    const root = regions({ a: same, b: same, c: (item) => item.replace('name: 食品经营许可申请书', 'name: 申请书') });
    const result = await compareAt(root, ['a', 'b', 'c', 'basic']);
    expect(result.regions).toEqual(['a', 'b', 'c']);
    const row = result.rows[0]!;
    expect(row.deviations.map((d) => [d.region, d.element])).toEqual([['c', 'materials']]);
    expect(row.reference.name).toEqual({ value: '食品经营许可', from: 'basic' });
    expect(row.reference.materials?.from).toBe('majority');
    // Shares are rounded down: only a unanimous one is 1.
    expect(result.regionScores).toEqual({ a: 1, b: 1, c: 0.888 });
    expect(result.elementScores.materials).toBe(0.666);
  });

  it('two regions that disagree have no majority: both deviate', async () => {
    const root = regions({
      a: same,
      b: (item) => item.replace('statutoryLimit: { value: 20,', 'statutoryLimit: { value: 30,'),
    });
    const result = await compareAt(root, ['a', 'b']);
    expect(result.rows[0]?.deviations.map((d) => [d.region, d.element])).toEqual([
      ['a', 'statutoryLimit'],
      ['b', 'statutoryLimit'],
    ]);
    expect(result.rows[0]?.reference.statutoryLimit).toEqual({ value: undefined, from: 'none' });
  });
});
