/**
 * diff, compare and stats hold fingerprints and counts, not items (issue 14): their reports must be what
 * they were when every item was held. The reports in test/fixtures/scale-equivalence were written by
 * tongban before the change (generate.mjs; cases.mjs lists them); in-process, the same comparisons with
 * fingerprints and with every item loaded must agree, and fingerprints must spare most loads.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffCatalogs, type DiffSide, type SideEntry } from '../src/core/diff/catalog-diff.js';
import { compareCatalogs } from '../src/core/diff/consistency.js';
import { hashValue, UNSTATED } from '../src/core/diff/element-hashes.js';
import { readDiffSide } from '../src/io/read-diff-side.js';
import { openWorkspace } from '../src/io/workspace.js';
import { fieldPolicy } from '../src/app/shared/field-policy.js';
import { ROOT, tongban } from './helpers/cli.js';
// @ts-expect-error: a plain module shared with generate.mjs
import { CASES, IMPORTS } from './fixtures/scale-equivalence/cases.mjs';

const HERE = path.join(ROOT, 'test', 'fixtures', 'scale-equivalence');
const cases = CASES as { name: string; root: 'samples' | 'scores' | 'real'; args: string[] }[];
const roots: Record<string, string> = { samples: ROOT, scores: path.join(ROOT, 'test', 'fixtures', 'compare-scores') };

beforeAll(async () => {
  const real = mkdtempSync(path.join(tmpdir(), 'tongban-equivalence-'));
  cpSync(path.join(ROOT, 'test', 'fixtures', 'real-shapes'), path.join(real, 'exports'), { recursive: true });
  for (const args of IMPORTS as string[][]) expect([0, 1]).toContain((await tongban(args, { cwd: real })).code);
  roots.real = real;
}, 120_000);

describe('reports as before fingerprints', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, { name, root, args }) => {
    const result = await tongban([...args, '-f', 'json'], { cwd: roots[root] as string });
    expect([0, 1]).toContain(result.code);
    const expected: unknown = JSON.parse(readFileSync(path.join(HERE, `${name}.json`), 'utf8'));
    expect(JSON.parse(result.stdout)).toEqual(expected);
  });
});

/** The side with a counter of the items it loads; `plain` drops the fingerprints (every pair is loaded). */
function counted(side: DiffSide, plain: boolean): { side: DiffSide; loads: () => number } {
  let loads = 0;
  const items = side.items.map((entry): SideEntry => {
    const copy: SideEntry = {
      ...entry,
      data: () => {
        loads++;
        return entry.data();
      },
    };
    if (plain) {
      delete copy.hashes;
      delete copy.kept;
    }
    return copy;
  });
  return { side: { ...side, items }, loads: () => loads };
}

describe('fingerprints against every item loaded', () => {
  const sides = async (root: string, folders: string[]) => {
    const workspace = await openWorkspace({ cwd: root, config: false });
    return { workspace, read: folders.map((folder) => readDiffSide(workspace, folder)) };
  };

  it.each([
    ['samples', ['catalogs/shenzhen', 'catalogs/wuhou', 'catalogs/guangdong']],
    ['real', ['gd', 'sz', 'sc']],
    ['scores', ['a', 'b', 'c']],
  ])('diff and compare of %s agree, with fewer items loaded', async (root, folders) => {
    const { workspace, read } = await sides(roots[root] as string, folders);
    const policy = fieldPolicy(workspace);
    const [a, b, c] = read.map((r) => r.side) as [DiffSide, DiffSide, DiffSide];
    const [fa, fb, fc] = [a, b, c].map((s) => counted(s, false));
    const [pa, pb, pc] = [a, b, c].map((s) => counted(s, true));
    expect(diffCatalogs(fa!.side, fb!.side, policy)).toEqual(diffCatalogs(pa!.side, pb!.side, policy));
    expect(diffCatalogs(fb!.side, fc!.side, policy)).toEqual(diffCatalogs(pb!.side, pc!.side, policy));
    expect(compareCatalogs([fa!.side, fb!.side, fc!.side], undefined, policy)).toEqual(
      compareCatalogs([pa!.side, pb!.side, pc!.side], undefined, policy),
    );
    const loads = (sides: { loads: () => number }[]) => sides.reduce((sum, s) => sum + s.loads(), 0);
    expect(loads([fa!, fb!, fc!])).toBeLessThan(loads([pa!, pb!, pc!]));
    for (const r of read) r.close();
  });

  it('a catalog with itself loads nothing', async () => {
    const { workspace, read } = await sides(ROOT, ['catalogs/shenzhen', 'catalogs/shenzhen']);
    const [a, b] = read.map((r) => counted(r.side, false));
    const result = diffCatalogs(a!.side, b!.side, fieldPolicy(workspace));
    expect(result.pairs.length).toBeGreaterThan(0);
    expect(result.pairs.every((p) => p.changes.length === 0)).toBe(true);
    expect(a!.loads() + b!.loads()).toBe(0);
  });

  it('an item changed between its two reads is refused, not compared half old and half new', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tongban-equivalence-'));
    for (const name of ['a', 'b'])
      cpSync(path.join(roots.scores as string, name), path.join(root, name), { recursive: true });
    const { read } = await sides(root, ['a', 'b']);
    const entry = read[1]?.side.items[0] as SideEntry;
    const file = path.join(root, 'b', entry.file);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^name: .*$/m, 'name: 改过的名称'));
    expect(() => entry.data()).toThrow(/changed while/);
  });
});

describe('element hashes', () => {
  it('tell apart values that JSON or String would confuse, and keep key order', () => {
    const distinct: unknown[] = [
      1,
      '1',
      null,
      'null',
      NaN,
      true,
      'true',
      [1, 2],
      [2, 1],
      ['1,2'],
      { a: 1, b: 2 },
      { b: 2, a: 1 },
      new Date(0),
      new Date(0).toISOString(),
      0,
      -0,
      '',
      [],
      {},
    ];
    const hashes = distinct.map(hashValue);
    expect(new Set(hashes).size).toBe(distinct.length);
    expect(hashValue(undefined)).toBe(UNSTATED);
    expect(hashValue({ a: [1, { b: 'x' }] })).toBe(hashValue({ a: [1, { b: 'x' }] }));
    // A value it cannot describe is equal to nothing, itself included: such pairs are always compared.
    expect(hashValue({ f: () => 1 })).toBeNaN();
  });
});
