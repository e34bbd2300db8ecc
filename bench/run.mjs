/**
 * `npm run bench`: tongban validate against a plain schema validator (ajv-cli) and a parse-only floor, on
 * the same synthetic catalogs, in the same run. Prints a table with ratios and the targets.
 * Sizes: BENCH_SIZES=1000,10000,100000 (default). Data is generated once under os.tmpdir().
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCatalogs } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'tongban.js');
const WORK = path.join(tmpdir(), 'tongban-bench');
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const TIME = '/usr/bin/time';

/** Runs a command; returns wall seconds and peak RSS (MB) measured by GNU time. */
function measure(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const run = spawnSync(TIME, ['-f', '%M', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const rssKb = Number(run.stderr.trim().split('\n').at(-1));
  if (run.status !== 0 && !options.allowFailure)
    throw new Error(`${command} ${args.join(' ')} exited ${run.status}:\n${run.stderr.slice(0, 2000)}`);
  return { wall, rss: rssKb / 1024, stdout: run.stdout };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** One discarded warm-up run (so every tool finds the files in the page cache), then the median of `times`. */
function repeat(times, fn) {
  fn();
  const runs = Array.from({ length: times }, fn);
  return { wall: median(runs.map((r) => r.wall)), rss: Math.max(...runs.map((r) => r.rss)) };
}

/** ajv-cli resolves $refs by $id; give temporary copies of our schemas absolute ids. */
function schemasForAjvCli() {
  const dir = path.join(WORK, 'ajv-schemas');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'codelists'), { recursive: true });
  const base = 'https://tongban.invalid/schemas/';
  const files = [
    'common.schema.json',
    'item.basic.schema.json',
    'item.implementation.schema.json',
    ...readdirSync(path.join(ROOT, 'schemas', 'codelists'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => `codelists/${f}`),
  ];
  for (const file of files) {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', file), 'utf8'));
    writeFileSync(path.join(dir, file), JSON.stringify({ $id: base + file, ...schema }));
  }
  const refs = files.filter((f) => !f.startsWith('item.')).flatMap((f) => ['-r', path.join(dir, f)]);
  return { dir, refs };
}

function ajvCli(schemas, data, itemSchema, pattern) {
  const ajv = path.join(ROOT, 'node_modules', '.bin', 'ajv');
  return measure(
    ajv,
    [
      'validate',
      '--spec=draft2020',
      '--strict=false',
      '--all-errors',
      '-c',
      'ajv-formats',
      '-s',
      path.join(schemas.dir, itemSchema),
      ...schemas.refs,
      '-d',
      pattern,
    ],
    { cwd: data },
  );
}

const rows = [];
const ratios = {};
const schemas = schemasForAjvCli();
const implementationLists = '{province,city-a,city-b,county}';

for (const size of SIZES) {
  const data = generateCatalogs(WORK, size);
  const times = size >= 100_000 ? 1 : 3;
  const cache = path.join(WORK, `cache-${size}`);
  rmSync(cache, { recursive: true, force: true });
  const tongbanArgs = [BIN, 'validate', data, '--no-config', '--format', 'json'];
  const cold = repeat(times, () => measure(process.execPath, tongbanArgs));
  const warm = repeat(times, () => measure(process.execPath, [...tongbanArgs, '--cache', '--cache-location', cache]));
  const parseOnly = repeat(times, () =>
    measure(process.execPath, [path.join(ROOT, 'bench', 'parse-only.mjs'), data], { cwd: ROOT }),
  );
  const ajv = repeat(times, () => {
    const impl = ajvCli(schemas, data, 'item.implementation.schema.json', `${implementationLists}/items/*.yaml`);
    const basic = ajvCli(schemas, data, 'item.basic.schema.json', 'basic/items/*.yaml');
    return { wall: impl.wall + basic.wall, rss: Math.max(impl.rss, basic.rss) };
  });
  ratios[size] = { cold: cold.wall / ajv.wall, warm: warm.wall / ajv.wall, coldWall: cold.wall, rss: cold.rss };
  rows.push([size, 'tongban validate (cold)', cold, ajv]);
  rows.push([size, 'tongban validate (warm cache)', warm, ajv]);
  rows.push([size, 'parse only (yaml)', parseOnly, ajv]);
  rows.push([size, 'ajv-cli (schema only)', ajv, ajv]);
}

const version = repeat(15, () => measure(process.execPath, [BIN, '--version']));
const bareNode = repeat(15, () => measure(process.execPath, ['-e', '0']));

const pad = (text, width) => String(text).padEnd(width);
console.log(`\n${pad('items', 8)}${pad('run', 32)}${pad('wall s', 10)}${pad('peak MB', 10)}× ajv-cli`);
for (const [size, name, result, ajv] of rows) {
  console.log(
    `${pad(size, 8)}${pad(name, 32)}${pad(result.wall.toFixed(3), 10)}${pad(result.rss.toFixed(0), 10)}${(result.wall / ajv.wall).toFixed(2)}`,
  );
}
console.log(
  `\ntongban --version: ${(version.wall * 1000).toFixed(0)} ms median of 15 (bare node -e 0: ${(bareNode.wall * 1000).toFixed(0)} ms)`,
);

const check = (ok, text) => console.log(`${ok ? '✔' : '✖'} ${text}`);
console.log('\nTargets:');
if (ratios[10000]) {
  check(ratios[10000].cold <= 0.7, `10k cold ≤ 0.7 × ajv-cli: ${ratios[10000].cold.toFixed(2)}`);
  check(ratios[10000].warm <= 0.15, `10k warm cache ≤ 0.15 × ajv-cli: ${ratios[10000].warm.toFixed(2)}`);
}
if (ratios[100000]) {
  check(ratios[100000].rss <= 700, `100k peak RSS ≤ 700 MB: ${ratios[100000].rss.toFixed(0)} MB`);
  if (ratios[10000])
    check(
      ratios[100000].coldWall <= 11 * ratios[10000].coldWall,
      `100k ≤ 11 × 10k: ${(ratios[100000].coldWall / ratios[10000].coldWall).toFixed(1)} ×`,
    );
}
check(version.wall <= 0.12, `--version ≤ 120 ms: ${(version.wall * 1000).toFixed(0)} ms`);
