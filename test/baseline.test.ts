/** Baselines: accepted findings survive unrelated edits; new findings fail; fixed ones are reported. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, saveBaseline } from '../src/index.js';
import { validateAt, workspaceAt } from './helpers/api.js';

const BASE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'validate', 'base');
const IMPL = 'impl/items/000100001000.yaml';

function project(): { root: string; edit: (change: (item: string) => string) => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-baseline-'));
  cpSync(BASE, root, { recursive: true });
  const file = path.join(root, IMPL);
  return { root, edit: (change) => writeFileSync(file, change(readFileSync(file, 'utf8'))) };
}

const check = (root: string) => validateAt(root, ['.'], { config: false, baseline: 'ci/baseline.json' });

describe('baseline', () => {
  it('accepts recorded findings, even after unrelated edits move them', async () => {
    const { root, edit } = project();
    // Two findings today: a phone without area code, and a fee item without basis.
    edit((item) =>
      item
        .replace('0755-83001117', '"83001117"')
        .replace(
          'fee: { charged: false }',
          'fee:\n  charged: true\n  items:\n    - name: 工本费\n      standard: 10 元',
        ),
    );
    const today = await validateAt(root, ['.'], { config: false });
    expect(today.diagnostics.map((d) => d.code)).toEqual(['fee/basis-missing', 'contact/area-code']);
    expect(saveBaseline(await workspaceAt(root, false), today, 'ci/baseline.json')).toBe(2);
    const saved = JSON.parse(readFileSync(path.join(root, 'ci', 'baseline.json'), 'utf8'));
    expect(saved.entries.map((e: { file: string; path: string }) => [e.file, e.path])).toEqual([
      ['../impl/items/000100001000.yaml', '/contacts/consultation/phone'],
      ['../impl/items/000100001000.yaml', '/fee/items/*'],
    ]);

    // Lines shift and a fee item is inserted before the offending one: still the same two findings.
    edit(
      (item) =>
        '# 备注：示例\n' +
        item.replace('  items:\n', '  items:\n    - name: 证书费\n      standard: 5 元\n      basis: 某规定\n'),
    );
    const later = await check(root);
    expect(later.diagnostics).toEqual([]);
    expect(later.baseline).toMatchObject({ known: 2, fixed: [] });
  });

  it('reports new findings and fixed ones', async () => {
    const { root, edit } = project();
    edit((item) => item.replace('0755-83001117', '"83001117"'));
    saveBaseline(await workspaceAt(root, false), await validateAt(root, ['.'], { config: false }), 'ci/baseline.json');
    edit((item) =>
      item.replace('"83001117"', '0755-83001117').replace('promisedLimit: { value: 5,', 'promisedLimit: { value: 30,'),
    );
    const result = await check(root);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['limit/promised-exceeds-statutory']);
    expect(result.baseline?.known).toBe(0);
    expect(result.baseline?.fixed.map((e) => e.code)).toEqual(['contact/area-code']);
  });

  it('counts identical findings, so a second copy is new', async () => {
    const { root, edit } = project();
    edit((item) =>
      item.replace(
        'fee: { charged: false }',
        'fee:\n  charged: true\n  items:\n    - name: 工本费\n      standard: 10 元',
      ),
    );
    saveBaseline(await workspaceAt(root, false), await validateAt(root, ['.'], { config: false }), 'ci/baseline.json');
    edit((item) =>
      item.replace('      standard: 10 元', '      standard: 10 元\n    - name: 工本费\n      standard: 10 元'),
    );
    const result = await check(root);
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([['fee/basis-missing', '/fee/items/1']]);
  });

  it('a hand-broken baseline file gets a located error', async () => {
    const { root } = project();
    saveBaseline(await workspaceAt(root, false), await validateAt(root, ['.'], { config: false }), 'ci/baseline.json');
    writeFileSync(
      path.join(root, 'ci', 'baseline.json'),
      '{\n  "version": 1,\n  "entries": [\n    { "code": "x", "file": "f", "path": "", "value": "", "count": 0 }\n  ]\n}\n',
    );
    const error = await check(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).findings.map((f) => [f.code, f.file, f.range?.start.line])).toEqual([
      ['schema/range', 'ci/baseline.json', 4],
    ]);
  });
});
