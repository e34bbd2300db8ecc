/**
 * Random input through validate, import, diff and compare (fast-check, in-process): whatever the bytes,
 * YAML, CSV, JSON or mapping, the CLI ends with a clear result or a clear error — never an internal error
 * — and writes nothing outside the folder it was given. Bounded in time for CI.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ROOT, tongban } from './helpers/cli.js';

const BASE = path.join(ROOT, 'test', 'fixtures', 'validate', 'base');
const ITEM = readFileSync(path.join(BASE, 'impl', 'items', '000100001000.yaml'), 'utf8');

/** A fresh project in its own folder, with a sibling folder that must stay exactly as it is. */
function sandbox(): { root: string; outside: string; snapshot: () => string } {
  const parent = mkdtempSync(path.join(tmpdir(), 'tongban-fuzz-'));
  const root = path.join(parent, 'project');
  const outside = path.join(parent, 'outside');
  cpSync(BASE, root, { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'keep.txt'), 'keep');
  const snapshot = () =>
    JSON.stringify([
      readdirSync(parent).sort(),
      readdirSync(outside).sort(),
      readFileSync(path.join(outside, 'keep.txt'), 'utf8'),
    ]);
  return { root, outside, snapshot };
}

/** Runs the CLI and checks what every run must satisfy; returns the run. */
async function safely(root: string, snapshot: () => string, args: string[]) {
  const before = snapshot();
  const run = await tongban(args, { cwd: root });
  expect(run.stderr, `${args.join(' ')}\n${run.stderr}`).not.toMatch(/internal error|内部错误|at .*\(.*\.ts:\d+/);
  expect([0, 1, 2]).toContain(run.code);
  expect(snapshot()).toBe(before);
  return run;
}

const SETTINGS = { numRuns: 400, interruptAfterTimeLimit: 12_000 } as const;

/** Text that looks like what real files hold: YAML punctuation, Chinese, control characters, quotes. */
const yamlish = fc.string({
  unit: fc.constantFrom(
    ...'abc:- \n\t[]{}&*!|>\'"#%@`,?=~0123456789名称事项许可\u0000\u001b\ufeff\r'.split(''),
    '---',
    '<<',
    'code: ',
    'name: ',
  ),
  maxLength: 300,
});

/** An item with random values under its real keys, or random keys. */
const randomItem = fc.oneof(
  fc.dictionary(
    fc.constantFrom('code', 'basicCode', 'name', 'type', 'levels', 'materials', 'visits', 'online', 'fee', 'agency'),
    fc.jsonValue({ maxDepth: 3 }),
  ),
  fc.object({ maxDepth: 3 }),
);

describe('fuzz', () => {
  it('validate: random bytes and YAML as an item file', { timeout: 60_000 }, async () => {
    const { root, snapshot } = sandbox();
    const file = path.join(root, 'impl', 'items', 'fuzz.yaml');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
          yamlish,
        ),
        async (content) => {
          writeFileSync(file, content);
          await safely(root, snapshot, ['validate', '.', '-f', 'json']);
        },
      ),
      SETTINGS,
    );
  });

  it('validate, diff and compare: items with random values', { timeout: 60_000 }, async () => {
    const { root, snapshot } = sandbox();
    cpSync(path.join(root, 'impl'), path.join(root, 'impl2'), { recursive: true });
    await fc.assert(
      fc.asyncProperty(randomItem, randomItem, async (left, right) => {
        writeFileSync(path.join(root, 'impl', 'items', 'fuzz.yaml'), stringify(left));
        writeFileSync(path.join(root, 'impl2', 'items', 'fuzz.yaml'), stringify(right));
        await safely(root, snapshot, ['validate', '.', '-f', 'json']);
        await safely(root, snapshot, ['diff', 'impl', 'impl2', '-f', 'json']);
        await safely(root, snapshot, ['compare', 'impl', 'impl2', '-f', 'csv']);
        await safely(root, snapshot, ['stats', 'impl', '-f', 'json']);
      }),
      { ...SETTINGS, numRuns: 150 },
    );
  });

  it('import: random CSV, JSON and JSON Lines', { timeout: 60_000 }, async () => {
    const { root, snapshot } = sandbox();
    const csvCell = fc.string({ unit: fc.constantFrom(...'a,;"\n\r\t 名称０1-=+@\'|'.split('')), maxLength: 30 });
    const csv = fc
      .array(fc.array(csvCell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 })
      .map((rows) => ['事项名称,基本编码,实施编码,法定办结时限', ...rows.map((r) => r.join(','))].join('\n'));
    const json = fc.array(randomItem, { maxLength: 4 }).map((rows) => JSON.stringify(rows));
    const jsonl = fc
      .array(
        fc.oneof(
          randomItem.map((r) => JSON.stringify(r)),
          yamlish,
        ),
        { maxLength: 4 },
      )
      .map((l) => l.join('\n'));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          csv.map((t) => ['rows.csv', t]),
          json.map((t) => ['rows.json', t]),
          jsonl.map((t) => ['rows.jsonl', t]),
        ),
        async ([name, text]) => {
          rmSync(path.join(root, 'out'), { recursive: true, force: true });
          mkdirSync(path.join(root, 'out'));
          writeFileSync(path.join(root, 'out', 'catalog.yaml'), readFileSync(path.join(BASE, 'impl', 'catalog.yaml')));
          writeFileSync(path.join(root, name as string), text as string);
          const map = name === 'rows.csv' ? 'national' : 'tongban';
          await safely(root, snapshot, ['import', name as string, '--map', map, '--out', 'out', '-f', 'json']);
        },
      ),
      SETTINGS,
    );
  });

  it('import: random mapping files', { timeout: 60_000 }, async () => {
    const { root, snapshot } = sandbox();
    writeFileSync(path.join(root, 'rows.csv'), '事项名称,实施编码\n甲,1144030009719080703000100009000\n');
    const target = fc.oneof(
      fc.constantFrom('name', 'code', 'agency.uscc', '__proto__.x', 'constructor.prototype.x', 'prototype', 'a..b', ''),
      fc.string({ maxLength: 12 }),
    );
    const rule = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.record({
        column: fc.string({ maxLength: 8 }),
        transform: fc.constantFrom('text', 'integer', 'timeLimit', 'json', 'nope'),
      }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    const mapping = fc.record({
      kind: fc.constantFrom('implementation', 'basic', 'other'),
      fields: fc.dictionary(target, rule, { maxKeys: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          mapping.map((m) => stringify(m)),
          yamlish,
        ),
        async (text) => {
          writeFileSync(path.join(root, 'map.yaml'), text);
          await safely(root, snapshot, ['import', 'rows.csv', '--map', 'map.yaml', '--out', 'impl']);
          // A key such as __proto__.x must never reach Object.prototype.
          expect(({} as Record<string, unknown>).x).toBeUndefined();
        },
      ),
      SETTINGS,
    );
  });

  it('the checks can fail: an internal error is caught', async () => {
    const { root, snapshot } = sandbox();
    writeFileSync(path.join(root, 'impl', 'items', '000100001000.yaml'), ITEM);
    await expect(
      (async () => {
        const before = snapshot();
        writeFileSync(path.join(path.dirname(root), 'outside', 'new.txt'), 'x');
        expect(snapshot()).toBe(before);
      })(),
    ).rejects.toThrow();
  });
});
