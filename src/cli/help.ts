/**
 * Commander writes its help headings and option notes in English; in zh-CN they are rendered in Chinese,
 * measured by display width (a Chinese character takes two columns) and wrapped between characters,
 * since Chinese text has no spaces for commander's word wrapping to break at.
 */
import { displayWidth } from '../reporters/shared/display-width.js';
import { Help, type Command, type HelpConfiguration, type Option } from 'commander';
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
  if (!notes.length) return option.description;
  // A description that ends in a parenthesis of its own (its default, said in words) takes the notes
  // into it: `（默认按系统区域设置；可选：zh-CN、en）`, not two parentheses in a row.
  const { description } = option;
  return description.endsWith('）') && description.lastIndexOf('（') > 0
    ? `${description.slice(0, -1)}；${notes.join('；')}）`
    : `${description}（${notes.join('；')}）`;
}

/** Breakable pieces: each CJK character (with the spaces before it), or a run of other non-space text. */
const CHUNK = /\s*(?:[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+)/g;
/** Punctuation that must not begin a line (避头): it stays with the character before it. */
const NO_LINE_START = /^[，。、；：？！）》」』】〕…—]/;

/** Wraps `text` to `width` display columns, keeping its own line breaks. */
export function wrapByWidth(text: string, width: number): string {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const lines: string[] = [];
      let current: string[] = [];
      const text = (chunks: string[]) => chunks.join('');
      for (const chunk of line.match(CHUNK) ?? []) {
        if (current.length === 0 || displayWidth(text(current) + chunk) <= width) {
          current.push(chunk);
          continue;
        }
        // Punctuation that may not begin a line takes the character before it along to the next line.
        const carried = NO_LINE_START.test(chunk.trimStart()) && current.length > 1 ? [current.pop() as string] : [];
        lines.push(text(current));
        current = [...carried, chunk].map((c, i) => (i === 0 ? c.trimStart() : c));
      }
      lines.push(text(current));
      return lines.join('\n');
    })
    .join('\n');
}

/** The placeholders commander puts in usage lines, in Chinese; argument names (<paths...>) stay as declared. */
const ZH_PLACEHOLDERS: Record<string, string> = { '[options]': '[选项]', '[command]': '[命令]' };

export function helpConfiguration(lang: Lang): HelpConfiguration {
  if (lang !== 'zh-CN') return {};
  return {
    // A full-width colon is followed by no space in Chinese text: 「用法：tongban …」.
    formatHelp(this: Help, cmd: Command, helper: Help) {
      return Help.prototype.formatHelp.call(this, cmd, helper).replace(/^用法： /, '用法：');
    },
    styleOptionText: (text) => ZH_PLACEHOLDERS[text] ?? text,
    styleSubcommandText: (text) => ZH_PLACEHOLDERS[text] ?? text,
    styleTitle: (title) => ZH_TITLES[title] ?? title,
    optionDescription: zhOptionDescription,
    displayWidth,
    boxWrap: (text, width) => (width < 40 ? text : wrapByWidth(text, width)),
  };
}
