/**
 * The wording conventions of 办事指南 (domain.md §6): how a time limit, a fee, a material's form and
 * copies, a visit count are written for citizens. Pure functions, each tested on its own. What an item
 * does not state is written 未提供 — never 否, 0 or 无, which would tell a citizen something untrue.
 */

/** What a guide says for an element the item does not state. */
export const NOT_GIVEN = '未提供';
import type { Material, SpecialStep, TimeLimit } from '../model.js';

/** 即办件 → "即办"; 承诺件 → "自受理之日起N个工作日内办结". */
export function promisedPhrase(handlingType: string, limit: TimeLimit): string {
  if (handlingType === '即办件' || limit.value === 0) return '即办';
  return `自受理之日起${limit.value}个${limit.unit}内办结`;
}

/** A statutory limit: "20个工作日" (and its note), or "即办". */
export function limitPhrase(limit: TimeLimit): string {
  const base = limit.value === 0 ? '即办' : `${limit.value}个${limit.unit}`;
  return limit.note ? `${base}（${limit.note}）` : base;
}

/** Never "无" or blank: an item without fees says 不收费. */
export function feePhrase(fee: { charged: boolean; items?: { name: string; standard: string }[] }): string {
  if (!fee.charged) return '不收费';
  return (fee.items ?? []).map((item) => `${item.name}：${item.standard}`).join('；') || '收费（标准见收费依据）';
}

/** "原件1份、复印件1份"; electronic forms need no copies: "电子版". */
export function materialFormPhrase(material: Partial<Pick<Material, 'forms' | 'copies'>>): string {
  const { forms, copies } = material;
  if (!forms?.length) return copies === undefined ? NOT_GIVEN : `${copies}份`;
  return forms
    .map((form) => (form === '电子' ? '电子版' : copies === undefined ? form : `${form}${copies}份`))
    .join('、');
}

export function visitsPhrase(visits: number, fullyOnline: boolean): string {
  if (visits === 0) return fullyOnline ? '0次（全程网办）' : '0次';
  return `${visits}次`;
}

/** "专家评审：30个工作日（不计入法定办结时限）". */
export function specialStepPhrase(step: SpecialStep): string {
  return `${step.name}：${limitPhrase(step.timeLimit)}（${step.counted ? '计入' : '不计入'}法定办结时限）`;
}

const DEPTH = ['', 'Ⅰ级', 'Ⅱ级', 'Ⅲ级', 'Ⅳ级（全程网办）'];

export function onlineDepthPhrase(depth: number): string {
  return DEPTH[depth] ?? String(depth);
}

export function yesNo(value: boolean | undefined): string {
  return value === undefined ? NOT_GIVEN : value ? '是' : '否';
}
