/** `tongban diff --format csv`: one row per element change or list entry, for a spreadsheet. */
import type { DiffResult } from '../../app/diff.js';
import type { Reporter } from '../reporter.js';
import { visibleControls } from '../shared/safe-text.js';
import { uiText } from '../../i18n/index.js';
import { excelCsv } from '../shared/csv.js';
import { elementLabel, entryName, showValue } from '../shared/values.js';

export const csv: Reporter<DiffResult> = visibleControls((result, { lang }) => {
  const rows: string[][] = [
    (['basic code', 'name', 'element', 'standard', 'change', 'before', 'after'] as const).map((h) =>
      uiText(lang, `csv.${h}`),
    ),
  ];
  const yes = uiText(lang, 'csv.yes');
  const no = uiText(lang, 'csv.no');
  for (const pair of result.pairs) {
    for (const change of pair.changes) {
      const base = [pair.key, pair.name, elementLabel(lang, change.element), change.standard ? yes : no];
      if (!change.entries)
        rows.push([
          ...base,
          uiText(lang, 'csv.kind.changed'),
          showValue(change.before, lang),
          showValue(change.after, lang),
        ]);
      else
        for (const e of change.entries)
          rows.push([
            ...base,
            uiText(lang, `csv.kind.${e.kind}`),
            e.before === undefined ? '' : entryName(e.before),
            e.after === undefined ? '' : entryName(e.after),
          ]);
    }
  }
  for (const item of result.onlyLeft)
    rows.push([
      item.key ?? '',
      item.name,
      '',
      '',
      uiText(lang, 'diff.only', { side: result.left.label }),
      item.file,
      '',
    ]);
  for (const item of result.onlyRight)
    rows.push([
      item.key ?? '',
      item.name,
      '',
      '',
      uiText(lang, 'diff.only', { side: result.right.label }),
      '',
      item.file,
    ]);
  for (const group of result.groups)
    rows.push([
      group.key,
      group.name,
      '',
      '',
      uiText(lang, 'diff.groups'),
      group.left.join(' '),
      group.right.join(' '),
    ]);
  return excelCsv(rows);
});
