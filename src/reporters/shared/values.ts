/** How element values are written in diff and compare reports. */
import type { ElementName } from '../../core/diff/elements.js';
import { formatMessage, type Lang } from '../../i18n/index.js';

export function showValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'object' && v !== null ? entryName(v) : String(v))).join('、') || '—';
  if (typeof value === 'object') return entryName(value);
  return String(value);
}

/** A list entry by what names it: a material's or step's name, a law and article. */
export function entryName(entry: unknown): string {
  if (typeof entry !== 'object' || entry === null) return String(entry);
  const e = entry as Record<string, unknown>;
  if (typeof e.law === 'string') return [e.law, e.article].filter(Boolean).join(' ');
  if (typeof e.name === 'string') return e.name;
  return JSON.stringify(entry);
}

export function elementLabel(lang: Lang, element: ElementName): string {
  return formatMessage(lang, `element.${element}`);
}
