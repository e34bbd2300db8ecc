/**
 * Import benchmark: a 100,000-row CSV in the national exchange layout (GBK-free UTF-8, quoted multi-line
 * cells) imported into an empty implementation list: time and peak memory (the file is streamed).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'tongban.js');
const WORK = path.join(tmpdir(), 'tongban-bench', 'import');
const ROWS = 100_000;

rmSync(WORK, { recursive: true, force: true });
// The basic catalog the list implements, as an office would have it (so validation finds a clean list).
mkdirSync(path.join(WORK, 'basic', 'items'), { recursive: true });
writeFileSync(path.join(WORK, 'basic', 'catalog.yaml'), 'kind: basic\nname: 基准\norigin: "00"\n');
/** Half licences, half confirmations: main numbers stay within their five digits. */
const itemOf = (i) => {
  const [typeCode, type] = i < ROWS / 2 ? ['01', '行政许可'] : ['07', '行政确认'];
  return { basic: `00${typeCode}${String((i % (ROWS / 2)) + 1).padStart(5, '0')}000`, type };
};
for (let i = 0; i < ROWS; i++) {
  const { basic, type } = itemOf(i);
  writeFileSync(
    path.join(WORK, 'basic', 'items', `${basic}.yaml`),
    `code: "${basic}"\nname: 基准事项${i + 1}\ntype: ${type}\nlevels: [市级]\nbasis:\n  - law: 《中华人民共和国行政许可法》\n`,
  );
}
mkdirSync(path.join(WORK, 'list'));
writeFileSync(
  path.join(WORK, 'list', 'catalog.yaml'),
  'kind: implementation\nname: 导入基准\nregion: "440300"\nlevel: 市级\nbasic: ../basic\n',
);
const csv = path.join(WORK, 'rows.csv');
const out = createWriteStream(csv);
out.write(
  '事项名称,基本编码,实施编码,事项类型,行使层级,实施主体,实施主体编码,服务对象,设定依据,受理条件,办件类型,法定办结时限,承诺办结时限,到办事现场次数,网上办理深度,是否收费,咨询电话,监督投诉电话\n',
);
for (let i = 0; i < ROWS; i++) {
  const { basic, type } = itemOf(i);
  out.write(
    `基准事项${i + 1},${basic},1144030009719080703${basic},${type},市级,深圳市市场监督管理局,114403000971908070,企业法人、自然人,《中华人民共和国行政许可法》第十二条,"具有与经营活动相适应的场所（第 ${i} 项）\n有相应的管理制度",承诺件,20个工作日,${1 + (i % 15)}个工作日,0次,4,否,0755-83001117,12345\n`,
  );
}
await new Promise((resolve) => out.end(resolve));

const started = process.hrtime.bigint();
const run = spawnSync(
  '/usr/bin/time',
  ['-f', '%M', process.execPath, BIN, 'import', csv, '--map', 'national', '--out', 'list'],
  { cwd: WORK, encoding: 'utf8', maxBuffer: 1 << 28 },
);
const wall = Number(process.hrtime.bigint() - started) / 1e9;
const rss = Number(run.stderr.trim().split('\n').at(-1)) / 1024;
console.log(
  `\nimport, ${ROWS.toLocaleString('en')} CSV rows (then validation of the list): ${wall.toFixed(2)} s, peak ${rss.toFixed(0)} MB, exit ${run.status}`,
);
console.log(run.stdout.split('\n')[0]);
