/**
 * Code benchmarks: `tongban code assign` giving codes to 10k new items (plan + apply, one run on fresh
 * data), and `tongban code check` over the 100k-item catalogs that `bench/run.mjs` generates.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCatalogs } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'tongban.js');
const WORK = path.join(tmpdir(), 'tongban-bench');

function timed(args, cwd) {
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  return { wall, rss: Number(run.stderr.trim().split('\n').at(-1)) / 1024, status: run.status };
}

/** A basic catalog with `count` uncoded items over three item types (~400 bytes each). */
function uncodedCatalog(count) {
  const dir = path.join(WORK, `assign-${count}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'items'), { recursive: true });
  writeFileSync(path.join(dir, 'catalog.yaml'), 'kind: basic\nname: 赋码基准目录\norigin: "00"\n');
  const types = ['行政许可', '行政确认', '公共服务'];
  for (let i = 0; i < count; i++) {
    writeFileSync(
      path.join(dir, 'items', `new-${String(i).padStart(6, '0')}.yaml`),
      `# 新事项 ${i}\nname: 新事项${i}\ntype: ${types[i % 3]}\nlevels: [省级, 市级]\nbasis:\n  - law: 《某法》\n    article: 第${i % 100}条\n`,
    );
  }
  return dir;
}

const assignDir = uncodedCatalog(10_000);
const assign = timed(['code', 'assign', '.', '--format', 'json'], assignDir);
const again = timed(['code', 'assign', '.', '--format', 'json'], assignDir);
const big = generateCatalogs(WORK, 100_000);
timed(['code', 'check', big], ROOT); // warm-up: the page cache
const check = timed(['code', 'check', big, '--format', 'json'], ROOT);

console.log(
  `\ncode assign, 10,000 new items (plan + apply):  ${assign.wall.toFixed(2)} s, peak ${assign.rss.toFixed(0)} MB, exit ${assign.status}`,
);
console.log(`code assign again (nothing to do):             ${again.wall.toFixed(2)} s, exit ${again.status}`);
console.log(
  `code check, 100,000 items:                      ${check.wall.toFixed(2)} s, peak ${check.rss.toFixed(0)} MB, exit ${check.status}`,
);
