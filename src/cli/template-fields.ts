/**
 * Every field a guide template can use, with what it holds, in both languages: what `tongban help
 * templates` prints. The paths are those of the view models templates are rendered with (GuideView in
 * src/core/guide/view.ts for item pages, IndexView in index-view.ts for index pages); test/help.test.ts
 * reads those types with the TypeScript compiler and fails when a field is added, removed or renamed
 * without its line here, so this list cannot drift from what templates actually get.
 */
import type { Lang } from '../i18n/index.js';

/** A field's path (`materials[].name` is the name of each entry of `materials`) and its words. */
export type FieldDocs = Record<string, Record<Lang, string>>;

const field = (zh: string, en: string): Record<Lang, string> => ({ 'zh-CN': zh, en });

/** A contact channel in parts (ContactView), under `prefix`. */
function contactFields(prefix: string, zh: string, en: string): FieldDocs {
  return {
    [prefix]: field(`${zh}，分项给出；没有时为 null`, `the ${en} in parts; null when there is none`),
    [`${prefix}.phone`]: field('电话（原文）', 'phone number as written'),
    [`${prefix}.phones`]: field('电话中的每个号码', 'each number of the phone cell'),
    [`${prefix}.phones[].text`]: field('号码（原文）', 'the number as written'),
    [`${prefix}.phones[].telHref`]: field(
      '号码的 tel: 链接；不像电话号码时为 null',
      'tel: link of the number; null when it does not read as one',
    ),
    [`${prefix}.address`]: field('地址或 null', 'address, or null'),
    [`${prefix}.url`]: field('网址（原文）或 null', 'URL as written, or null'),
    [`${prefix}.href`]: field(
      '可链接的网址（http、https 或相对地址），否则为 null',
      'the URL when it may be linked (http, https, relative), else null',
    ),
    [`${prefix}.email`]: field('电子邮箱或 null', 'email address, or null'),
  };
}

/** Item pages: guide.html.hbs, guide.md.hbs and the partials they include. */
export const GUIDE_FIELDS: FieldDocs = {
  slug: field(
    '页面文件名（不含扩展名）：实施编码，否则基本编码，必要时改为安全的文件名',
    'page name without extension: the implementation code, else the basic code, made a safe file name',
  ),
  file: field('事项文件的路径', 'path of the item file'),
  catalog: field('所属目录', 'the catalog the item belongs to'),
  'catalog.name': field('目录名称（catalog.yaml 的 name）', "catalog name (catalog.yaml's name)"),
  'catalog.region': field(
    '目录所在地区的全称（GB/T 2260），或 null',
    "full name of the catalog's region (GB/T 2260), or null",
  ),
  code: field('实施编码，未赋码时为 null', 'implementation code; null when not yet coded'),
  basicCode: field('基本编码；事项未提供时为 null', 'basic code; null when the item does not state it'),
  name: field('事项名称', 'item name'),
  type: field('事项类型（如 行政许可）', 'item type (a code-list value)'),
  basis: field('设定依据列表', 'legal basis, a list'),
  'basis[].law': field('法律法规名称', 'law or regulation'),
  'basis[].article': field('条款，或 null', 'article, or null'),
  'basis[].text': field('条文内容，或 null', 'text of the article, or null'),
  agency: field('实施主体名称', 'implementing agency'),
  agencyNature: field('实施主体性质（法定机关等），或 null', "agency's nature (a code-list value), or null"),
  levels: field('行使层级，以“、”连接', 'levels, joined by a Chinese list comma'),
  powerSource: field('权力来源，或 null', 'source of the power, or null'),
  serviceObjects: field('服务对象，以“、”连接', 'service objects, joined by a Chinese list comma'),
  conditions: field('受理条件列表', 'conditions, a list'),
  'conditions[].index': field('序号（从 1 起）', 'number, from 1'),
  'conditions[].text': field('条件内容', 'the condition'),
  materials: field('申请材料列表', 'materials, a list'),
  'materials[].index': field('序号（从 1 起）', 'number, from 1'),
  'materials[].name': field('材料名称', 'material name'),
  'materials[].form': field('形式与份数，如“原件1份、电子版”', 'forms and copies, phrased for the guide'),
  'materials[].necessity': field('必要性（必要、非必要、容缺）', 'necessity (a code-list value)'),
  'materials[].source': field('来源渠道（及出具单位）', 'source (and issuer)'),
  'materials[].eLicence': field('可用电子证照时的说明，否则为 null', 'a note when an e-licence replaces it, else null'),
  'materials[].blankForm': field('空白表格（原文），或 null', 'blank form as written, or null'),
  'materials[].blankFormHref': field(
    '空白表格可链接的地址（含 --base-url），否则为 null',
    'link of the blank form (with --base-url), else null',
  ),
  'materials[].sample': field('示例样表（原文），或 null', 'filled-in sample as written, or null'),
  'materials[].sampleHref': field('示例样表可链接的地址，否则为 null', 'link of the sample, else null'),
  'materials[].instructions': field('填写说明，或 null', 'instructions, or null'),
  process: field('办理流程列表', 'process steps, a list'),
  'process[].index': field('序号（从 1 起）', 'number, from 1'),
  'process[].name': field('环节名称', 'step name'),
  'process[].description': field('环节说明，或 null', 'what happens, or null'),
  'process[].timeLimit': field('环节时限，如“1个工作日”，或 null', 'time limit, phrased for the guide, or null'),
  specialSteps: field(
    '特殊环节，每项一句（如“专家评审：30个工作日（不计入法定办结时限）”）',
    'special steps, one phrase each',
  ),
  handlingType: field('办件类型（即办件、承诺件）', 'handling type: immediate or promised (code-list value)'),
  statutoryLimit: field('法定办结时限，如“20个工作日”', 'statutory limit, phrased for the guide'),
  promisedLimit: field(
    '承诺办结时限，如“自受理之日起5个工作日内办结”或“即办”',
    'promised limit, phrased for the guide',
  ),
  fee: field(
    '收费的一句话：“不收费”或各收费项目与标准',
    'the fee in one phrase: no fee, or the fee items with their standards',
  ),
  feeItems: field('收费项目列表（不收费时为空）', 'fee items, a list (empty when not charged)'),
  'feeItems[].name': field(
    '收费项目名称，或 null（只给出收费标准时）',
    'fee item, or null (when only its standard is given)',
  ),
  'feeItems[].standard': field('收费标准', 'standard'),
  'feeItems[].basis': field('收费依据，或 null', 'legal basis, or null'),
  'feeItems[].reductions': field('减免政策，或 null', 'reductions, or null'),
  onlinePayment: field(
    '是否支持网上支付（是、否；未说明时为“未提供”）',
    'online payment: yes or no in Chinese, or not given',
  ),
  results: field('办理结果列表', 'results, a list'),
  'results[].name': field('结果名称', 'result name'),
  'results[].type': field('结果类型（证照、批文、其他）', 'result type (a code-list value)'),
  'results[].sample': field('结果样本（原文），或 null', 'sample as written, or null'),
  'results[].sampleHref': field('结果样本可链接的地址，否则为 null', 'link of the sample, else null'),
  place: field('办理地点，或 null', 'place, or null'),
  hours: field('办理时间，或 null', 'hours, or null'),
  online: field('网上办理', 'online handling'),
  'online.depth': field('网上办理深度，如“Ⅳ级（全程网办）”', 'online depth, phrased for the guide'),
  'online.url': field('网上办理地址（原文），或 null', 'online service URL as written, or null'),
  'online.href': field('网上办理地址可链接时同 url，否则为 null', 'the URL when it may be linked, else null'),
  'online.mobileUrl': field('移动端地址（原文），或 null', 'mobile URL as written, or null'),
  'online.mobileHref': field(
    '移动端地址可链接时同 mobileUrl，否则为 null',
    'the mobile URL when it may be linked, else null',
  ),
  'online.appointment': field(
    '是否支持预约（是、否；未说明时为“未提供”）',
    'appointments: yes or no in Chinese, or not given',
  ),
  'online.delivery': field('是否支持快递送达（是、否）', 'delivery by post: yes or no, in Chinese'),
  'online.printUrl': field(
    '打印版指南上给出的网址（先移动端），便于手工输入；没有时为 null',
    'the URL a printed guide shows (mobile first), short; null when none',
  ),
  'online.qrUrl': field(
    '二维码中的完整网址（http 或 https），或 null',
    'the full http(s) URL the QR code holds, or null',
  ),
  'online.qr': field('printUrl 的二维码，或 null', 'QR code of printUrl, or null'),
  'online.qr.size': field('二维码每边的模块数（含留白）', 'modules per side, quiet zone included'),
  'online.qr.path': field('二维码深色模块的 SVG 路径数据', 'SVG path data of the dark modules'),
  visits: field('到办事现场次数，如“0次（全程网办）”', 'on-site visits, phrased for the guide'),
  visitReason: field('需到现场的原因，或 null', 'why a visit is needed, or null'),
  consultation: field('咨询方式，一行文字（电话；地址；网址），或 null', 'consultation channel as one line, or null'),
  complaint: field('监督投诉方式，一行文字，或 null', 'complaint channel as one line, or null'),
  contacts: field('咨询和投诉方式，分项给出', 'consultation and complaint channels in parts'),
  ...contactFields('contacts.consultation', '咨询方式', 'consultation channel'),
  ...contactFields('contacts.complaint', '监督投诉方式', 'complaint channel'),
  given: field(
    '事项是否给出各列表要素；未给出的要素不设栏目（给出空列表时写“无”）',
    'whether the item states each list element; one not stated gets no section (one stated empty says so)',
  ),
  'given.basis': field('是否给出设定依据', 'whether the legal basis is stated'),
  'given.conditions': field('是否给出受理条件', 'whether the conditions are stated'),
  'given.materials': field('是否给出申请材料', 'whether the materials are stated'),
  'given.process': field('是否给出办理流程或特殊环节', 'whether the process or special steps are stated'),
  'given.results': field('是否给出办理结果', 'whether the results are stated'),
  appliedFor: field(
    '是否依申请办理（行政许可、行政确认、行政给付、行政裁决、公共服务）：是则受理条件、申请材料即使未提供也显示“未提供”',
    'whether citizens apply for the item: then the conditions and materials sections say they were not given when the item does not state them',
  ),
  onlineServices: field(
    '预约、物流快递、网上支付中事项说明了的几项，如“预约：是；网上支付：否”；都未说明时为 null',
    'the online extras the item states (appointment, delivery, online payment), each yes or no, in Chinese; null when it states none',
  ),
  faq: field('常见问题列表', 'frequently asked questions, a list'),
  'faq[].question': field('问题', 'question'),
  'faq[].answer': field('解答', 'answer'),
  jsonLd: field(
    'schema.org GovernmentService 结构化数据（已转义，可直接放入 <script>）',
    'schema.org GovernmentService JSON-LD, escaped for <script>',
  ),
};

/** Index pages: index.html.hbs and index.md.hbs. */
export const INDEX_FIELDS: FieldDocs = {
  title: field('索引页标题', 'title of the index'),
  count: field('事项总数', 'number of items'),
  bundles: field('一件事页面列表（按目录顺序）', 'bundle pages ("one thing" services), in catalog order'),
  'bundles[].name': field('一件事名称', 'bundle name'),
  'bundles[].catalog': field(
    '所属实施清单的名称（与 catalogs[].name 相同）',
    'name of its implementation list (as catalogs[].name)',
  ),
  'bundles[].lead': field('牵头部门', 'lead department'),
  'bundles[].agencies': field(
    '参与的全部部门（牵头部门在前），已连接成一行',
    'every department taking part, lead first, joined',
  ),
  'bundles[].keyMatter': field(
    '所实施的国家重点事项，如“2024年度第一批：新生儿出生一件事”；地方自定的为 null',
    'the national key matter it implements; null for a regional one',
  ),
  'bundles[].scope': field('适用范围', 'scope'),
  'bundles[].promisedLimit': field('承诺办结时限（已成句）', 'promised limit, phrased for the guide'),
  'bundles[].members': field('成员事项数', 'number of member items'),
  'bundles[].memberNames': field('成员事项名称，已连接成一行', 'names of the member items, joined'),
  'bundles[].href': field('一件事页面的相对链接（已编码）', 'relative link of the bundle page (encoded)'),
  'bundles[].search': field('供离线搜索的文字', 'text the offline search matches'),
  catalogs: field('目录列表', 'catalogs, a list'),
  'catalogs[].name': field('目录名称', 'catalog name'),
  'catalogs[].groups': field('按部门和事项类型分的组', 'groups by department and item type'),
  'catalogs[].groups[].title': field('组名（部门 · 事项类型）', 'group title (department · type)'),
  'catalogs[].groups[].items': field('组内事项列表', 'items of the group'),
  'catalogs[].groups[].items[].name': field('事项名称', 'item name'),
  'catalogs[].groups[].items[].type': field('事项类型', 'item type'),
  'catalogs[].groups[].items[].agency': field('实施主体', 'agency'),
  'catalogs[].groups[].items[].code': field('编码', 'code'),
  'catalogs[].groups[].items[].href': field('事项页面的相对链接（已编码）', 'relative link of the item page (encoded)'),
  'catalogs[].groups[].items[].search': field(
    '供离线搜索的文字（名称、部门、编码）',
    'text the offline search matches',
  ),
};
