/** Commander writes its help headings and option notes in English; in zh-CN they are rendered in Chinese. */
import type { HelpConfiguration, Option } from 'commander';
import type { Lang } from '../i18n/index.js';

const ZH_TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

function zhOptionDescription(option: Option): string {
  const notes: string[] = [];
  if (option.argChoices) notes.push(`可选：${option.argChoices.join('、')}`);
  if (option.defaultValue !== undefined && (option.required || option.optional))
    notes.push(`默认：${String(option.defaultValue)}`);
  return notes.length ? `${option.description}（${notes.join('；')}）` : option.description;
}

export function helpConfiguration(lang: Lang): HelpConfiguration {
  if (lang !== 'zh-CN') return {};
  return { styleTitle: (title) => ZH_TITLES[title] ?? title, optionDescription: zhOptionDescription };
}
