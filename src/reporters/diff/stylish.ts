/** `tongban diff` for the terminal: changed items with their element changes, then one-sided items. */
import type { DiffResult } from '../../app/diff.js';
import type { Reporter } from '../reporter.js';
import { visibleText } from '../shared/safe-text.js';
import { Chalk } from 'chalk';
import { uiText } from '../../i18n/index.js';
import { listSeparator } from '../shared/values.js';
import { bundleSections } from './bundle-lines.js';
import { changeLines, diffSummary } from './change-lines.js';

export const stylish: Reporter<DiffResult> = visibleText((result, { lang, color }) => {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const lines = [chalk.bold(`${result.left.label}  ↔  ${result.right.label}`), ''];
  for (const pair of result.pairs.filter((p) => p.changes.length)) {
    // Where one key has several agencies, which two files were compared, and why those two.
    let via = '';
    if (pair.via !== 'key') {
      const why = uiText(lang, `diff.via.${pair.via}`);
      via = chalk.dim(`  ${pair.left} ↔ ${pair.right}${lang === 'en' ? ` (${why})` : `（${why}）`}`);
    }
    lines.push(chalk.underline(`${pair.name}  ${pair.key}`) + via);
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
  if (result.groups.length) {
    lines.push(chalk.bold(uiText(lang, 'diff.groups')));
    for (const g of result.groups) {
      lines.push(`  ${g.name}  ${g.key}`);
      lines.push(chalk.dim(`    ${result.left.label}: ${g.left.join(listSeparator(lang))}`));
      lines.push(chalk.dim(`    ${result.right.label}: ${g.right.join(listSeparator(lang))}`));
    }
    lines.push('');
  }
  // Bundles (一件事): what changed in each, and those on one side only.
  for (const section of bundleSections(result, lang)) {
    lines.push(chalk.bold(section.title));
    for (const entry of section.entries) {
      lines.push(`  ${chalk.underline(entry.heading)}`);
      for (const line of entry.lines) lines.push(`    ${line}`);
    }
    lines.push('');
  }
  lines.push(diffSummary(result, lang));
  if (result.problems.length) lines.push(chalk.red(uiText(lang, 'report.left-out', { count: result.problems.length })));
  return lines.join('\n') + '\n';
});
