/**
 * `npm run bench`: every command at two sizes, in one run, on synthetic catalogs of three shapes (`small`
 * ~2 KB items, `rich` ~4 KB items as rich as the richest sample), with wall time, peak RSS (GNU time %M)
 * and growth (of cpu time) from the smaller size to the larger; validate also against ajv-cli checking the item
 * schemas alone on the same files. A command that fails prints its error line and the bench goes on.
 *
 *   BENCH_SIZES=10000,100000   item counts (default; the growth column compares the first and the last)
 *   BENCH_SHAPES=small,rich,gaps  item shapes (default all three; gaps: small items lacking elements, as
 *                              real exports do — every item has findings — for validate only)
 *   BENCH_ONLY=validate,guide  only the commands whose name starts with one of these
 *   BENCH_TIMEOUT=1200         seconds before a command is stopped (and reported as failed)
 *
 * Data is generated once under os.tmpdir()/tongban-bench and reused. A dataset of N items is a basic
 * catalog and four implementation lists (province, two cities, a county) of N/5 items each; the
 * `items` column says how many items each command reads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCatalogs } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'tongban.js');
const WORK = path.join(tmpdir(), 'tongban-bench');
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const SHAPES = (process.env.BENCH_SHAPES ?? 'small,rich,gaps').split(',');
const ONLY = process.env.BENCH_ONLY?.split(',');
const TIMEOUT = Number(process.env.BENCH_TIMEOUT ?? 1200) * 1000;
const TIME = '/usr/bin/time';

mkdirSync(WORK, { recursive: true });

/**
 * Runs a command under GNU time: wall seconds, peak RSS (MB), or the error line when it failed (exit 2
 * or more, a signal, a timeout). Exit 1 (findings) is a success for a benchmark.
 */
function measure(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const startedAt = Date.now();
  const run = spawnSync(TIME, ['-f', '%U %S %M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: TIMEOUT,
    cwd: WORK,
    ...options,
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const lines = (run.stderr ?? '').trim().split('\n');
  const [user, system, rssKb] = (lines.at(-1) ?? '').split(' ').map(Number);
  const rss = rssKb / 1024;
  const cpu = user + system;
  // Exit 1 is findings, a success here, only when the command made its output (a crash exits 1 too).
  const made = (file) => existsSync(file) && statSync(file).mtimeMs >= startedAt - 1000;
  const failed = run.status === 1 && options.made !== undefined && !made(options.made);
  if (run.error || run.signal || run.status === null || run.status > 1 || failed) {
    const reason =
      run.error?.message ??
      (run.signal ? `killed by ${run.signal}` : lines.filter((l) => !/^[\d. ]+$|^Command exited/.test(l))[0]) ??
      `exit ${run.status}`;
    return { error: reason.slice(0, 160), wall, rss, cpu };
  }
  return { wall, rss, cpu, stdout: run.stdout };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** At small sizes: one warm-up run (the page cache) and the median of three; at large ones a single run. */
function repeat(size, fn) {
  const times = size >= 50_000 ? 1 : 3;
  const first = fn();
  if (first.error || times === 1) return first;
  const runs = Array.from({ length: times }, fn);
  const failed = runs.find((r) => r.error);
  if (failed) return failed;
  return {
    wall: median(runs.map((r) => r.wall)),
    cpu: median(runs.map((r) => r.cpu)),
    rss: Math.max(...runs.map((r) => r.rss)),
  };
}

/** tongban with `args`; what it makes is the file after -o, or the guide site's manifest. */
function tongban(args) {
  const at = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const made = at('-o') ?? (at('--out') === undefined ? undefined : path.join(at('--out'), '.tongban-guides.json'));
  return measure(process.execPath, [BIN, ...args], made === undefined ? {} : { made });
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
  const args = ['validate', '--spec=draft2020', '--strict=false', '--all-errors', '-c', 'ajv-formats'];
  return measure(ajv, [...args, '-s', path.join(schemas.dir, itemSchema), ...schemas.refs, '-d', pattern], {
    cwd: data,
  });
}

/** ajv-cli over the same files tongban validates: the implementation lists, then the basic catalog. */
function ajvBoth(schemas, data) {
  const impl = ajvCli(schemas, data, 'item.implementation.schema.json', '{province,city-a,city-b,county}/items/*.yaml');
  if (impl.error) return impl;
  const basic = ajvCli(schemas, data, 'item.basic.schema.json', 'basic/items/*.yaml');
  if (basic.error) return basic;
  return { wall: impl.wall + basic.wall, cpu: impl.cpu + basic.cpu, rss: Math.max(impl.rss, basic.rss) };
}

/** A CSV of `rows` rows in the national exchange layout and the basic catalog its rows implement. */
function importData(rows) {
  const dir = path.join(WORK, `import-${rows}`);
  const marker = path.join(dir, '.complete');
  if (!existsSync(marker)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(path.join(dir, 'basic', 'items'), { recursive: true });
    writeFileSync(path.join(dir, 'basic', 'catalog.yaml'), 'kind: basic\nname: 基准\norigin: "00"\n');
    const itemOf = (i) => {
      const [typeCode, type] = i < rows / 2 ? ['01', '行政许可'] : ['07', '行政确认'];
      return { basic: `00${typeCode}${String((i % (rows / 2)) + 1).padStart(5, '0')}000`, type };
    };
    const lines = [
      '事项名称,基本编码,实施编码,事项类型,行使层级,实施主体,实施主体编码,服务对象,设定依据,受理条件,办件类型,法定办结时限,承诺办结时限,到办事现场次数,网上办理深度,是否收费,咨询电话,监督投诉电话\n',
    ];
    for (let i = 0; i < rows; i++) {
      const { basic, type } = itemOf(i);
      writeFileSync(
        path.join(dir, 'basic', 'items', `${basic}.yaml`),
        `code: "${basic}"\nname: 基准事项${i + 1}\ntype: ${type}\nlevels: [市级]\nbasis:\n  - law: 《中华人民共和国行政许可法》\n`,
      );
      lines.push(
        `基准事项${i + 1},${basic},1144030009719080703${basic},${type},市级,深圳市市场监督管理局,114403000971908070,企业法人、自然人,《中华人民共和国行政许可法》第十二条,"具有与经营活动相适应的场所（第 ${i} 项）\n有相应的管理制度",承诺件,20个工作日,${1 + (i % 15)}个工作日,0次,4,否,0755-83001117,12345\n`,
      );
    }
    writeFileSync(path.join(dir, 'rows.csv'), lines.join(''));
    writeFileSync(marker, '');
  }
  return dir;
}

/** The list import writes into, emptied before each run. */
function freshImportTarget(dir) {
  const list = path.join(dir, 'list');
  rmSync(list, { recursive: true, force: true });
  mkdirSync(list);
  writeFileSync(
    path.join(list, 'catalog.yaml'),
    'kind: implementation\nname: 导入基准\nregion: "440300"\nlevel: 市级\nbasic: ../basic\n',
  );
  return list;
}

/** Changes one item's promised time limit (so its guide page changes); returns a function that undoes it. */
function changeOneItem(data) {
  const dir = path.join(data, 'county', 'items');
  const file = path.join(dir, readdirSync(dir).sort()[0]);
  const original = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    original.replace(/promisedLimit:(\s*\{?\s*)value: (\d+)/, (_, gap, v) => `promisedLimit:${gap}value: ${+v + 1}`),
  );
  return () => writeFileSync(file, original);
}

/**
 * Reads every file of a dataset once, so that the first command measured on it (validate at 100k, which
 * runs once) does not pay for the disk while the ones after it (ajv-cli) find the files in memory.
 */
function warmPageCache(dir) {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) readFileSync(path.join(entry.parentPath, entry.name));
}

const LISTS = ['province', 'city-a', 'city-b', 'county'];
const results = new Map(); // `${shape}\t${command}` → { items: Map<size, number>, runs: Map<size, result> }

function record(shape, command, size, items, result) {
  const key = `${shape}\t${command}`;
  if (!results.has(key)) results.set(key, { shape, command, items: new Map(), runs: new Map() });
  results.get(key).items.set(size, items);
  results.get(key).runs.set(size, result);
  const shown = result.error
    ? `✖ ${result.error}`
    : `${result.wall.toFixed(2)} s (cpu ${result.cpu.toFixed(2)} s), ${result.rss.toFixed(0)} MB`;
  process.stderr.write(`  ${shape} ${size} ${command}: ${shown}\n`);
}

const wanted = (command) => !ONLY || ONLY.some((prefix) => command.startsWith(prefix));
const schemas = schemasForAjvCli();

for (const shape of SHAPES) {
  for (const size of SIZES) {
    process.stderr.write(`${shape} items, ${size}: generating…\n`);
    const data = generateCatalogs(WORK, size, shape);
    warmPageCache(data);
    const lists = LISTS.map((l) => path.join(data, l));
    const perList = Math.floor(size / 5);
    const out = path.join(WORK, `out-${shape}-${size}`);
    rmSync(out, { recursive: true, force: true, maxRetries: 5 });
    mkdirSync(out, { recursive: true });
    // Items with gaps (findings everywhere) matter to validate only.
    const run = (command, items, fn) =>
      wanted(command) &&
      (shape !== 'gaps' || command.startsWith('validate (cold)') || command.startsWith('ajv')) &&
      record(shape, command, size, items, fn());

    run('validate (cold)', perList * 5, () =>
      repeat(size, () => tongban(['validate', data, '--no-config', '--format', 'json', '-o', `${out}/v.json`])),
    );
    run('ajv-cli (schema only)', perList * 5, () => repeat(size, () => ajvBoth(schemas, data)));
    const cache = path.join(out, 'cache');
    const cached = () =>
      tongban([
        'validate',
        data,
        '--no-config',
        '--cache',
        '--cache-location',
        cache,
        '-f',
        'json',
        '-o',
        `${out}/v.json`,
      ]);
    // The first run with --cache fills it (measured as such); the warm run finds every file unchanged.
    run('validate (filling --cache)', perList * 5, cached);
    run('validate (warm --cache)', perList * 5, () => repeat(size, cached));
    if (wanted('guide') && shape !== 'gaps') {
      const site = path.join(out, 'site');
      record(shape, 'guide html full', size, perList * 4, tongban(['guide', data, '--out', site]));
      record(shape, 'guide no-op rebuild', size, perList * 4, tongban(['guide', data, '--out', site]));
      const undo = changeOneItem(data);
      try {
        record(shape, 'guide one item changed', size, perList * 4, tongban(['guide', data, '--out', site]));
      } finally {
        undo();
      }
    }
    run('export csv', perList * 4, () => tongban(['export', ...lists, '-f', 'csv', '-o', `${out}/export.csv`]));
    run('export jsonl', perList * 5, () => tongban(['export', data, '-f', 'jsonl', '-o', `${out}/export.jsonl`]));
    run('diff json', perList * 2, () => tongban(['diff', lists[0], lists[3], '-f', 'json', '-o', `${out}/diff.json`]));
    run('compare json (3 regions)', perList * 3, () =>
      tongban(['compare', ...lists.slice(1), '-f', 'json', '-o', `${out}/compare.json`]),
    );
    run('stats', perList * 4, () => tongban(['stats', data, '-f', 'json', '-o', `${out}/stats.json`]));
    // Import reads a CSV, not items: its shape does not change with the items', so it runs once per size.
    if (shape === SHAPES[0] && shape !== 'gaps')
      run('import csv', size, () => {
        const dir = importData(size);
        const list = freshImportTarget(dir);
        return measure(process.execPath, [BIN, 'import', 'rows.csv', '--map', 'national', '--out', list], {
          cwd: dir,
          made: path.join(list, 'items'),
        });
      });
    rmSync(out, { recursive: true, force: true, maxRetries: 5 });
  }
}

tongban(['--version']); // warm-up
const version = medianOf(15, () => tongban(['--version']));
const bareNode = medianOf(15, () => measure(process.execPath, ['-e', '0']));

function medianOf(times, fn) {
  const runs = Array.from({ length: times }, fn);
  return { wall: median(runs.map((r) => r.wall)), rss: Math.max(...runs.map((r) => r.rss)) };
}

// The table.
const small = SIZES[0];
const large = SIZES.at(-1);
/** Linear with 10% to spare: 11× for 10k → 100k. */
const GROWTH_LIMIT = Number(((1.1 * large) / small).toFixed(1));
const k = (n) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
const pad = (text, width) => String(text).padEnd(width);
const cell = (r) =>
  r === undefined ? '—' : r.error ? '✖ failed' : `${r.wall.toFixed(1)}/${r.cpu.toFixed(1)} s ${r.rss.toFixed(0)} MB`;
console.log(
  '\nwall/cpu seconds (cpu = user + system), peak RSS; growth is of cpu time (wall time follows the load of the machine)',
);
console.log(
  `${pad('shape', 7)}${pad('command', 26)}${pad('items', 12)}${pad(k(small), 24)}${SIZES.length > 1 ? pad(k(large), 24) + 'growth' : ''}`,
);
const failures = [];
const growthAbove = [];
for (const { shape, command, items, runs } of results.values()) {
  const a = runs.get(small);
  const b = runs.get(large);
  let growth = '';
  if (SIZES.length > 1 && a && b && !a.error && !b.error) {
    const times = b.cpu / a.cpu;
    growth = `${times.toFixed(1)}×${times > GROWTH_LIMIT ? `  ✖ above ${GROWTH_LIMIT}×` : ''}`;
    if (times > GROWTH_LIMIT) growthAbove.push(`${shape} ${command}: ${times.toFixed(1)}×`);
  }
  const counts = SIZES.map((s) => items.get(s)).filter((n) => n !== undefined);
  console.log(
    `${pad(shape, 7)}${pad(command, 26)}${pad(counts.map(k).join('/'), 12)}${pad(cell(a), 24)}${SIZES.length > 1 ? pad(cell(b), 24) + growth : ''}`,
  );
  for (const [size, r] of runs) if (r.error) failures.push(`${shape} ${k(size)} ${command}: ${r.error}`);
}
if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  ✖ ${f}`).join('\n')}`);
console.log(
  `\ntongban --version: ${(version.wall * 1000).toFixed(0)} ms median of 15 (bare node -e 0: ${(bareNode.wall * 1000).toFixed(0)} ms)`,
);

const check = (ok, text) => console.log(`${ok ? '✔' : '✖'} ${text}`);
const get = (shape, command, size) => results.get(`${shape}\t${command}`)?.runs.get(size);
const ok = (r) => r && !r.error;
console.log('\nTargets:');
for (const shape of SHAPES) {
  for (const size of SIZES) {
    const cold = get(shape, 'validate (cold)', size);
    const ajv = get(shape, 'ajv-cli (schema only)', size);
    if (ok(cold) && ok(ajv)) {
      const ratio = cold.wall / ajv.wall;
      const cpu = (cold.cpu / ajv.cpu).toFixed(2);
      check(ratio <= 0.7, `${shape} ${k(size)}: validate cold ≤ 0.7 × ajv-cli: ${ratio.toFixed(2)}× wall, ${cpu}× cpu`);
    }
    if (ok(cold) && size >= 50_000)
      check(cold.rss <= 700, `${shape} ${k(size)}: validate peak RSS ≤ 700 MB: ${cold.rss.toFixed(0)} MB`);
    const full = get(shape, 'guide html full', size);
    const noop = get(shape, 'guide no-op rebuild', size);
    const one = get(shape, 'guide one item changed', size);
    if (ok(full) && ok(noop))
      check(
        noop.wall <= 0.1 * full.wall,
        `${shape} ${k(size)}: guide no-op ≤ 0.1 × full: ${(noop.wall / full.wall).toFixed(2)}×`,
      );
    if (ok(full) && ok(one))
      check(
        one.wall <= 0.15 * full.wall,
        `${shape} ${k(size)}: guide one changed ≤ 0.15 × full: ${(one.wall / full.wall).toFixed(2)}×`,
      );
  }
}
if (SIZES.length > 1)
  check(
    !growthAbove.length,
    `growth ${k(small)} → ${k(large)} ≤ ${GROWTH_LIMIT}× for every command${growthAbove.length ? ` (above: ${growthAbove.join('; ')})` : ''}`,
  );
check(version.wall <= 0.15, `--version ≤ 150 ms: ${(version.wall * 1000).toFixed(0)} ms`);
