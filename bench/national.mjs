/**
 * National analytics benchmark (issue 14): 1,000 regions × 1,000 items (1M items, about 1 GB of JSON
 * Lines, as `tongban export -f jsonl` writes them, plus the basic catalog), then `tongban compare` and
 * `tongban stats` on that export (the DuckDB engine), each timed with its peak RSS by GNU time.
 * The export is generated once, streamed, under os.tmpdir(); the same sizes always give the same bytes.
 * Sizes: NATIONAL_REGIONS=1000 NATIONAL_ITEMS=1000 (defaults). FORMAT=json|stylish (compare/stats output).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = process.env.TONGBAN_BIN ?? path.join(ROOT, 'bin', 'tongban.js');
const REGIONS = Number(process.env.NATIONAL_REGIONS ?? 1000);
const ITEMS = Number(process.env.NATIONAL_ITEMS ?? 1000);
const FORMAT = process.env.FORMAT ?? 'json';
const WORK = path.join(tmpdir(), 'tongban-national');
const TYPES = ['行政许可', '行政确认', '公共服务'];
const TYPE_CODES = ['01', '07', '20'];
const PROVINCES = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41'];
const LEVELS = ['省级', '市级', '县级'];

const basicCode = (i) => `00${TYPE_CODES[i % 3]}${String(i + 1).padStart(5, '0')}000`;

/** A region's code: provinces in turn, then a city and a county number (not all real codes; not needed). */
function regionOf(r) {
  const province = PROVINCES[r % PROVINCES.length];
  const n = Math.floor(r / PROVINCES.length);
  return `${province}${String(1 + (n % 90)).padStart(2, '0')}${String(1 + Math.floor(n / 90)).padStart(2, '0')}`;
}

/** An implementation item of ~1 KB; a few regions deviate (limits, visits, an extra material). */
function item(i, r, region) {
  const uscc = `11${region}MB0${String(r).padStart(4, '0')}X`.slice(0, 18);
  const deviates = (i * 31 + r * 17) % 20 === 0;
  const materials = [
    { name: '申请书', necessity: '必要', forms: ['原件', '电子'], copies: 1, source: '申请人自备' },
    { name: '营业执照', necessity: '必要', forms: ['复印件'], copies: 1, source: '政府部门核发', eLicence: true },
  ];
  if (deviates) materials.push({ name: '场所使用证明', necessity: '必要', forms: ['复印件'], copies: 1 });
  return {
    code: `${uscc}4${basicCode(i)}`,
    basicCode: basicCode(i),
    name: `基准事项${i + 1}`,
    type: TYPES[i % 3],
    status: '在用',
    levels: ['县级'],
    powerSource: '法定本级行使',
    basis: [{ law: '《中华人民共和国行政许可法》', article: '第十二条' }],
    agency: { name: `示例县市场监督管理局${r}`, uscc, nature: '法定机关' },
    serviceObjects: ['企业法人', '自然人'],
    conditions: [`申请人具有与经营活动相适应的经营场所（第 ${i + 1} 项）`],
    materials,
    process: [
      { name: '受理', timeLimit: { value: 1, unit: '工作日' } },
      { name: '决定', timeLimit: { value: deviates ? 5 : 3, unit: '工作日' } },
    ],
    handlingType: i % 7 === 0 ? '即办件' : '承诺件',
    statutoryLimit: { value: 20, unit: '工作日' },
    promisedLimit: { value: deviates ? 10 : 1 + (i % 15), unit: '工作日' },
    visits: deviates ? 1 : 0,
    online: { depth: (i + r) % 5 === 0 ? 3 : 4, url: `https://www.example.gov.cn/bs/${r}/${i}` },
    fee: { charged: false },
    place: '县政务服务中心一楼综合窗口',
    contacts: { consultation: { phone: `0${String(10 + (r % 89))}-8300${String(1000 + i).slice(-4)}` } },
  };
}

async function generate() {
  const file = path.join(WORK, `national-${REGIONS}x${ITEMS}.jsonl`);
  const marker = `${file}.complete`;
  if (existsSync(marker) && readFileSync(marker, 'utf8') === `${REGIONS}x${ITEMS}`) return file;
  mkdirSync(WORK, { recursive: true });
  const out = createWriteStream(file);
  const write = async (line) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  const basic = {
    dir: 'national/basic',
    kind: 'basic',
    name: '国家基本目录',
    region: null,
    regionName: null,
    level: null,
    province: null,
    profile: 'national',
    seq: 0,
  };
  for (let i = 0; i < ITEMS; i++) {
    const data = { code: basicCode(i), name: `基准事项${i + 1}`, type: TYPES[i % 3], levels: LEVELS };
    const meta = { file: `national/basic/items/${basicCode(i)}.yaml`, ord: i, key: basicCode(i) };
    await write(JSON.stringify({ ...data, $catalog: basic, $item: meta }) + '\n');
  }
  for (let r = 0; r < REGIONS; r++) {
    const region = regionOf(r);
    const dir = `national/${region.slice(0, 2)}/${region}-${r}`;
    const catalog = {
      dir,
      kind: 'implementation',
      name: `实施清单 ${region}-${r}`,
      region,
      regionName: null,
      level: '县级',
      province: `${region.slice(0, 2)}0000`,
      profile: 'national',
      seq: r + 1,
    };
    for (let i = 0; i < ITEMS; i++) {
      const meta = { file: `${dir}/items/${basicCode(i)}.yaml`, ord: i, key: basicCode(i) };
      await write(JSON.stringify({ ...item(i, r, region), $catalog: catalog, $item: meta }) + '\n');
    }
  }
  out.end();
  await once(out, 'finish');
  writeFileSync(marker, `${REGIONS}x${ITEMS}`);
  return file;
}

function measure(args) {
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, BIN, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const [user, system, kb] = (run.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  const rss = (kb ?? 0) / 1024;
  const cpu = (user ?? 0) + (system ?? 0);
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`tongban ${args.join(' ')} exited ${run.status}:\n${run.stderr.slice(0, 3000)}`);
  return { wall, rss, cpu };
}

const file = await generate();
const loadBefore = os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
const size = statSync(file).size / 1024 ** 3;
console.log(
  `national set: ${REGIONS} regions × ${ITEMS} items + basic catalog, ${size.toFixed(2)} GB JSON Lines: ${file}`,
);
const out = (name) => path.join(WORK, `${name}.${FORMAT === 'json' ? 'json' : 'txt'}`);
const rows = [];
for (const command of ['compare', 'stats']) {
  const result = measure([command, file, '-f', FORMAT, '-o', out(command)]);
  const ok = result.wall <= 90 && result.rss <= 2048;
  rows.push(
    `| ${command} | ${result.wall.toFixed(1)} s | ${result.cpu.toFixed(1)} s | ${Math.round(result.rss)} MB | ${ok ? 'within' : 'OVER'} 90 s / 2 GB |`,
  );
  console.log(rows.at(-1));
}
console.log(
  [
    `load average before: ${loadBefore}`,
    '',
    '| command | wall | CPU (user+sys) | peak RSS | goal |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n'),
);
