/**
 * What the guide index's search matches: the words citizens type, not only the catalogue's. An item is
 * found by its name, department, type and codes, by the names of its materials, by the everyday words for
 * what it is (社保卡 for 社会保障卡, 低保 for 最低生活保障) and by the pinyin initials of its name
 * (spjyxk for 食品经营许可).
 */
import { pinyin } from 'pinyin-pro';

/**
 * Everyday words → the terms catalogues use for the same thing. An item whose name or materials contain a
 * term is found by its everyday words too. Kept short and certain: a wrong alias finds the wrong item.
 */
export const ALIASES: readonly { words: readonly string[]; terms: readonly string[] }[] = [
  { words: ['身份证'], terms: ['居民身份证'] },
  { words: ['社保卡', '社保'], terms: ['社会保障卡', '社会保险'] },
  { words: ['医保'], terms: ['医疗保障', '医疗保险'] },
  { words: ['低保'], terms: ['最低生活保障'] },
  { words: ['准生证', '生育证'], terms: ['生育登记', '生育服务'] },
  { words: ['开饭店', '开餐馆', '餐饮', '小吃店'], terms: ['食品经营许可'] },
  { words: ['卫生证'], terms: ['卫生许可'] },
  { words: ['施工证', '开工'], terms: ['施工许可'] },
  { words: ['规划证'], terms: ['规划许可'] },
  { words: ['执照'], terms: ['营业执照'] },
  { words: ['户口'], terms: ['户籍', '户口簿'] },
  { words: ['驾照'], terms: ['驾驶证'] },
  { words: ['结婚', '离婚'], terms: ['婚姻登记', '结婚证', '离婚证'] },
  { words: ['失业金', '找工作', '就业'], terms: ['失业登记', '就业登记', '失业保险金'] },
  { words: ['老年补贴', '高龄补贴', '老人补贴', '尊老金'], terms: ['高龄津贴'] },
  { words: ['残疾证'], terms: ['残疾人证'] },
  { words: ['人防'], terms: ['防空地下室', '人民防空'] },
  { words: ['工伤保险'], terms: ['工伤认定', '劳动能力鉴定'] },
  { words: ['办学', '开学校', '培训机构'], terms: ['民办学校'] },
  { words: ['公积金'], terms: ['住房公积金'] },
];

/** The everyday words for what `text` names (its terms found in ALIASES). */
export function aliasesOf(text: string): string[] {
  return ALIASES.filter((a) => a.terms.some((t) => text.includes(t))).flatMap((a) => a.words);
}

/** Initials already worked out: departments repeat across thousands of items (a value is a function of its key). */
const known = new Map<string, string>();

/** The pinyin initials of the Chinese characters of `text` (`食品经营许可` → `spjyxk`); other characters are kept, lower case. */
export function pinyinInitials(text: string): string {
  const cached = known.get(text);
  if (cached !== undefined) return cached;
  const initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  if (known.size >= 10_000) known.clear();
  known.set(text, initials);
  return initials;
}

export interface SearchSource {
  name: string;
  agency: string;
  type: string;
  codes: readonly string[];
  materials: readonly string[];
}

/**
 * One line the index's script searches (lower case, fields separated by spaces): the item's name, its
 * department, type and codes, its materials' names, the everyday words for it and its name's pinyin
 * initials.
 */
export function searchText(source: SearchSource): string {
  const words = aliasesOf([source.name, ...source.materials].join(' '));
  return [
    source.name,
    source.agency,
    source.type,
    ...source.codes,
    ...source.materials,
    ...words,
    pinyinInitials(source.name),
    pinyinInitials(source.agency),
  ]
    .filter((part) => part !== '')
    .join(' ')
    .toLowerCase();
}
