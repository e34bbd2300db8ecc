/**
 * kill -9 at 100 points of `code assign` and `code retire` (fault points enabled by TONGBAN_FAULT only in
 * tests, src/io/fault.ts; the built package, npm test builds first): the next run always leaves a
 * consistent catalog — `code check` clean, no temporary file, no journal, every item coded once.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, tongban } from './helpers/cli.js';

const BIN = path.join(ROOT, 'bin', 'tongban.js');
const NEW_ITEMS = 4;

/** A small deterministic generator, so a failing run can be repeated (the seed is in the test name). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const newItem = (i: number) => `name: 新事项${i}\ntype: 行政许可\nlevels: [市级]\nbasis:\n  - law: 《某法》\n`;

/** The base fixture with four uncoded items; `coded` runs assign once first (for retire). */
function project(coded: boolean): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-crash-'));
  cpSync(path.join(ROOT, 'test', 'fixtures', 'validate', 'base'), root, { recursive: true });
  for (let i = 0; i < NEW_ITEMS; i++) writeFileSync(path.join(root, 'basic', 'items', `new-${i}.yaml`), newItem(i));
  if (coded) spawnSync(process.execPath, [BIN, 'code', 'assign', 'basic'], { cwd: root });
  return root;
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

const POINTS = [
  ...Array.from({ length: 9 }, (_, i) => `journal-step:${i + 1}`),
  'journal-done:1',
  ...Array.from({ length: 6 }, (_, i) => `before-rename:${i + 1}`),
];

describe('kill -9 at any point', () => {
  const seed = 20261203;
  it(
    `100 random points of assign and retire, then a re-run: consistent (seed ${seed})`,
    { timeout: 240_000 },
    async () => {
      const next = random(seed);
      const killed: string[] = [];
      const fresh = { assign: project(false), retire: project(true) };
      for (let round = 0; round < 100; round++) {
        const command = next() < 0.7 ? 'assign' : 'retire';
        const point = POINTS[Math.floor(next() * POINTS.length)] as string;
        const root = mkdtempSync(path.join(tmpdir(), 'tongban-crash-run-'));
        cpSync(fresh[command], root, { recursive: true });
        const args = command === 'assign' ? ['code', 'assign', 'basic'] : ['code', 'retire', 'basic', '000200001000'];
        const crashed = spawnSync(process.execPath, [BIN, ...args], {
          cwd: root,
          env: { PATH: process.env.PATH ?? '', LANG: 'C', TONGBAN_FAULT: point },
        });
        if (crashed.signal === 'SIGKILL') killed.push(`${command} ${point}`);
        else expect(crashed.status, `${command} ${point}: ${crashed.stderr}`).toBe(0);

        // The next run: the same command again (it finishes the interrupted change first).
        const again = await tongban(args, { cwd: root });
        const context = `round ${round}: ${command} killed at ${point}\n${again.stdout}${again.stderr}`;
        if (command === 'assign') expect(again.code, context).toBe(0);
        else expect([0, 1], context).toContain(again.code);

        const check = await tongban(['code', 'check', 'basic', '-f', 'json'], { cwd: root });
        expect(JSON.parse(check.stdout).diagnostics, context).toEqual([]);
        const files = filesBelow(root);
        expect(
          files.filter((f) => f.endsWith('.tmp') || f.includes('.tongban-journal')),
          context,
        ).toEqual([]);
        const items = files
          .filter((f) => f.includes(`${path.sep}basic${path.sep}items${path.sep}`))
          .map((f) => parse(readFileSync(f, 'utf8')) as { code?: string; status?: string });
        expect(
          items.filter((i) => i.code === undefined),
          context,
        ).toEqual([]);
        expect(new Set(items.map((i) => i.code)).size, context).toBe(items.length);
        if (command === 'retire') {
          const ledger = readFileSync(path.join(root, 'basic', 'ledger.yaml'), 'utf8');
          expect(ledger, context).toMatch(/code: "000200001000"\n\s+state: "retired"/);
          expect(items.find((i) => i.code === '000200001000')?.status, context).toBe('取消');
        }
        expect(existsSync(path.join(root, 'basic', '.tongban.lock')), context).toBe(false);
      }
      // The points were reached: most runs were really killed.
      expect(killed.length).toBeGreaterThan(60);
    },
  );
});
