/**
 * Deterministic synthetic catalogs for the benchmark: one basic catalog and four implementation lists
 * (province, two cities, a county), N items in all, N/5 each. Implementation items come in two shapes:
 * `small` (~2 KB, flow style where it can) and `rich` (~4 KB, block style, as rich as the richest sample
 * item: full materials, process, special steps, results, FAQ). The regions differ a little (a renamed
 * material, a longer statutory limit) so that diff and compare find something. The same N and shape
 * always give byte-identical files.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const REGIONS = [
  { id: 'province', region: '440000', level: '省级', digit: '2', uscc: '11440000097190807G' },
  { id: 'city-a', region: '440300', level: '市级', digit: '3', uscc: '114403000971908070' },
  { id: 'city-b', region: '440100', level: '市级', digit: '3', uscc: '11440100097190807M' },
  { id: 'county', region: '440106', level: '县级', digit: '4', uscc: '11440106097190807C' },
];

const TYPES = [
  ['行政许可', '01'],
  ['行政确认', '07'],
  ['公共服务', '20'],
];

function basicItem(code, name, type) {
  return `code: "${code}"\nname: ${name}\ntype: ${type}\nlevels: [省级, 市级, 县级]\nbasis:\n  - law: 《中华人民共和国行政许可法》\n    article: 第十二条\n`;
}

/** Region-specific changes, so that regions are not identical copies of each other. */
function regionVariant(text, i, r) {
  const k = REGIONS.indexOf(r);
  if (k < 0) return text;
  if (i % 10 === k) text = text.replace('name: 营业执照\n', 'name: 营业执照副本\n');
  if (i % 20 === 5 + k) text = text.replace(/statutoryLimit:(\s*\{?\s*)value: 20/, 'statutoryLimit:$1value: 30');
  return text;
}

export function implementationItem(i, code, basicCode, name, type, r) {
  const promised = 1 + (i % 15);
  return `# ${name}
code: "${r.uscc}${r.digit}${basicCode}"
basicCode: "${basicCode}"
name: ${name}
type: ${type}
status: 在用
levels: [${r.level}]
powerSource: 法定本级行使
basis:
  - law: 《中华人民共和国行政许可法》
    article: 第十二条
    text: 下列事项可以设定行政许可：直接涉及国家安全、公共安全、经济宏观调控、生态环境保护以及直接关系人身健康、生命财产安全等特定活动，需要按照法定条件予以批准的事项。
agency:
  name: 示例市场监督管理局${r.id}
  uscc: "${r.uscc}"
  nature: 法定机关
serviceObjects: [企业法人, 自然人]
conditions:
  - 申请人具有与经营活动相适应的经营场所和设施设备（第 ${i} 项）
  - 有与经营规模相适应的专业技术人员和管理制度
materials:
  - name: 申请书
    necessity: 必要
    forms: [原件, 电子]
    copies: 1
    source: 申请人自备
    blankForm: sqs-${i}.docx
  - name: 营业执照
    necessity: 必要
    forms: [复印件]
    copies: 1
    source: 政府部门核发
    issuer: 市场监督管理部门
    eLicence: true
  - name: 场所使用证明
    necessity: 必要
    forms: [复印件]
    copies: 1
    source: 申请人自备
process:
  - name: 受理
    description: 对申请材料进行形式审查
    timeLimit: { value: 1, unit: 工作日 }
  - name: 审查
    description: 审查申请材料，必要时现场核查
    timeLimit: { value: 3, unit: 工作日 }
  - name: 决定
    description: 作出是否准予许可的决定
handlingType: 承诺件
statutoryLimit: { value: 20, unit: 工作日 }
promisedLimit: { value: ${promised}, unit: 工作日 }
visits: 0
online:
  depth: 4
  url: https://www.example.gov.cn/bs/${i}
appointment: null
fee: { charged: false }
place: 某市政务服务中心一楼综合窗口
hours: 周一至周五 9:00-12:00，14:00-18:00
contacts:
  consultation: { phone: 020-8300${String(1000 + (i % 9000)).padStart(4, '0')} }
  complaint: { phone: "12345" }
results:
  - name: 许可证
    type: 证照
    sample: sample-${i}.pdf
`.replace('appointment: null\n', '');
}

/** An item as rich as the richest sample (catalogs/wuhou/items/000100001000.yaml): ~4 KB, block style. */
export function richImplementationItem(i, basicCode, name, type, r) {
  const promised = 1 + (i % 15);
  const phone = String(1000 + (i % 9000)).padStart(4, '0');
  return `# yaml-language-server: $schema=../../../schemas/item.implementation.schema.json
# ${name}（示例市场监督管理局${r.id}）
code: "${r.uscc}${r.digit}${basicCode}"
basicCode: "${basicCode}"
name: ${name}
type: ${type}
status: 在用
version: "1.0"
levels:
  - ${r.level}
powerSource: 法定本级行使
basis:
  - law: 《中华人民共和国食品安全法》
    article: 第三十五条
    text: 国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务，应当依法取得许可。
  - law: 《中华人民共和国行政许可法》
    article: 第十二条
    text: 下列事项可以设定行政许可：直接涉及国家安全、公共安全、经济宏观调控、生态环境保护以及直接关系人身健康、生命财产安全等特定活动，需要按照法定条件予以批准的事项。
agency:
  name: 示例市场监督管理局${r.id}
  uscc: "${r.uscc}"
  nature: 法定机关
serviceObjects:
  - 企业法人
  - 非法人企业
  - 自然人
conditions:
  - 具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所（第 ${i} 项）
  - 具有与经营的食品品种、数量相适应的经营设备或者设施
  - 有专职或者兼职的食品安全管理人员和保证食品安全的规章制度
  - 具有合理的设备布局和工艺流程，防止待加工食品与直接入口食品、原料与成品交叉污染
materials:
  - name: 申请书
    necessity: 必要
    forms:
      - 原件
      - 电子
    copies: 1
    source: 申请人自备
    blankForm: sqs-${i}.docx
    sample: sqs-sample-${i}.pdf
  - name: 营业执照
    necessity: 必要
    forms:
      - 复印件
    copies: 1
    source: 政府部门核发
    issuer: 市场监督管理部门
    eLicence: true
  - name: 与经营相适应的主要设备设施布局、操作流程等文件
    necessity: 必要
    forms:
      - 原件
    copies: 1
    source: 申请人自备
  - name: 安全自查、从业人员健康管理等保证安全的规章制度
    necessity: 必要
    forms:
      - 原件
    copies: 1
    source: 申请人自备
  - name: 场所使用证明（房屋租赁合同或产权证明）
    necessity: 必要
    forms:
      - 复印件
    copies: 1
    source: 申请人自备
process:
  - name: 受理
    description: 对申请材料进行形式审查，材料齐全、符合法定形式的予以受理
    timeLimit:
      value: 1
      unit: 工作日
  - name: 审查
    description: 审查申请材料，必要时进行现场核查
    timeLimit:
      value: 3
      unit: 工作日
  - name: 决定
    description: 作出准予或不予许可的决定
    timeLimit:
      value: 1
      unit: 工作日
  - name: 送达
    description: 制发许可证并送达申请人
specialSteps:
  - name: 现场核查
    timeLimit:
      value: 5
      unit: 工作日
    counted: true
    description: 需要对申请材料实质内容进行核实的，进行现场核查
handlingType: 承诺件
statutoryLimit:
  value: 20
  unit: 工作日
  note: 经批准可延长 10 个工作日
promisedLimit:
  value: ${promised}
  unit: 工作日
visits: 1
visitReason: 需到现场核验经营场所证明原件
online:
  depth: 3
  url: https://www.example.gov.cn/bs/${i}
  mobileUrl: https://m.example.gov.cn/bs/${i}
  appointment: true
  delivery: true
fee:
  charged: false
place: 某市政务服务中心一楼综合窗口（示例）
hours: 周一至周五 9:00-12:00，14:00-18:00（法定节假日除外）
contacts:
  consultation:
    phone: 020-8300${phone}
  complaint:
    phone: "12345"
results:
  - name: 许可证
    type: 证照
    sample: sample-${i}.pdf
faq:
  - question: 仅销售预包装食品是否需要办理许可？
    answer: 仅销售预包装食品的，实行备案管理，无需办理许可。
  - question: 许可证有效期多长？
    answer: 许可证有效期为 5 年，有效期届满需要延续的，应当在届满 30 个工作日前提出申请。
effectiveDate: 2026-01-01
`;
}

const VERSION = 2;

/**
 * Items as offices' exports are: whole elements missing (the legal basis, the fee, the online service), in
 * turn, so that every item has findings to report and place (folder gaps-N).
 */
function withGaps(text, i) {
  if (i % 3 === 0) return text.replace(/^basis:\n(?: .*\n)*/m, '');
  if (i % 3 === 1) return text.replace(/^fee: .*\n/m, '');
  return text.replace(/^online:\n(?: .*\n)*/m, '');
}

/**
 * Writes (or reuses) catalogs with `total` items under `root`; returns the folder. `shape`: 'small'
 * (default, folder items-N), 'rich' (folder rich-N) or 'gaps' (small items lacking elements, gaps-N).
 */
export function generateCatalogs(root, total, shape = 'small') {
  const dir = path.join(root, `${shape === 'rich' ? 'rich' : shape === 'gaps' ? 'gaps' : 'items'}-${total}`);
  const marker = path.join(dir, '.complete');
  const stamp = `${total}:${shape}:v${VERSION}`;
  if (existsSync(marker) && readFileSync(marker, 'utf8') === stamp) return dir;
  rmSync(dir, { recursive: true, force: true });
  const perCatalog = Math.floor(total / (REGIONS.length + 1));
  const basicDir = path.join(dir, 'basic');
  mkdirSync(path.join(basicDir, 'items'), { recursive: true });
  writeFileSync(path.join(basicDir, 'catalog.yaml'), 'kind: basic\nname: 基准测试基本目录\norigin: "00"\n');
  const basics = [];
  for (let i = 0; i < perCatalog; i++) {
    const [type, typeCode] = TYPES[i % TYPES.length];
    const code = `00${typeCode}${String(i + 1).padStart(5, '0')}000`;
    const name = `基准事项${i + 1}`;
    basics.push({ code, name, type });
    writeFileSync(path.join(basicDir, 'items', `${code}.yaml`), basicItem(code, name, type));
  }
  for (const r of REGIONS) {
    const regionDir = path.join(dir, r.id);
    mkdirSync(path.join(regionDir, 'items'), { recursive: true });
    writeFileSync(
      path.join(regionDir, 'catalog.yaml'),
      `kind: implementation\nname: 基准测试实施清单 ${r.id}\nregion: "${r.region}"\nlevel: ${r.level}\nbasic: ../basic\n`,
    );
    basics.forEach((b, i) => {
      const type = b.type;
      const small = () => implementationItem(i, null, b.code, b.name, type, r);
      const text =
        shape === 'rich'
          ? richImplementationItem(i, b.code, b.name, type, r)
          : shape === 'gaps'
            ? withGaps(small(), i)
            : small();
      writeFileSync(path.join(regionDir, 'items', `${b.code}.yaml`), regionVariant(text, i, r));
    });
  }
  writeFileSync(marker, stamp);
  return dir;
}
