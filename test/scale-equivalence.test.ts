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
import { stats } from '../src/app/stats.js';
import type { ImplementationItem, Incomplete } from '../src/core/model.js';
import { DISK_READER, readUsable } from '../src/io/item-reader.js';
import { jsonPieces, jsonText } from '../src/reporters/shared/json.js';
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

/** The measures as computed before stats streamed (src/core/stats/measures.ts at c9405a2), over a list. */
function measureAsBefore(items: readonly Incomplete<ImplementationItem>[]) {
  type Item = Incomplete<ImplementationItem>;
  const share = (count: number, total: number) =>
    total === 0 ? undefined : count === total ? 1 : Math.floor((count / total) * 1000) / 1000;
  const average = (values: number[]) =>
    values.length === 0 ? undefined : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1000) / 1000;
  const shareOf = <T>(value: (item: Item) => T | undefined, test: (value: T) => boolean) => {
    const stated = items.map(value).filter((v): v is T => v !== undefined);
    return { rate: share(stated.filter(test).length, stated.length), known: stated.length };
  };
  const online = shareOf(
    (i) => i.online?.depth,
    (d) => d >= 3,
  );
  const fullyOnline = shareOf(
    (i) => i.online?.depth,
    (d) => d === 4,
  );
  const zeroVisits = shareOf(
    (i) => i.visits,
    (v) => v === 0,
  );
  const atMostOne = shareOf(
    (i) => i.visits,
    (v) => v <= 1,
  );
  const immediate = shareOf(
    (i) => i.handlingType,
    (t) => t === '即办件',
  );
  const fees = shareOf(
    (i) => i.fee?.charged,
    (charged) => charged,
  );
  const withMaterials = items.filter((i) => i.materials !== undefined);
  const materials = withMaterials.flatMap((i) => i.materials ?? []);
  const compression = items.flatMap((i) => {
    const [statutory, promised] = [i.statutoryLimit, i.promisedLimit];
    if (statutory?.value === undefined || promised?.value === undefined || !(statutory.value > 0)) return [];
    return promised.unit === statutory.unit ? [1 - promised.value / statutory.value] : [];
  });
  let counted = 0;
  let uncounted = 0;
  let timed = 0;
  for (const item of items) {
    const unit = item.statutoryLimit?.unit;
    if (unit === undefined || item.statutoryLimit?.value === undefined) continue;
    timed++;
    counted += item.statutoryLimit.value;
    for (const step of item.specialSteps ?? [])
      if (step.counted === false) uncounted += step.timeLimit?.unit === unit ? (step.timeLimit.value ?? 0) : 0;
  }
  return {
    items: items.length,
    onlineRate: online.rate,
    fullyOnlineRate: fullyOnline.rate,
    zeroVisitRate: zeroVisits.rate,
    atMostOneVisitRate: atMostOne.rate,
    immediateRate: immediate.rate,
    materialsPerItem:
      withMaterials.length === 0 ? undefined : Math.round((materials.length / withMaterials.length) * 100) / 100,
    eLicenceRate: share(materials.filter((m) => m.eLicence === true).length, materials.length),
    timeCompression: average(compression),
    uncountedTimeShare: timed === 0 ? undefined : share(uncounted, counted + uncounted),
    feeRate: fees.rate,
    known: {
      onlineRate: online.known,
      fullyOnlineRate: fullyOnline.known,
      zeroVisitRate: zeroVisits.known,
      atMostOneVisitRate: atMostOne.known,
      immediateRate: immediate.known,
      materialsPerItem: withMaterials.length,
      eLicenceRate: materials.length,
      timeCompression: compression.length,
      uncountedTimeShare: timed,
      feeRate: fees.known,
    },
  };
}

describe('stats counted as items are read', () => {
  it.each([
    ['real', ['gd', 'sz', 'sc']],
    ['samples', ['catalogs/shenzhen', 'catalogs/wuhou', 'catalogs/guangdong']],
  ])('measure %s as the whole lists did, per catalog and per level', async (root, folders) => {
    const workspace = await openWorkspace({ cwd: roots[root] as string, config: false });
    const result = await stats(workspace, { paths: folders });
    const byLevel = new Map<string, Incomplete<ImplementationItem>[]>();
    for (const [index, catalog] of workspace.catalogs(folders).requested.entries()) {
      const read = readUsable(DISK_READER, catalog, 'implementation', workspace.schemas);
      const all = read.items.map((i) => i.data);
      const items = all.filter((item) => item.status !== '取消');
      expect(result.catalogs[index]?.measures).toEqual(measureAsBefore(items));
      expect(result.catalogs[index]?.retired).toBe(all.length - items.length);
      const level = typeof catalog.meta?.level === 'string' ? catalog.meta.level : '—';
      byLevel.set(level, [...(byLevel.get(level) ?? []), ...items]);
    }
    expect(result.byLevel).toEqual([...byLevel].map(([level, items]) => ({ level, measures: measureAsBefore(items) })));
  });
});

describe('JSON reports in pieces', () => {
  it('join to exactly the text of the whole report', () => {
    const values: Record<string, unknown>[] = [
      {},
      { a: [] },
      { a: undefined, b: () => 1, c: [undefined, () => 1, { d: undefined }] },
      { rows: [{ x: 'a\u009bb', y: [1, { z: null }] }, 'c\u007f'], 'k\u0085': { n: [[], {}] }, date: new Date(0) },
      { rows: [[1, [2, [3]]]], s: 'line\nbreak', e: '' },
    ];
    for (const value of values) expect([...jsonPieces(value)].join('')).toBe(jsonText(value) + '\n');
  });

  it('are what compare and diff write to a file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tongban-equivalence-'));
    const file = path.join(dir, 'compare.json');
    const result = await tongban(['compare', 'a', 'b', 'c', '-f', 'json', '-o', file], { cwd: roots.scores as string });
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(
      JSON.parse(readFileSync(path.join(HERE, 'scores-compare.json'), 'utf8')),
    );
    const whole = await tongban(['compare', 'a', 'b', 'c', '-f', 'json'], { cwd: roots.scores as string });
    expect(readFileSync(file, 'utf8')).toBe(whole.stdout);
  });
});
