/**
 * Deterministic synthetic catalogs for the benchmark: one basic catalog and four implementation lists
 * (province, two cities, a county), N items in all, implementation items of ~2 KB like the samples.
 * The same N always gives byte-identical files.
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

/** Writes (or reuses) catalogs with `total` items under `root`; returns the folder. */
export function generateCatalogs(root, total) {
  const dir = path.join(root, `items-${total}`);
  const marker = path.join(dir, '.complete');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === String(total)) return dir;
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
      writeFileSync(
        path.join(regionDir, 'items', `${b.code}.yaml`),
        implementationItem(i, null, b.code, b.name, type, r),
      );
    });
  }
  writeFileSync(marker, String(total));
  return dir;
}
