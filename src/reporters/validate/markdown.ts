/** A Markdown summary and table, for pull-request comments and CI job summaries. */
import { uiText } from '../../i18n/index.js';
import { positionOf } from '../../core/diagnostic.js';
import type { ValidationReport } from '../../core/validation-report.js';
import type { Reporter } from '../reporter.js';
import { visibleText } from '../shared/safe-text.js';
import { summarise } from './summary.js';

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export const markdown: Reporter<ValidationReport> = visibleText((report, { lang }) => {
  const counts = summarise(report.diagnostics);
  const scope = { catalogs: report.catalogCount, items: report.itemCount };
  const lines = [`### tongban validate`, ''];
  if (report.diagnostics.length === 0) {
    lines.push(uiText(lang, 'summary.clean', scope));
    return lines.join('\n') + '\n';
  }
  const icon = counts.errors ? '❌' : counts.warnings ? '⚠️' : 'ℹ️';
  lines.push(
    `${icon} ${uiText(lang, 'summary.problems', { total: report.diagnostics.length, ...counts, ...scope })}`,
    '',
  );
  lines.push(
    `| ${uiText(lang, 'table.file')} | ${uiText(lang, 'table.position')} | ${uiText(lang, 'table.severity')} | ${uiText(lang, 'table.code')} | ${uiText(lang, 'table.message')} |`,
  );
  lines.push('| --- | --- | --- | --- | --- |');
  for (const d of report.diagnostics) {
    const position = positionOf(d);
    lines.push(
      `| \`${cell(d.file)}\` | ${position} | ${uiText(lang, `severity.${d.severity}`)} | \`${d.code}\` | ${cell(d.message)} |`,
    );
  }
  return lines.join('\n') + '\n';
});
