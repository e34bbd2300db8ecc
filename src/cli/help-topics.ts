/** Help on topics that are not commands: `tongban help templates` lists every field a guide template can use. */
import { displayWidth } from '../reporters/shared/display-width.js';
import { uiText, type Lang } from '../i18n/index.js';
import { GUIDE_FIELDS, INDEX_FIELDS, type FieldDocs } from './template-fields.js';

export const HELP_TOPICS = ['templates'] as const;

function fieldList(fields: FieldDocs, lang: Lang): string[] {
  const width = Math.max(...Object.keys(fields).map((path) => displayWidth(path)));
  return Object.entries(fields).map(
    ([path, words]) => `  ${path}${' '.repeat(width - displayWidth(path))}  ${words[lang]}`,
  );
}

export function templatesHelp(lang: Lang): string {
  return [
    uiText(lang, 'templates.intro'),
    '',
    uiText(lang, 'templates.guide'),
    ...fieldList(GUIDE_FIELDS, lang),
    '',
    uiText(lang, 'templates.index'),
    ...fieldList(INDEX_FIELDS, lang),
    '',
    uiText(lang, 'templates.usage'),
    '',
  ].join('\n');
}
