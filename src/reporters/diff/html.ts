/** `tongban diff --format html`: a self-contained report page. */
import type { DiffResult } from '../../app/diff.js';
import type { Reporter } from '../reporter.js';
import { visibleControls } from '../shared/safe-text.js';
import { uiText } from '../../i18n/index.js';
import { changeLines, diffSummary } from './change-lines.js';
import { escapeHtml as e, langOf, page, text } from '../shared/html.js';

export const html: Reporter<DiffResult> = visibleControls((result, { lang }) => {
  const rows = result.pairs
    .filter((p) => p.changes.length)
    .map((p) => {
      const lines = changeLines(p, lang)
        .map((l) => `<div class="${l.standard ? 'standard' : 'vary'}"${langOf(l.text, lang)}>${e(l.text)}</div>`)
        .join('');
      return `<tr><td>${e(p.key)}</td><td>${text(p.name, lang)}</td><td>${lines}</td></tr>`;
    })
    .join('\n');
  const list = (items: DiffResult['onlyLeft']) =>
    `<ul>${items.map((i) => `<li>${e(i.name)} <code>${e(i.key ?? '—')}</code></li>`).join('')}</ul>`;
  const body = [
    `<p>${e(diffSummary(result, lang))}</p>`,
    `<table class="sortable"><thead><tr>${(['csv.basic code', 'csv.name', 'csv.change'] as const).map((key) => `<th scope="col"><button type="button">${e(uiText(lang, key))}</button></th>`).join('')}</tr></thead><tbody>\n${rows}\n</tbody></table>`,
    result.onlyLeft.length
      ? `<h2>${e(uiText(lang, 'diff.only', { side: result.left.label }))}</h2>${list(result.onlyLeft)}`
      : '',
    result.onlyRight.length
      ? `<h2>${e(uiText(lang, 'diff.only', { side: result.right.label }))}</h2>${list(result.onlyRight)}`
      : '',
    result.groups.length
      ? `<h2>${e(uiText(lang, 'diff.groups'))}</h2><ul>${result.groups.map((g) => `<li>${e(g.name)} <code>${e(g.key)}</code>: ${e(g.left.join(', '))} ↔ ${e(g.right.join(', '))}</li>`).join('')}</ul>`
      : '',
    result.proposals.length
      ? `<h2>${e(uiText(lang, 'diff.proposals'))}</h2><ul>${result.proposals.map((p) => `<li>${e(p.left.name)} ≈ ${e(p.right.name)} (${p.score})</li>`).join('')}</ul>`
      : '',
  ].join('\n');
  return page(`${result.left.label} ↔ ${result.right.label}`, body, lang);
});
