/** `tongban stats` for the terminal: a table of measures (catalogs as columns), then missed targets. */
import type { StatsResult } from '../../app/stats.js';
import type { Reporter } from '../reporter.js';
import { visibleText } from '../shared/safe-text.js';
import { Chalk } from 'chalk';
import { displayWidth } from '../shared/display-width.js';
import { uiText } from '../../i18n/index.js';
import { bundleLines } from './bundle-lines.js';
import { listSeparator } from '../shared/values.js';
import { MEASURES, measureLabel, partialMeasures, showMeasure } from './labels.js';

export const stylish: Reporter<StatsResult> = visibleText((result, { lang, color }) => {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const columns = [
    // A catalog by the name of its region (else its own), with its folder on the line below.
    ...result.catalogs.map((c) => ({ title: c.title ?? c.label, folder: c.label, measures: c.measures })),
    ...result.byLevel.map((l) => ({ title: `[${l.level}]`, folder: '', measures: l.measures })),
  ];
  const folders = columns.some((c) => c.folder && c.folder !== c.title);
  const rows = [
    [uiText(lang, 'stats.measure'), ...columns.map((c) => c.title)],
    ...(folders ? [[uiText(lang, 'stats.folder'), ...columns.map((c) => c.folder)]] : []),
    [uiText(lang, 'stats.items'), ...columns.map((c) => String(c.measures.items))],
    ...MEASURES.map((m) => [measureLabel(lang, m), ...columns.map((c) => showMeasure(m, c.measures[m]))]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ''))));
  const lines = rows
    .map((r) =>
      r
        .map((cell, i) =>
          i === 0
            ? cell + ' '.repeat((widths[i] ?? 0) - displayWidth(cell))
            : ' '.repeat((widths[i] ?? 0) - displayWidth(cell)) + cell,
        )
        .join('  '),
    )
    .map((l, i) => (i === 0 ? chalk.bold(l) : folders && i === 1 ? chalk.dim(l) : l));
  lines.push('');
  // What real lists do not state: each measure is counted over the items that state what it needs.
  for (const c of result.catalogs) {
    const partial = partialMeasures(lang, c.measures, listSeparator(lang));
    if (partial)
      lines.push(chalk.dim(uiText(lang, 'stats.partial', { catalog: c.title ?? c.label, measures: partial })));
  }
  for (const c of result.catalogs) {
    for (const t of c.targets) {
      if (t.met === undefined) {
        lines.push(
          chalk.yellow(
            uiText(lang, 'stats.target-unknown', {
              catalog: c.title ?? c.label,
              measure: measureLabel(lang, t.measure),
            }),
          ),
        );
        continue;
      }
      const text = uiText(lang, t.met ? 'stats.target-met' : 'stats.target-missed', {
        catalog: c.title ?? c.label,
        measure: measureLabel(lang, t.measure),
        actual: showMeasure(t.measure, t.actual),
        target: showMeasure(t.measure, t.value),
      });
      lines.push(t.met ? chalk.green(text) : chalk.red(text));
    }
  }
  // Cancelled items count in no measure; say how many were left out.
  for (const c of result.catalogs)
    if (c.retired > 0)
      lines.push(chalk.dim(uiText(lang, 'stats.retired-note', { catalog: c.title ?? c.label, count: c.retired })));
  lines.push(...bundleLines(result.bundles, lang, chalk));
  if (result.problems.length) lines.push(chalk.red(uiText(lang, 'report.left-out', { count: result.problems.length })));
  return lines.join('\n') + '\n';
});
