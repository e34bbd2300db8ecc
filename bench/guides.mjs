/**
 * Guide benchmark: a full HTML build of 10,000 implementation items, then a rebuild after one item
 * changed (only that page and the index are rendered).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCatalogs } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'tongban.js');
const WORK = path.join(tmpdir(), 'tongban-bench');

function timed(args) {
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, ...args], {
    cwd: WORK,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (run.status !== 0) throw new Error(run.stderr.slice(0, 2000));
  return {
    wall: Number(process.hrtime.bigint() - started) / 1e9,
    rss: Number(run.stderr.trim().split('\n').at(-1)) / 1024,
    out: run.stdout.trim(),
  };
}

// 12,500 items = a basic catalog of 2,500 and four implementation lists of 2,500: 10,000 guides.
const data = generateCatalogs(WORK, 12_500);
const site = path.join(WORK, 'site-10k');
rmSync(site, { recursive: true, force: true });
const full = timed(['guide', data, '--out', site]);
const item = path.join(data, 'county', 'items', '000100001000.yaml');
const original = readFileSync(item, 'utf8');
writeFileSync(item, original.replace('promisedLimit: { value: 1,', 'promisedLimit: { value: 2,'));
const incremental = timed(['guide', data, '--out', site]);
writeFileSync(item, original);
console.log(
  `\nguide, full build of 10,000 items:     ${full.wall.toFixed(2)} s, peak ${full.rss.toFixed(0)} MB  (${full.out})`,
);
console.log(
  `guide, rebuild after one item changed: ${incremental.wall.toFixed(2)} s, peak ${incremental.rss.toFixed(0)} MB  (${incremental.out})`,
);
