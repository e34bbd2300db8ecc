/** `tongban diff --format markdown`: for pull-request comments and reports. */
import type { DiffResult } from '../../app/diff.js';
import type { Reporter } from '../reporter.js';
import { visibleText } from '../shared/safe-text.js';
import { uiText } from '../../i18n/index.js';
import { bundleSections } from './bundle-lines.js';
import { changeLines, diffSummary } from './change-lines.js';

const escape = (text: string) => text.replace(/([\\`*_|<>])/g, '\\$1');

export const markdown: Reporter<DiffResult> = visibleText((result, { lang }) => {
  const lines = [`### ${escape(result.left.label)} ↔ ${escape(result.right.label)}`, '', diffSummary(result, lang), ''];
  for (const pair of result.pairs.filter((p) => p.changes.length)) {
    lines.push(`#### ${escape(pair.name)} \`${pair.key}\``, '');
    for (const line of changeLines(pair, lang))
      lines.push(
        `${line.text.startsWith('    ') ? '  ' : ''}- ${line.standard ? '**' : ''}${escape(line.text.trim())}${line.standard ? '**' : ''}`,
      );
    lines.push('');
  }
  for (const [title, items] of [
    [uiText(lang, 'diff.only', { side: result.left.label }), result.onlyLeft],
    [uiText(lang, 'diff.only', { side: result.right.label }), result.onlyRight],
  ] as const) {
    if (!items.length) continue;
    lines.push(`#### ${escape(title)}`, '', ...items.map((i) => `- ${escape(i.name)} \`${i.key ?? '—'}\``), '');
  }
  if (result.groups.length)
    lines.push(
      `#### ${escape(uiText(lang, 'diff.groups'))}`,
      '',
      ...result.groups.map(
        (g) => `- ${escape(g.name)} \`${g.key}\`: ${escape(g.left.join(', '))} ↔ ${escape(g.right.join(', '))}`,
      ),
      '',
    );
  if (result.proposals.length)
    lines.push(
      `#### ${uiText(lang, 'diff.proposals')}`,
      '',
      ...result.proposals.map((p) => `- ${escape(p.left.name)} ≈ ${escape(p.right.name)} (${p.score})`),
      '',
    );
  for (const section of bundleSections(result, lang)) {
    lines.push(`#### ${escape(section.title)}`, '');
    for (const entry of section.entries)
      lines.push(`- ${escape(entry.heading)}`, ...entry.lines.map((line) => `  - ${escape(line)}`));
    lines.push('');
  }
  return lines.join('\n') + '\n';
});
