/**
 * Diff and compare benchmarks: `tongban diff` of two implementation lists of 50k items (the right one
 * with renamed materials, changed limits and missing items), and `tongban compare` of 16 lists of 5k
 * items. Data is generated once under the system temp folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { implementationItem } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'tongban.js');
const WORK = path.join(tmpdir(), 'tongban-bench', 'diff');
const REGION = { id: 'x', region: '440300', level: '市级', digit: '3', uscc: '114403000971908070' };

/** A list of `count` items; `variant(i, text)` may change an item's text or drop it (return undefined). */
function list(name, count, variant) {
  const dir = path.join(WORK, name);
  if (existsSync(path.join(dir, '.complete'))) return dir;
  mkdirSync(path.join(dir, 'items'), { recursive: true });
  writeFileSync(
    path.join(dir, 'catalog.yaml'),
    `kind: implementation\nname: ${name}\nregion: "440300"\nlevel: 市级\nbasic: ../basic\n`,
  );
  for (let i = 0; i < count; i++) {
    const code = `0001${String(i + 1).padStart(5, '0')}000`;
    const text = variant(i, implementationItem(i, null, code, `基准事项${i + 1}`, '行政许可', REGION));
    if (text !== undefined) writeFileSync(path.join(dir, 'items', `${code}.yaml`), text);
  }
  writeFileSync(path.join(dir, '.complete'), '');
  return dir;
}

function timed(args) {
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, ...args], {
    cwd: WORK,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(run.stderr.slice(0, 2000));
  return {
    wall: Number(process.hrtime.bigint() - started) / 1e9,
    rss: Number(run.stderr.trim().split('\n').at(-1)) / 1024,
  };
}

mkdirSync(path.join(WORK, 'basic', 'items'), { recursive: true });
writeFileSync(path.join(WORK, 'basic', 'catalog.yaml'), 'kind: basic\nname: 基准\norigin: "00"\n');
const left = list('left-50k', 50_000, (_, text) => text);
const right = list('right-50k', 50_000, (i, text) => {
  if (i % 50 === 7) return undefined; // 2% not implemented
  if (i % 10 === 3) return text.replace('name: 营业执照\n', 'name: 营业执照复印件\n'); // 10% renamed material
  if (i % 20 === 5) return text.replace('statutoryLimit: { value: 20,', 'statutoryLimit: { value: 30,'); // 5% statutory limit
  return text;
});
const lists = Array.from({ length: 16 }, (_, r) =>
  list(`district-${String(r + 1).padStart(2, '0')}`, 5_000, (i, text) =>
    i % 16 === r ? text.replace('name: 场所使用证明\n', `name: 场所使用证明（区${r}）\n`) : text,
  ),
);

timed(['diff', left, right, '--format', 'json']); // warm-up: the page cache
const diff = timed(['diff', left, right, '--format', 'json']);
timed(['compare', ...lists, '--format', 'json']);
const compare = timed(['compare', ...lists, '--format', 'json']);
console.log(`\ndiff, two lists of 50,000 items:   ${diff.wall.toFixed(2)} s, peak ${diff.rss.toFixed(0)} MB`);
console.log(`compare, 16 lists of 5,000 items:  ${compare.wall.toFixed(2)} s, peak ${compare.rss.toFixed(0)} MB`);
