/**
 * Commander words its own errors in English ("error: unknown option '--x'", "(Did you mean …?)"). They are
 * said again here in the user's language, on one line, from the parts of commander's message: the option,
 * the value, the command. A message of a kind this does not know keeps commander's words after an
 * explanation in the user's language, so nothing is lost.
 */
import { uiText, type Lang } from '../i18n/index.js';
import type { UiKey } from '../i18n/ui.js';

type Args = Record<string, string | number>;

interface Pattern {
  match: RegExp;
  key: UiKey;
  args: (m: RegExpExecArray, lang: Lang) => Args;
}

/** A list of names: 「a、b、c」 in Chinese, "a, b, c" in English. */
function list(names: string, lang: Lang): string {
  return names
    .split(/,\s*/)
    .map((name) => name.trim())
    .filter(Boolean)
    .join(lang === 'zh-CN' ? '、' : ', ');
}

/** Why a value is invalid: the reasons tongban's own parsers and commander's choices give. */
function reason(text: string, lang: Lang): string {
  const choices = /^Allowed choices are (.*)\.$/.exec(text);
  if (choices) return uiText(lang, 'cli.choices', { choices: list(choices[1] as string, lang) });
  if (/^each --output follows the --format it is for\.?$/.test(text)) return uiText(lang, 'cli.outputOrder');
  return text;
}

const PATTERNS: Pattern[] = [
  { match: /^unknown option '(.+)'$/, key: 'cli.unknownOption', args: (m) => ({ option: m[1] as string }) },
  { match: /^unknown command '(.+)'$/, key: 'cli.unknownCommand', args: (m) => ({ command: m[1] as string }) },
  {
    match: /^missing required argument '(.+)'$/,
    key: 'cli.missingArgument',
    args: (m) => ({ argument: m[1] as string }),
  },
  { match: /^option '(.+)' argument missing$/, key: 'cli.optionArgument', args: (m) => ({ option: m[1] as string }) },
  {
    match: /^required option '(.+)' not specified$/,
    key: 'cli.requiredOption',
    args: (m) => ({ option: m[1] as string }),
  },
  {
    match: /^option '(.+)' argument '(.*)' is invalid\.\s*(.*)$/s,
    key: 'cli.invalidOption',
    args: (m, lang) => ({ option: m[1] as string, value: m[2] as string, reason: reason(m[3] as string, lang) }),
  },
  {
    match: /^command-argument value '(.*)' is invalid for argument '(.+)'\.\s*(.*)$/s,
    key: 'cli.invalidArgument',
    args: (m, lang) => ({ argument: m[2] as string, value: m[1] as string, reason: reason(m[3] as string, lang) }),
  },
  {
    match: /^too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    key: 'cli.excessArguments',
    args: (m) => ({ command: m[1] ?? 'tongban', expected: Number(m[2]), actual: Number(m[3]) }),
  },
];

/**
 * Commander's error text (`error: …`, possibly followed by a line `(Did you mean …?)`) as one line in
 * `lang`, ending in a newline.
 */
export function commanderMessage(text: string, lang: Lang): string {
  let message = text.trim().replace(/^error:\s*/, '');
  let suggestion = '';
  const similar = /\n?\(Did you mean (?:one of )?(.+)\?\)$/.exec(message);
  if (similar) {
    message = message.slice(0, similar.index).trim();
    suggestion = uiText(lang, 'cli.didYouMean', { names: list(similar[1] as string, lang) });
  }
  message = message.replace(/\s*\n\s*/g, ' ');
  const known = PATTERNS.map((p) => ({ p, m: p.match.exec(message) })).find((x) => x.m !== null);
  const worded = known?.m
    ? uiText(lang, known.p.key, known.p.args(known.m, lang))
    : uiText(lang, 'cli.other', { message });
  const hint = uiText(lang, 'cli.help');
  return (
    uiText(lang, 'error.usage', {
      message: [worded, suggestion, hint].filter(Boolean).join(lang === 'zh-CN' ? '' : ' '),
    }) + '\n'
  );
}
