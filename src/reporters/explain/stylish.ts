/** `tongban code explain` for the terminal: one table per code (segment, position, value, meaning), then a verdict. */
import { displayWidth } from '../shared/display-width.js';
import type { ExplainResult } from '../../app/explain-codes.js';
import { formatMessage, uiText } from '../../i18n/index.js';
import type { Reporter } from '../reporter.js';
import { visibleText } from '../shared/safe-text.js';

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export const stylish: Reporter<ExplainResult> = visibleText(({ explanations }, { lang }) => {
  const blocks = explanations.map((e) => {
    const head = `${e.code}  ${uiText(lang, `explain.kind.${e.kind}`)}  ${uiText(lang, 'explain.profile', { profile: e.profile.name, id: e.profile.id })}`;
    const rows = e.parts.map((p) => [
      p.ok ? '✔' : '✖',
      lang === 'en' ? (p.titleEn ?? p.title) : p.title,
      String(p.position),
      p.value,
      formatMessage(lang, p.meaning.code, p.meaning.args),
    ]);
    const widths = [0, 1, 2, 3].map((i) => Math.max(0, ...rows.map((r) => displayWidth(r[i] as string))));
    const lines = rows.map(
      (r) => '  ' + r.map((cell, i) => (i < 4 ? pad(cell, widths[i] as number) : cell)).join('  '),
    );
    const verdict = e.problem
      ? `  ✖ ${formatMessage(lang, e.problem.code, e.problem.args)}`
      : `  ✔ ${uiText(lang, 'explain.valid')}`;
    return [head, ...lines, verdict].join('\n');
  });
  return blocks.join('\n\n') + '\n';
});
