/** `tongban compare --format csv`: items as rows, regions as columns, each cell the deviating elements. */
import type { CompareResult } from '../../app/compare.js';
import type { Reporter } from '../reporter.js';
import { visibleControls } from '../shared/safe-text.js';
import { uiText } from '../../i18n/index.js';
import { excelCsv } from '../shared/csv.js';
import { elementLabel, listSeparator } from '../shared/values.js';

export const csv: Reporter<CompareResult> = visibleControls((result, { lang }) => {
  const header = [
    uiText(lang, 'csv.basic code'),
    uiText(lang, 'csv.name'),
    uiText(lang, 'compare.score'),
    ...result.regions,
  ];
  const rows = result.rows.map((row) => [
    row.key,
    row.name,
    row.score === undefined ? '' : String(row.score),
    ...result.regions.map((region) => {
      const cells = row.cells[region];
      if (!cells) return '';
      const deviating = Object.entries(cells)
        .filter(([, cell]) => cell === 'deviate')
        .map(([element]) => elementLabel(lang, element as never));
      if (deviating.length) return deviating.join(listSeparator(lang));
      // Agreement only where something was compared.
      return Object.values(cells).includes('agree') ? uiText(lang, 'compare.agree') : uiText(lang, 'compare.unscored');
    }),
  ]);
  return excelCsv([header, ...rows]);
});
