/**
 * The columns of tongban's own CSV exchange format: one per element, in schema order. Text elements are
 * written as text; everything else (numbers, flags, lists, nested elements) as JSON, so that an export
 * read back with the `tongban` mapping gives the same items.
 */
import type { CatalogKind } from '../model.js';

export const TEXT_COLUMNS: Record<CatalogKind, readonly string[]> = {
  basic: ['code', 'name', 'type', 'parent', 'status', 'version', 'description', 'effectiveDate', 'cancelDate'],
  implementation: [
    'code',
    'basicCode',
    'handlingItem',
    'name',
    'type',
    'status',
    'version',
    'powerSource',
    'handlingType',
    'visitReason',
    'place',
    'hours',
    'effectiveDate',
    'cancelDate',
  ],
};

export const COLUMNS: Record<CatalogKind, readonly string[]> = {
  basic: [
    'code',
    'name',
    'type',
    'levels',
    'basis',
    'parent',
    'status',
    'version',
    'description',
    'effectiveDate',
    'cancelDate',
  ],
  implementation: [
    'code',
    'basicCode',
    'handlingItem',
    'name',
    'type',
    'status',
    'version',
    'levels',
    'powerSource',
    'basis',
    'agency',
    'entrustedAgency',
    'jointAgencies',
    'serviceObjects',
    'conditions',
    'materials',
    'process',
    'specialSteps',
    'handlingType',
    'statutoryLimit',
    'promisedLimit',
    'visits',
    'visitReason',
    'online',
    'fee',
    'place',
    'hours',
    'contacts',
    'results',
    'faq',
    'effectiveDate',
    'cancelDate',
  ],
};

/**
 * The header of each column in a CSV for people: the standard's name of the element (implementation items'
 * `code` is the 实施编码, basic items' the 基本编码). `--headers keys` writes the keys instead, for machines.
 * The `tongban` import presets read both.
 */
export const COLUMN_TITLES: Record<CatalogKind, Readonly<Record<string, string>>> = {
  basic: {
    code: '基本编码',
    name: '事项名称',
    type: '事项类型',
    levels: '行使层级',
    basis: '设定依据',
    parent: '所属主项基本编码',
    status: '事项状态',
    version: '版本',
    description: '事项概述',
    effectiveDate: '计划生效日期',
    cancelDate: '计划取消日期',
  },
  implementation: {
    code: '实施编码',
    basicCode: '基本编码',
    handlingItem: '业务办理项',
    name: '事项名称',
    type: '事项类型',
    status: '事项状态',
    version: '版本',
    levels: '行使层级',
    powerSource: '权力来源',
    basis: '设定依据',
    agency: '实施主体',
    entrustedAgency: '委托部门',
    jointAgencies: '联办机构',
    serviceObjects: '服务对象',
    conditions: '受理条件',
    materials: '申请材料',
    process: '办理流程',
    specialSteps: '特殊环节',
    handlingType: '办件类型',
    statutoryLimit: '法定办结时限',
    promisedLimit: '承诺办结时限',
    visits: '到办事现场次数',
    visitReason: '必须现场办理原因',
    online: '网上办理',
    fee: '收费',
    place: '办理地点',
    hours: '办理时间',
    contacts: '咨询与监督投诉',
    results: '审批结果',
    faq: '常见问题',
    effectiveDate: '计划生效日期',
    cancelDate: '计划取消日期',
  },
};

/** Lists of plain text that a CSV for people writes as entries joined by ；(the `jsonList` transform reads them). */
export const PLAIN_LIST_COLUMNS: ReadonlySet<string> = new Set(['levels', 'serviceObjects', 'conditions']);

/**
 * Whether a list can be written as entries joined by ；and read back the same: text entries, none empty,
 * none with ；, a line break or spaces at either end, and not starting like JSON.
 */
function joinable(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (entry) => typeof entry === 'string' && entry !== '' && entry === entry.trim() && !/[；\r\n]/.test(entry),
    ) &&
    !(value[0] as string).startsWith('[')
  );
}

/**
 * A value as its cell: text as text; a plain list, for people (`readable`), as entries joined by ；
 * (where that reads back the same); everything else as JSON.
 */
export function toCell(kind: CatalogKind, column: string, value: unknown, readable = false): string {
  if (value === undefined) return '';
  if (TEXT_COLUMNS[kind].includes(column)) return String(value);
  if (readable && PLAIN_LIST_COLUMNS.has(column) && joinable(value)) return value.join('；');
  return JSON.stringify(value);
}
