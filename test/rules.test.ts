/** Every rule against its fixture cases: the findings must be exactly the ones marked in the case files. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateAt } from './helpers/api.js';
import { materialise } from './helpers/fixtures.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'validate');
const BASE = path.join(FIXTURES, 'base');
const CASES = path.join(FIXTURES, 'cases');

describe('the base fixture', () => {
  it('is valid, so every finding in a case comes from the case', async () => {
    const report = await validateAt(BASE, [BASE]);
    expect(report.diagnostics).toEqual([]);
  });
});

for (const rule of readdirSync(CASES).sort()) {
  describe(rule, () => {
    for (const outcome of readdirSync(path.join(CASES, rule)).sort()) {
      it(outcome, async () => {
        const { root, expected } = materialise(BASE, path.join(CASES, rule, outcome));
        if (outcome.startsWith('fail'))
          expect(expected.length, 'a fail case marks at least one finding').toBeGreaterThan(0);
        else expect(expected, 'a pass case marks no findings').toEqual([]);
        const report = await validateAt(root, [root]);
        const actual = report.diagnostics.map((d) => ({
          file: d.file,
          line: d.range?.start.line,
          column: d.range?.start.column,
          code: d.code,
        }));
        const order = (a: { file: string; line?: number; column?: number; code: string }, b: typeof a) =>
          a.file.localeCompare(b.file) ||
          (a.line ?? 0) - (b.line ?? 0) ||
          (a.column ?? 0) - (b.column ?? 0) ||
          a.code.localeCompare(b.code);
        expect(actual.sort(order)).toEqual([...expected].sort(order));
      });
    }
  });
}
