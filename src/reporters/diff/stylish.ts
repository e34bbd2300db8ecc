/** `tongban diff` for the terminal: changed items with their element changes, then one-sided items. */
import type { DiffResult } from '../../app/diff.js';
import type { Reporter } from '../reporter.js';
import { visibleControls } from '../shared/safe-text.js';
import { Chalk } from 'chalk';
import { uiText } from '../../i18n/index.js';
import { changeLines, diffSummary } from './change-lines.js';

export const stylish: Reporter<DiffResult> = visibleControls((result, { lang, color }) => {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const lines = [chalk.bold(`${result.left.label}  ↔  ${result.right.label}`), ''];
  for (const pair of result.pairs.filter((p) => p.changes.length)) {
    lines.push(chalk.underline(`${pair.name}  ${pair.key}`));
    for (const line of changeLines(pair, lang))
      lines.push('  ' + (line.standard ? chalk.red(line.text) : chalk.dim(line.text)));
    lines.push('');
  }
  const side = (title: string, items: DiffResult['onlyLeft']) => {
    if (!items.length) return;
    lines.push(chalk.bold(title));
    for (const item of items) lines.push(`  ${item.name}  ${item.key ?? '—'}  ${chalk.dim(item.file)}`);
    lines.push('');
  };
  side(uiText(lang, 'diff.only', { side: result.left.label }), result.onlyLeft);
  side(uiText(lang, 'diff.only', { side: result.right.label }), result.onlyRight);
  if (result.proposals.length) {
    lines.push(chalk.bold(uiText(lang, 'diff.proposals')));
    for (const p of result.proposals)
      lines.push(
        chalk.yellow(`  ${p.left.name} (${p.left.key ?? '—'})  ≈  ${p.right.name} (${p.right.key ?? '—'})  ${p.score}`),
      );
    lines.push('');
  }
  for (const d of result.duplicates)
    lines.push(chalk.yellow(uiText(lang, 'diff.duplicate', { key: d.key, files: d.files.join('、') })));
  lines.push(diffSummary(result, lang));
  if (result.problems.length) lines.push(chalk.red(uiText(lang, 'report.left-out', { count: result.problems.length })));
  return lines.join('\n') + '\n';
});
