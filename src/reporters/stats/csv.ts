/** `tongban stats --format csv`: one row per catalog and per level, one column per measure. */
import type { StatsResult } from '../../app/stats.js';
import { uiText } from '../../i18n/index.js';
import type { Reporter } from '../reporter.js';
import { visibleControls } from '../shared/safe-text.js';
import { excelCsv } from '../shared/csv.js';
import { MEASURES, measureLabel } from './labels.js';

export const csv: Reporter<StatsResult> = visibleControls((result, { lang }) => {
  const header = [
    uiText(lang, 'stats.catalog'),
    uiText(lang, 'stats.level'),
    uiText(lang, 'stats.items'),
    ...MEASURES.map((m) => measureLabel(lang, m)),
  ];
  const rows = [
    ...result.catalogs.map((c) => [
      c.label,
      c.level ?? '',
      String(c.measures.items),
      ...MEASURES.map((m) => String(c.measures[m])),
    ]),
    ...result.byLevel.map((l) => [
      `[${l.level}]`,
      l.level,
      String(l.measures.items),
      ...MEASURES.map((m) => String(l.measures[m])),
    ]),
  ];
  return excelCsv([header, ...rows]);
});
