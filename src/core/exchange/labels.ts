/**
 * Labels exports put before a value in its own cell: `地址：广州市海珠区` in a 办理地点 column,
 * `法定办结时限：20个工作日`, `咨询电话：020-…`. A label is removed when it resembles the column's name or
 * one of the words that name the element (its title in the item schema and the synonyms exports use), so
 * a JSON export's `handlePlace` field is stripped of `地址：` as well; text that merely starts with a word
 * and a colon (`上午：9:00-12:00` in 办理时间) is left alone.
 */

/** What each element is called in exports, its schema title first. Keyed by the mapping target. */
const ELEMENT_LABELS: Readonly<Record<string, readonly string[]>> = {
  name: ['事项名称', '实施清单名称', '名称'],
  place: ['办理地点', '受理地点', '办公地点', '地点', '地址', '办理地址', '办公地址', '窗口地址'],
  hours: ['办理时间', '受理时间', '办公时间', '工作时间', '时间'],
  statutoryLimit: ['法定办结时限', '法定时限', '办结时限', '时限'],
  promisedLimit: ['承诺办结时限', '承诺时限', '办结时限', '时限'],
  visits: ['到办事现场次数', '到现场次数', '跑动次数', '次数'],
  visitReason: ['必须现场办理原因', '现场办理原因', '原因'],
  conditions: ['受理条件', '申请条件', '办理条件', '条件'],
  materials: ['申请材料', '材料'],
  basis: ['设定依据', '实施依据', '依据'],
  handlingType: ['办件类型'],
  'online.depth': ['网上办理深度', '办理深度', '深度'],
  'online.url': ['网上办理地址', '网上办理网址', '办理网址', '网址'],
  'fee.charged': ['是否收费', '收费'],
  'fee.items': ['收费标准', '收费项目'],
  'agency.name': ['实施主体', '实施机构', '实施主体名称'],
  'contacts.consultation.phone': ['咨询电话', '联系电话', '电话', '咨询方式', '联系方式'],
  'contacts.complaint.phone': ['监督投诉电话', '投诉电话', '监督电话', '电话', '联系电话', '监督投诉方式', '投诉方式'],
  'contacts.consultation.address': ['咨询地址', '地址'],
  'contacts.complaint.address': ['投诉地址', '地址'],
};

/** Elements named by their last part when the whole path is not listed (`contacts.other.phone`). */
const BY_LAST_PART: Readonly<Record<string, readonly string[]>> = {
  phone: ['电话', '联系电话', '咨询电话', '投诉电话'],
  address: ['地址', '地点'],
};

/** The words that may label `element`'s cell, read from `column`. */
export function labelsOf(element: string, column: string | undefined): string[] {
  const last = element.split('.').at(-1) as string;
  const words = ELEMENT_LABELS[element] ?? BY_LAST_PART[last] ?? [];
  return column === undefined ? [...words] : [column, ...words];
}

/** A label at the start of a cell: up to 10 letters, then ：or :. Anchored and bounded. */
const LABEL = /^\s*([\p{Script=Han}A-Za-z]{1,10})\s*[:：]\s*/u;
const HAN_PAIR = /^\p{Script=Han}{2}$/u;

/**
 * Whether `label` names what `names` name: one of them, the end of one (`地点` of 办理地点), or a label
 * that ends as one of them does (`窗口地址` ~ 地址, `承诺时限` ~ 承诺办结时限).
 */
function resembles(label: string, names: readonly string[]): boolean {
  return names.some((name) => {
    if (label === name) return true;
    if (label.length >= 2 && name.endsWith(label)) return true;
    const tail = name.slice(-2);
    return HAN_PAIR.test(tail) && label.endsWith(tail);
  });
}

/** The cell without a leading label that resembles `names`; the cell itself when it has none. */
export function stripLabel(cell: string, names: readonly string[]): string {
  const match = LABEL.exec(cell);
  if (!match || !resembles(match[1] as string, names)) return cell;
  return cell.slice(match[0].length);
}
