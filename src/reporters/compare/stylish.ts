/** `tongban compare` for the terminal: scores per region and element, then each item's deviations. */
import type { CompareResult } from '../../app/compare.js';
import type { Reporter } from '../reporter.js';
import { visibleControls } from '../shared/safe-text.js';
import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { uiText } from '../../i18n/index.js';
import { elementLabel, showValue } from '../shared/values.js';

const percent = (score: number) => `${Math.round(score * 100)}%`;

export const stylish: Reporter<CompareResult> = visibleControls((result, { lang, color }) => {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - stringWidth(text)));
  const lines = [
    chalk.bold(
      uiText(lang, 'compare.title', {
        regions: result.regions.length,
        items: result.rows.length,
        score: percent(result.score),
      }),
    ),
    '',
  ];
  const regionWidth = Math.max(...result.regions.map((r) => stringWidth(r)));
  lines.push(chalk.bold(uiText(lang, 'compare.by-region')));
  for (const region of result.regions)
    lines.push(`  ${pad(region, regionWidth)}  ${percent(result.regionScores[region] ?? 1)}`);
  lines.push('', chalk.bold(uiText(lang, 'compare.by-element')));
  for (const element of result.elements)
    lines.push(`  ${pad(elementLabel(lang, element), 12)}  ${percent(result.elementScores[element] ?? 1)}`);
  lines.push('');
  for (const row of result.rows.filter((r) => r.deviations.length)) {
    const regions = Object.keys(row.cells).length;
    lines.push(
      `${chalk.underline(row.name)}  ${row.key}  ${uiText(lang, 'compare.row', { regions, score: percent(row.score) })}`,
    );
    for (const d of row.deviations) {
      const reference = row.reference[d.element];
      const against =
        reference?.from === 'none'
          ? uiText(lang, 'compare.none')
          : `${uiText(lang, reference?.from === 'basic' ? 'compare.basic' : 'compare.majority')}：${showValue(reference?.value)}`;
      lines.push(
        chalk.red(`  ${d.region}  ${elementLabel(lang, d.element)}：${showValue(d.value)}`) +
          chalk.dim(`  (${against})`),
      );
    }
  }
  if (result.problems.length) lines.push(chalk.red(uiText(lang, 'report.left-out', { count: result.problems.length })));
  return lines.join('\n') + '\n';
});
