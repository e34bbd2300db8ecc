/** Languages, and turning a code plus arguments into words. Pure: the caller says which language. */
import type { MessageArgs } from '../core/diagnostic.js';
import { en, enTerms } from './en.js';
import type { MessageKey, Messages } from './message-keys.js';
import { ui, type UiKey } from './ui.js';
import { zhCN, zhCNTerms } from './zh-CN.js';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

const MESSAGES: Record<Lang, { messages: Messages; terms: Record<string, string> }> = {
  'zh-CN': { messages: zhCN, terms: zhCNTerms },
  en: { messages: en, terms: enTerms },
};

/** zh-CN when the locale says Chinese (LC_ALL, LC_MESSAGES or LANG, e.g. zh_CN.UTF-8), English otherwise. */
export function detectLang(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh-CN' : 'en';
}

export function parseLang(value: string): Lang | undefined {
  const normalised = value.replace('_', '-').toLowerCase();
  if (normalised === 'zh' || normalised.startsWith('zh-')) return 'zh-CN';
  if (normalised === 'en' || normalised.startsWith('en-')) return 'en';
  return undefined;
}

/**
 * `{name}` is the argument, `{name|term}` its word in the terms table, and `{name|plural|one|other}` the
 * word that agrees with a count (English: "1 problem", "2 problems"); Chinese needs no plural forms.
 */
const PLACEHOLDER = /\{(\w+)(?:(\|term)|\|plural\|([^{}|]*)\|([^{}|]*))?\}/g;

function interpolate(template: string, args: MessageArgs, terms: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string, term?: string, one?: string, other?: string) => {
    const value = args[name];
    if (value === undefined) return whole;
    if (one !== undefined) return Number(value) === 1 ? one : (other ?? one);
    return term ? (terms[String(value)] ?? String(value)) : String(value);
  });
}

export type { MessageKey } from './message-keys.js';

/** The message for a code (a finding, a usage error, a report's vocabulary), its arguments filled in. */
export function formatMessage(lang: Lang, code: MessageKey, args: MessageArgs = {}): string {
  const { messages, terms } = MESSAGES[lang];
  return interpolate(messages[code], args, terms);
}

/** A code's message with its arguments elided: what the rule is about, for rule listings (SARIF). */
export function describeCode(lang: Lang, code: MessageKey): string {
  return MESSAGES[lang].messages[code].replace(PLACEHOLDER, (_whole, _name, _term, _one, other?: string) =>
    other !== undefined ? other : '…',
  );
}

export function uiText(lang: Lang, key: UiKey, args: MessageArgs = {}): string {
  return interpolate(ui[lang][key], args, MESSAGES[lang].terms);
}
