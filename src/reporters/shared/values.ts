/** How element values are written in diff and compare reports, in the report's language. */
import type { ElementName } from '../../core/diff/elements.js';
import { formatMessage, type Lang } from '../../i18n/index.js';

/** Time units of the code list, in English. */
const UNITS_EN: Record<string, [string, string]> = {
  工作日: ['working day', 'working days'],
  自然日: ['calendar day', 'calendar days'],
};

/** Words tongban itself writes into element values (core/diff/elements.ts), in English. */
const WORDS_EN: Record<string, string> = { 即办: 'immediate', 不收费: 'no fee' };

/** "20个工作日" (Chinese) or "20 working days" (English) for a limit held as "20工作日" or { value, unit }. */
function limitText(amount: number, unit: string, lang: Lang): string {
  if (amount === 0) return lang === 'en' ? 'immediate' : '即办';
  if (lang === 'en') {
    const en = UNITS_EN[unit];
    return en ? `${amount} ${amount === 1 ? en[0] : en[1]}` : `${amount} ${unit}`;
  }
  return unit in UNITS_EN ? `${amount}个${unit}` : `${amount}${unit}`;
}

/** One value as text: a limit in words, tongban's own words in the report's language, else as given. */
function scalarText(value: string, lang: Lang): string {
  const limit = /^(\d+(?:\.\d+)?)(工作日|自然日)$/.exec(value);
  if (limit) return limitText(Number(limit[1]), limit[2] as string, lang);
  return lang === 'en' ? (WORDS_EN[value] ?? value) : value;
}

/** What separates list entries: 「、」 in Chinese, "; " in English (entries may hold commas). */
export function listSeparator(lang: Lang): string {
  return lang === 'en' ? '; ' : '、';
}

/** A label and its value: 「材料：…」 in Chinese, "materials: …" in English. */
export function labelled(label: string, text: string, lang: Lang): string {
  return lang === 'en' ? `${label}: ${text}` : `${label}：${text}`;
}

export function showValue(value: unknown, lang: Lang = 'zh-CN'): string {
  if (value === undefined || value === null) return '—';
  if (Array.isArray(value)) {
    const entries = value.map((v) =>
      typeof v === 'object' && v !== null ? entryName(v, lang) : scalarText(String(v), lang),
    );
    // Sentences that hold 、 themselves (conditions, materials) are told apart by 「；」 in Chinese.
    const separator = lang !== 'en' && entries.some((e) => /[、，]/.test(e)) ? '；' : listSeparator(lang);
    return entries.join(separator) || '—';
  }
  if (typeof value === 'object') return entryName(value, lang);
  return scalarText(String(value), lang);
}

/** A list entry by what names it: a material's or step's name, a law and article, a time limit. */
export function entryName(entry: unknown, lang: Lang = 'zh-CN'): string {
  if (typeof entry !== 'object' || entry === null) return String(entry);
  const e = entry as Record<string, unknown>;
  if (typeof e.law === 'string') return [e.law, e.article].filter(Boolean).join(' ');
  if (typeof e.name === 'string') return e.name;
  if (typeof e.value === 'number' && typeof e.unit === 'string') return limitText(e.value, e.unit, lang);
  return JSON.stringify(entry);
}

export function elementLabel(lang: Lang, element: ElementName): string {
  return formatMessage(lang, `element.${element}`);
}
