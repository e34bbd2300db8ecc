/**
 * `tongban compare` against scores worked out by hand (test/fixtures/compare-scores/README.md says what
 * each item is built to show): only stated values are scored, an element stated by one region alone is
 * not, a tie has no majority, materials agree by name and by the copies both state, and a score below 1
 * is never shown as 100%. `diff` agrees with it on the same pair.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ratio } from '../src/core/diff/consistency.js';
import { percent } from '../src/reporters/shared/percent.js';
import { ROOT, tongban } from './helpers/cli.js';

const DIR = path.join(ROOT, 'test', 'fixtures', 'compare-scores');

interface Row {
  key: string;
  score: number | null;
  cells: Record<string, Record<string, string>>;
}

describe('compare scores, worked by hand', () => {
  it('scores items, regions and elements as the worked example says', async () => {
    const result = await tongban(['compare', 'a', 'b', 'c', '-f', 'json'], { cwd: DIR });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      score: number;
      regionScores: Record<string, number>;
      elementScores: Record<string, number>;
      rows: Row[];
    };
    const row = (key: string) => report.rows.find((r) => r.key === key) as Row;

    // 000100001000: 18 of 22 scored cells agree.
    expect(row('000100001000').score).toBe(0.818);
    expect(row('000100001000').cells.c).toMatchObject({
      serviceObjects: 'absent',
      basis: 'deviate',
      materials: 'agree',
    });
    expect(row('000100001000').cells.a).toMatchObject({ materials: 'deviate', conditions: 'agree' });
    expect(row('000100001000').cells.b).toMatchObject({ materials: 'deviate', fee: 'absent', conditions: 'agree' });
    // Stated by nobody: not stated, not a cell that agrees.
    expect(row('000100001000').cells.a?.results).toBe('absent');
    // 000100002000: name, type and basis agree in both; the statutory limits tie, so both deviate: 6 of 8.
    expect(row('000100002000').score).toBe(0.75);
    expect(row('000100002000').cells.a?.statutoryLimit).toBe('deviate');
    // 000100003000: only c has it; nothing to compare with.
    expect(row('000100003000').score).toBeNull();
    expect(row('000100003000').cells.c).toMatchObject({ name: 'alone', basis: 'alone' });

    expect(report.regionScores).toEqual({ a: 0.833, b: 0.818, c: 0.714 });
    expect(report.score).toBe(0.8);
    expect(report.elementScores).toEqual({
      name: 1,
      type: 1,
      basis: 0.8,
      serviceObjects: 1,
      conditions: 1,
      materials: 0.333,
      statutoryLimit: 0.4,
      fee: 1,
    });
  });

  it('shows the same scores on the terminal, none below 1 as 100%', async () => {
    const result = await tongban(['compare', 'a', 'b', 'c'], { cwd: DIR });
    expect(result.stdout).toMatch(/3 regions, 3 items, standard elements consistent: 80%/);
    expect(result.stdout).toMatch(/materials\s+33\.3%/);
    expect(result.stdout).toMatch(/statutory limit\s+40%/);
  });

  it('agrees with diff: the copies a and b disagree on are a standard difference there too', async () => {
    const result = await tongban(['diff', 'a', 'b', '-f', 'json'], { cwd: DIR });
    const report = JSON.parse(result.stdout) as {
      pairs: {
        key: string;
        changes: { element: string; standard: boolean; entries?: { attributes?: { name: string }[] }[] }[];
      }[];
    };
    const materials = report.pairs
      .find((p) => p.key === '000100001000')
      ?.changes.find((c) => c.element === 'materials');
    expect(materials?.standard).toBe(true);
    expect(materials?.entries?.[0]?.attributes?.map((a) => a.name)).toEqual(['copies']);
    // What b does not state (the fee) is shown but is not a standard difference.
    const fee = report.pairs.find((p) => p.key === '000100001000')?.changes.find((c) => c.element === 'fee');
    expect(fee?.standard).toBe(false);
    // a and c: c states no copies, so their materials agree in diff as in compare.
    const ac = JSON.parse((await tongban(['diff', 'a', 'c', '-f', 'json'], { cwd: DIR })).stdout) as typeof report;
    expect(ac.pairs.find((p) => p.key === '000100001000')?.changes.map((c) => c.element)).not.toContain('materials');
  });

  it('never rounds a non-unanimous share up to 100%', () => {
    expect(ratio(999, 1000)).toBe(0.999);
    expect(ratio(9996, 10000)).toBe(0.999);
    expect(ratio(5, 5)).toBe(1);
    expect(percent(ratio(9996, 10000))).toBe('99.9%');
    expect(percent(ratio(2, 3))).toBe('66.6%');
    expect(percent(1)).toBe('100%');
    expect(percent(undefined)).toBe('—');
  });
});
