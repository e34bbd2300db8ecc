/** `tongban compare --format html`: the consistency matrix, regions as columns, deviations highlighted. */
import type { CompareResult } from '../../app/compare.js';
import type { Reporter } from '../reporter.js';
import { visibleControls } from '../shared/safe-text.js';
import { uiText } from '../../i18n/index.js';
import { escapeHtml as e, page } from '../shared/html.js';
import { elementLabel, showValue } from '../shared/values.js';

const percent = (score: number) => `${Math.round(score * 100)}%`;

export const html: Reporter<CompareResult> = visibleControls((result, { lang }) => {
  const head = `<tr><th>${e(uiText(lang, 'csv.basic code'))}</th><th>${e(uiText(lang, 'csv.name'))}</th><th>${e(uiText(lang, 'compare.score'))}</th>${result.regions.map((r) => `<th>${e(r)}</th>`).join('')}</tr>`;
  const rows = result.rows
    .map((row) => {
      const cells = result.regions.map((region) => {
        const cell = row.cells[region];
        if (!cell) return `<td class="absent">—</td>`;
        const deviations = row.deviations.filter((d) => d.region === region);
        if (!deviations.length) return `<td class="agree">✓ ${e(uiText(lang, 'compare.agree'))}</td>`;
        const titles = deviations.map((d) => `${elementLabel(lang, d.element)}：${showValue(d.value)}`).join('\n');
        return `<td class="deviate" title="${e(titles)}">${deviations.map((d) => e(elementLabel(lang, d.element))).join('、')}</td>`;
      });
      return `<tr><td>${e(row.key)}</td><td>${e(row.name)}</td><td class="score">${percent(row.score)}</td>${cells.join('')}</tr>`;
    })
    .join('\n');
  const regionScores = result.regions.map((r) => `<li>${e(r)}：${percent(result.regionScores[r] ?? 1)}</li>`).join('');
  const elementScores = result.elements
    .map((el) => `<li>${e(elementLabel(lang, el))}：${percent(result.elementScores[el] ?? 1)}</li>`)
    .join('');
  const body = [
    `<p>${e(uiText(lang, 'compare.title', { regions: result.regions.length, items: result.rows.length, score: percent(result.score) }))}</p>`,
    `<table class="sortable" id="matrix"><thead>${head}</thead><tbody>\n${rows}\n</tbody></table>`,
    `<h2>${e(uiText(lang, 'compare.by-region'))}</h2><ul>${regionScores}</ul>`,
    `<h2>${e(uiText(lang, 'compare.by-element'))}</h2><ul>${elementScores}</ul>`,
  ].join('\n');
  return page(uiText(lang, 'compare.heading'), body, lang);
});
