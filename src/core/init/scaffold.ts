/**
 * `tongban init`: the files of a new project that validates clean — a basic catalog with one item, an
 * implementation list implementing it with one fully commented example item, a config file and a CI
 * workflow. Comments are in Chinese with English, since the people who keep catalogs read Chinese and the
 * people who run CI may not. Pure: the paths and texts; the command writes them.
 */

export interface ScaffoldFile {
  /** Path relative to the project folder, with `/`. */
  path: string;
  text: string;
}

/** The implementation list of the example: its folder, used in the next steps the command prints. */
export const SCAFFOLD_LIST = 'catalogs/local';
export const SCAFFOLD_BASIC = 'catalogs/basic';

const CONFIG = `# tongban 配置文件（说明见 tongban 的 README，格式见 schemas/config.schema.json）
# tongban configuration file (see the README; format: schemas/config.schema.json).

# 达到该级别的问题使 tongban validate 以退出码 1 结束：error、warning、info 或 none。
# Findings at or above this severity make tongban validate exit 1.
failOn: error

# 按诊断代码（或通配符）调整级别：off、info、warning、error。
# Severity per finding code (or glob): off, info, warning, error.
rules:
  code/missing: info # 未赋码只是提示 — an uncoded item is only a note

# 不检查的文件（相对本文件的通配符）。Files not checked (globs relative to this file).
ignore: []
`;

const WORKFLOW = `# GitHub Actions：每次推送和合并请求都校验目录，问题直接标注在改动的行上。
# GitHub Actions: validate the catalogs on every push and pull request; findings are annotated on the diff.
# GitLab CI、Jenkins 可改用 --format junit --output tongban-junit.xml。
# For GitLab CI or Jenkins use --format junit --output tongban-junit.xml instead.
name: tongban
on: [push, pull_request]
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      # 在拉取请求的改动上显示问题 — findings as annotations on the pull request
      - run: npx --yes tongban validate catalogs --format github
      # 在任务摘要中列出问题表格 — a table of findings in the job summary
      - run: npx --yes tongban validate catalogs --format markdown --fail-on none >> "$GITHUB_STEP_SUMMARY"
        if: always()
`;

const BASIC_CATALOG = `# 基本目录：每个事项的标准名称、类型、设定依据和行使层级（同一事项、同一标准、同一编码）。
# Basic catalog: the standard name, type, legal basis and levels of each item.
kind: basic
name: 示例基本目录
# 目录来源：00 为国家基本目录，省级基本目录为省级行政区划代码前两位（11 = 北京市）。
# Origin: 00 for the national basic catalog, else the first two digits of the province's code.
origin: "11"
publisher: 示例发布机构
version: "2026.1"
`;

const BASIC_ITEM = `# 基本目录中的一个事项。A basic item.
# 基本编码 = 目录来源 2 位 + 事项类型 2 位 + 主项序号 5 位 + 子项序号 3 位（tongban code explain 110100001000）。
# Basic code = origin 2 + type 2 + main item 5 + sub-item 3 (try: tongban code explain 110100001000).
code: "110100001000"
name: 公共场所卫生许可
type: 行政许可
levels:
  - 市级
  - 县级
basis:
  - law: 《公共场所卫生管理条例》
    article: 第八条
`;

const LIST_CATALOG = `# 实施清单：一个地区如何办理基本目录中的事项（实施主体、材料、时限、收费……）。
# Implementation list: how one region delivers the items of a basic catalog.
kind: implementation
name: 示例区政务服务事项实施清单
# 行政区划代码（GB/T 2260）：110105 = 北京市朝阳区。Region code (GB/T 2260).
region: "110105"
# 本清单的层级：国家级、省级、市级、县级、乡镇级。The level of this list.
level: 县级
# 所实施的基本目录（相对本文件夹）。The basic catalog this list implements (relative folder).
basic: ../basic
publisher: 示例区政务服务管理局
version: "2026.1"
`;

const EXAMPLE_ITEM = `# 实施清单中的一个事项，每个要素都附有说明。保存后运行 tongban validate 检查。
# One item of an implementation list, each element explained. Run tongban validate after editing.

# 实施编码：先不填，由 tongban code assign 生成（实施主体信用代码 + 层级码 + 基本编码）。
# Implementation code: leave it out; tongban code assign composes it (agency USCC + level digit + basic code).
# code: ...

# 基本编码：所实施的基本目录事项，以 0 开头的编码必须加引号。
# Basic code of the basic item implemented; quote codes (those starting with 0 must be quoted).
basicCode: "110100001000"

# 事项名称：与基本目录一致。Name: as in the basic catalog.
name: 公共场所卫生许可
# 事项类型：与基本目录一致（行政许可、行政处罚、公共服务……）。Item type: as in the basic catalog.
type: 行政许可

# 事项状态：在用或取消。Status: 在用 (in use) or 取消 (cancelled).
status: 在用

# 行使层级：须为基本目录允许的层级之一。Levels: among those the basic catalog allows.
levels:
  - 县级

# 设定依据：法律法规名称、条款和原文。Legal basis: law, article and text.
basis:
  - law: 《公共场所卫生管理条例》
    article: 第八条
    text: 除公园、体育场（馆）、公共交通工具外的公共场所，经营单位应当及时向卫生行政部门申请办理“卫生许可证”。

# 实施主体：名称和统一社会信用代码（18 位，含校验位）；性质为法定机关、授权组织或受委托组织。
# Agency: name and unified social credit code (18 characters, with check characters); its nature.
agency:
  name: 示例区卫生健康委员会
  uscc: "111101056900020372"
  nature: 法定机关

# 服务对象：自然人、企业法人、事业法人、社会组织法人、非法人企业、行政机关、其他组织。
# Service objects (code list values).
serviceObjects:
  - 企业法人
  - 非法人企业

# 受理条件：逐条列出，不要写“法律、法规规定的其他条件”这样的兜底条款。
# Conditions, one per entry; no catch-all clause.
conditions:
  - 公共场所的选址、设计、装修符合国家卫生标准和卫生要求
  - 配备与经营规模相适应的卫生设施

# 申请材料：名称、必要性、形式（原件、复印件、电子）、份数、来源渠道；可用电子证照的标 eLicence: true。
# Materials: name, necessity, forms, copies, source; eLicence: true when an e-licence replaces it.
materials:
  - name: 公共场所卫生许可申请表
    necessity: 必要
    forms:
      - 原件
      - 电子
    copies: 1
    source: 申请人自备
  - name: 营业执照
    necessity: 必要
    forms:
      - 复印件
    copies: 1
    source: 政府部门核发
    issuer: 市场监督管理部门
    eLicence: true

# 办理流程：行政许可须有受理、审查、决定环节，可写每步时限。
# Process: a licence needs 受理 (acceptance), 审查 (review) and 决定 (decision) steps.
process:
  - name: 受理
    description: 审查材料是否齐全、符合法定形式
    timeLimit:
      value: 1
      unit: 工作日
  - name: 审查
    description: 审查申请材料并组织现场审查
    timeLimit:
      value: 3
      unit: 工作日
  - name: 决定
    description: 作出是否准予许可的决定
    timeLimit:
      value: 1
      unit: 工作日

# 办件类型：即办件（承诺时限为 0）或承诺件。Handling type: 即办件 (immediate, limit 0) or 承诺件 (promised).
handlingType: 承诺件

# 法定办结时限：法律法规规定的时限，单位为工作日或自然日。Statutory limit, in working or calendar days.
statutoryLimit:
  value: 20
  unit: 工作日
# 承诺办结时限：不得超过法定时限，单位相同。Promised limit: at most the statutory one, in the same unit.
promisedLimit:
  value: 5
  unit: 工作日

# 到办事现场次数：全程网办（网办深度 4）须为 0；大于 0 时用 visitReason 说明原因。
# On-site visits: 0 for a fully online item (depth 4); give visitReason when more.
visits: 0

# 网上办理：深度 1–4（4 = 全程网办）、网址、是否可预约、是否可快递送达。
# Online handling: depth 1–4 (4 = fully online), URL, appointments, delivery.
online:
  depth: 4
  url: https://zwfw.example.gov.cn/
  appointment: true
  delivery: true

# 收费：不收费写 charged: false；收费时列出收费项目、标准和依据。
# Fee: charged: false, or the fee items with their standards and legal basis.
fee:
  charged: false

# 办理地点。Where to apply in person.
place: 示例区政务服务中心一层综合窗口
# 办理时间。Opening hours.
hours: 周一至周五 9:00-12:00，13:30-17:30（法定节假日除外）

# 咨询和监督投诉：两个渠道分开，电话带区号。Consultation and complaint channels, separate, with area codes.
contacts:
  consultation:
    phone: 010-12345678
  complaint:
    phone: "12345"

# 办理结果：名称、类型（证照、批文、其他）和样本。Results: name, type and a sample.
results:
  - name: 公共场所卫生许可证
    type: 证照
    sample: ggcswsxkz-sample.pdf
`;

/** Every file of a new project, by path relative to its folder. */
export function scaffoldFiles(): ScaffoldFile[] {
  return [
    { path: 'tongban.config.yaml', text: CONFIG },
    { path: '.github/workflows/tongban.yml', text: WORKFLOW },
    { path: `${SCAFFOLD_BASIC}/catalog.yaml`, text: BASIC_CATALOG },
    { path: `${SCAFFOLD_BASIC}/items/110100001000.yaml`, text: BASIC_ITEM },
    { path: `${SCAFFOLD_LIST}/catalog.yaml`, text: LIST_CATALOG },
    { path: `${SCAFFOLD_LIST}/items/example.yaml`, text: EXAMPLE_ITEM },
  ];
}
