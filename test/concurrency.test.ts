/**
 * Several processes changing one catalog at once (the built package; npm test builds first): the lock lets
 * one in at a time, a stale lock is taken over by exactly one, and no change is lost and no code issued
 * twice.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, tongban } from './helpers/cli.js';

const DIST = (module: string) => pathToFileURL(path.join(ROOT, 'dist', module)).href;

function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-concurrent-'));
  cpSync(path.join(ROOT, 'test', 'fixtures', 'validate', 'base'), root, { recursive: true });
  return root;
}

/** Runs node scripts at once; resolves with each one's exit code, stdout and stderr. */
function together(scripts: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }[]> {
  return Promise.all(
    scripts.map(
      (script) =>
        new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
            cwd,
            env: { ...process.env, TONGBAN_LOCK_TIMEOUT_MS: '120000' },
          });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
          child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
          child.on('close', (code) => resolve({ code, stdout, stderr }));
        }),
    ),
  );
}

describe('concurrent writers', () => {
  it(
    '4 writers × 50 rounds of assign and retire: no lost change, no code issued twice',
    { timeout: 180_000 },
    async () => {
      const root = project();
      const writer = (w: number) => `
      import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
      import { openWorkspace, assignCodes, retireCodes } from '${DIST('index.js')}';
      /** The code of the item named \`name\`, wherever assign (this run's or another writer's) put it. */
      const codeOf = (name) => {
        for (const file of readdirSync('basic/items')) {
          const text = readFileSync('basic/items/' + file, 'utf8');
          if (text.includes('name: ' + name + '\\n')) return /^code: "([^"]+)"/m.exec(text)?.[1];
        }
      };
      for (let round = 0; round < 50; round++) {
        const name = '写入者${w}第' + round + '项';
        writeFileSync('basic/items/w${w}-' + round + '.yaml', 'name: ' + name + '\\ntype: 行政许可\\nlevels: [市级]\\nbasis:\\n  - law: 某法\\n');
        const ws = await openWorkspace({ config: false });
        const result = await assignCodes(ws, { paths: ['basic'] });
        if (result.diagnostics.length) throw new Error(JSON.stringify(result.diagnostics));
        const code = codeOf(name);
        if (!code) throw new Error('no code for ' + name);
        if (round % 10 === 9) {
          const retired = await retireCodes(ws, { catalog: 'basic', codes: [code] });
          if (retired.diagnostics.length) throw new Error(JSON.stringify(retired.diagnostics));
          console.log('retired ' + code);
        }
      }
    `;
      const runs = await together([0, 1, 2, 3].map(writer), root);
      for (const run of runs) expect(run.stderr).toBe('');
      expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0]);

      const ledger = parse(readFileSync(path.join(root, 'basic', 'ledger.yaml'), 'utf8')) as {
        entries: { code: string; state: string; file?: string }[];
      };
      const codes = ledger.entries.map((e) => e.code);
      expect(new Set(codes).size).toBe(codes.length);
      // Every item written got a code, and every code in an item is in the ledger, once.
      const items = readdirSync(path.join(root, 'basic', 'items')).map(
        (f) => parse(readFileSync(path.join(root, 'basic', 'items', f), 'utf8')) as { code?: string; status?: string },
      );
      expect(items).toHaveLength(4 + 200);
      expect(items.filter((i) => i.code === undefined)).toEqual([]);
      expect(new Set(items.map((i) => i.code)).size).toBe(items.length);
      // Every retirement asked for is recorded, and its item cancelled.
      const retired = runs.flatMap((r) => [...r.stdout.matchAll(/^retired (\S+)$/gm)].map((m) => m[1]));
      expect(retired).toHaveLength(20);
      for (const code of retired) {
        expect(ledger.entries.find((e) => e.code === code)?.state).toBe('retired');
        expect(items.find((i) => i.code === code)?.status).toBe('取消');
      }
      const check = await tongban(['code', 'check', 'basic'], { cwd: root });
      expect(check.stdout).toMatch(/no problems/);
    },
  );

  it('a lock whose holder died is taken over by exactly one waiter at a time', { timeout: 120_000 }, async () => {
    const root = project();
    // Each contender takes the lock a few times; every other one then dies holding it (exit without
    // releasing), leaving a stale lock its waiters race to take over. Overlaps inside are counted.
    const contender = (dies: boolean) => `
      import { openSync, closeSync, rmSync } from 'node:fs';
      import { withCatalogLock } from '${DIST('io/lock.js')}';
      let overlaps = 0;
      for (let round = 0; round < 3; round++) {
        withCatalogLock('basic', () => {
          try { closeSync(openSync('inside', 'wx')); } catch { overlaps++; return; }
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3);
          rmSync('inside');
          if (${dies} && round === 2) { console.log(overlaps); process.exit(0); }
        });
      }
      console.log(overlaps);
    `;
    const lane = async () => {
      const results: number[] = [];
      for (let i = 0; i < 8; i++) {
        const [run] = await together([contender(i % 2 === 0)], root);
        if (run?.stderr) throw new Error(run.stderr);
        results.push(Number(run?.stdout.trim()));
      }
      return results;
    };
    const lanes = await Promise.all([lane(), lane(), lane(), lane()]);
    expect(lanes.flat()).toEqual(new Array(32).fill(0));
    // No takeover guard is left behind.
    expect(readdirSync(path.join(root, 'basic')).filter((f) => f.startsWith('.tongban.lock.'))).toEqual([]);
  });
});
