/** --cache never changes a result: every fixture case, and edits between runs, give what a run without it gives. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateAt } from './helpers/api.js';
import { materialise } from './helpers/fixtures.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'validate');
const BASE = path.join(FIXTURES, 'base');
const IMPL = 'impl/items/000100001000.yaml';

async function outcome(root: string, cache?: string) {
  const result = await validateAt(root, ['.'], { config: false, ...(cache ? { cache } : {}) });
  return {
    diagnostics: result.diagnostics,
    files: result.files,
    itemCount: result.itemCount,
    suppressed: result.suppressedCount,
  };
}

describe('cache equivalence', () => {
  it('every rule fixture case: cold and warm cached runs equal an uncached run', async () => {
    const cases = readdirSync(path.join(FIXTURES, 'cases')).flatMap((rule) =>
      readdirSync(path.join(FIXTURES, 'cases', rule)).map((c) => path.join(FIXTURES, 'cases', rule, c)),
    );
    expect(cases.length).toBeGreaterThan(60);
    for (const caseDir of cases) {
      const { root } = materialise(BASE, caseDir);
      const cache = path.join(root, '.cache');
      const plain = await outcome(root);
      expect(await outcome(root, cache), caseDir).toEqual(plain);
      expect(await outcome(root, cache), caseDir).toEqual(plain);
    }
  });

  it('edits, touches, deletions and additions between cached runs', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tongban-cache-'));
    cpSync(BASE, root, { recursive: true });
    const cache = path.join(root, '.cache');
    const item = path.join(root, IMPL);
    const same = async () => expect(await outcome(root, cache)).toEqual(await outcome(root));

    await same();
    // Same size, new content: the run-level check must not trust size alone.
    writeFileSync(item, readFileSync(item, 'utf8').replace('promisedLimit: { value: 5,', 'promisedLimit: { value: 7,'));
    await same();
    // A finding appears.
    writeFileSync(
      item,
      readFileSync(item, 'utf8').replace('promisedLimit: { value: 7,', 'promisedLimit: { value: 70,'),
    );
    const withFinding = await outcome(root, cache);
    expect(withFinding.diagnostics.map((d) => d.code)).toEqual(['limit/promised-exceeds-statutory']);
    await same();
    // Only the mtime changes (a checkout): content hash matches, result unchanged.
    utimesSync(item, new Date(), new Date(Date.now() + 5_000));
    await same();
    // A basic item the implementation item depends on changes: conformance must be re-checked.
    const basic = path.join(root, 'basic/items/000100001000.yaml');
    writeFileSync(basic, readFileSync(basic, 'utf8').replace('name: 食品经营许可', 'name: 食品经营许可（新）'));
    expect((await outcome(root, cache)).diagnostics.map((d) => d.code)).toContain('basic/name-mismatch');
    await same();
    // A file is added, then one is removed.
    writeFileSync(
      path.join(root, 'basic/items/zz.yaml'),
      readFileSync(basic, 'utf8').replace('"000100001000"', '"000100009000"'),
    );
    await same();
    rmSync(path.join(root, 'basic/items/zz.yaml'));
    await same();
  });

  it('a catalog of several stored parts: a file added at the start shifts the others between parts', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tongban-cache-parts-'));
    cpSync(BASE, root, { recursive: true });
    const cache = path.join(root, '.cache');
    const item = readFileSync(path.join(root, IMPL), 'utf8');
    // 2,300 items: three parts of a thousand; some with a finding.
    for (let i = 0; i < 2300; i++) {
      const text = i % 97 === 0 ? item.replace('promisedLimit: { value: 5,', 'promisedLimit: { value: 70,') : item;
      writeFileSync(path.join(root, `impl/items/m${String(i).padStart(4, '0')}.yaml`), text);
    }
    const same = async () => expect(await outcome(root, cache)).toEqual(await outcome(root));
    await same();
    expect(readdirSync(cache).filter((f) => f.startsWith('parse-')).length).toBeGreaterThanOrEqual(4);
    await same();
    // Sorted first: every file after it moves one place, some into the next part.
    writeFileSync(
      path.join(root, 'impl/items/a0.yaml'),
      item.replace('promisedLimit: { value: 5,', 'promisedLimit: { value: 71,'),
    );
    await same();
    rmSync(path.join(root, 'impl/items/m0500.yaml'));
    await same();
  }, 60_000);

  it('a corrupt cache is ignored, not fatal', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tongban-cache-'));
    cpSync(BASE, root, { recursive: true });
    const cache = path.join(root, '.cache');
    await outcome(root, cache);
    for (const file of readdirSync(cache)) writeFileSync(path.join(cache, file), '{ not json');
    expect(await outcome(root, cache)).toEqual(await outcome(root));
  });
});
