/** `tongban stats` for the terminal: a table of measures (catalogs as columns), then missed targets. */
import type { StatsResult } from '../../app/stats.js';
import type { Reporter } from '../reporter.js';
import { visibleControls } from '../shared/safe-text.js';
import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { uiText } from '../../i18n/index.js';
import { MEASURES, measureLabel, showMeasure } from './labels.js';

export const stylish: Reporter<StatsResult> = visibleControls((result, { lang, color }) => {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const columns = [
    ...result.catalogs.map((c) => ({ title: c.label, measures: c.measures })),
    ...result.byLevel.map((l) => ({ title: `[${l.level}]`, measures: l.measures })),
  ];
  const rows = [
    [uiText(lang, 'stats.measure'), ...columns.map((c) => c.title)],
    [uiText(lang, 'stats.items'), ...columns.map((c) => String(c.measures.items))],
    ...MEASURES.map((m) => [measureLabel(lang, m), ...columns.map((c) => showMeasure(m, c.measures[m]))]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => stringWidth(r[i] ?? ''))));
  const lines = rows
    .map((r) =>
      r
        .map((cell, i) =>
          i === 0
            ? cell + ' '.repeat((widths[i] ?? 0) - stringWidth(cell))
            : ' '.repeat((widths[i] ?? 0) - stringWidth(cell)) + cell,
        )
        .join('  '),
    )
    .map((l, i) => (i === 0 ? chalk.bold(l) : l));
  lines.push('');
  for (const c of result.catalogs) {
    for (const t of c.targets) {
      const text = uiText(lang, t.met ? 'stats.target-met' : 'stats.target-missed', {
        catalog: c.label,
        measure: measureLabel(lang, t.measure),
        actual: showMeasure(t.measure, t.actual),
        target: showMeasure(t.measure, t.value),
      });
      lines.push(t.met ? chalk.green(text) : chalk.red(text));
    }
  }
  if (result.problems.length) lines.push(chalk.red(uiText(lang, 'report.left-out', { count: result.problems.length })));
  return lines.join('\n') + '\n';
});
