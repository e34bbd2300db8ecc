/**
 * `tongban compare --format html`: the consistency matrix, items as rows (the name kept in view while the
 * table scrolls sideways in its own box on a phone), regions as columns; each deviating cell says in its
 * text which elements differ and how, not only in a tooltip.
 */
import type { CompareResult } from '../../app/compare.js';
import type { Reporter } from '../reporter.js';
import { percent } from '../shared/percent.js';
import { visibleControls } from '../shared/safe-text.js';
import { uiText, type Lang } from '../../i18n/index.js';
import { escapeHtml as e, page, scrollBox, text } from '../shared/html.js';
import { elementLabel, showValue } from '../shared/values.js';

/** A header that sorts the matrix by its column. */
const sortable = (content: string, className = '') =>
  `<th scope="col"${className ? ` class="${className}"` : ''}><button type="button">${content}</button></th>`;

function regionHeader(result: CompareResult, region: string, lang: Lang): string {
  const name = result.names?.[region] ?? region;
  const folder = name === region ? '' : `<span class="folder">${text(region, lang)}</span>`;
  return `<th scope="col"><button type="button">${text(name, lang)}</button>${folder}</th>`;
}

export const html: Reporter<CompareResult> = visibleControls((result, { lang }) => {
  const head = `<tr>${sortable(e(uiText(lang, 'csv.name')), 'name')}${sortable(e(uiText(lang, 'csv.basic code')))}${sortable(e(uiText(lang, 'compare.score')))}${result.regions.map((r) => regionHeader(result, r, lang)).join('')}</tr>`;
  const rows = result.rows
    .map((row) => {
      const cells = result.regions.map((region) => {
        const cell = row.cells[region];
        if (!cell) return `<td class="absent">${e(uiText(lang, 'compare.absent'))}</td>`;
        const deviations = row.deviations.filter((d) => d.region === region);
        if (!deviations.length) {
          // Agreement only where something was compared; what the region does not state is said as such.
          const states = Object.values(cell);
          const notStated = states.filter((c) => c === 'absent').length;
          if (!states.includes('agree')) return `<td class="unscored">— ${e(uiText(lang, 'compare.unscored'))}</td>`;
          const note = notStated
            ? ` <span class="note">${e(uiText(lang, 'compare.notStated', { count: notStated }))}</span>`
            : '';
          return `<td class="agree">✓ ${e(uiText(lang, 'compare.agree'))}${note}</td>`;
        }
        const items = deviations
          .map((d) => {
            const value = showValue(d.value, lang);
            return `<li><strong>${e(elementLabel(lang, d.element))}</strong>${lang === 'en' ? ': ' : '：'}${text(value, lang)}</li>`;
          })
          .join('');
        return `<td class="deviate"><ul class="diffs">${items}</ul></td>`;
      });
      return `<tr><th scope="row" class="name">${text(row.name, lang)}</th><td class="code">${e(row.key)}</td><td class="score" data-sort="${row.score ?? -1}">${percent(row.score)}</td>${cells.join('')}</tr>`;
    })
    .join('\n');
  const regionScores = result.regions
    .map((r) => `<li>${text(result.names?.[r] ?? r, lang)}：${percent(result.regionScores[r] ?? 1)}</li>`)
    .join('');
  const elementScores = result.elements
    .map((el) => `<li>${e(elementLabel(lang, el))}：${percent(result.elementScores[el] ?? 1)}</li>`)
    .join('');
  // The caption names the scrolling box for screen readers; the heading above the box stays in view.
  const caption = `<caption id="matrix-caption" class="sr-only">${e(uiText(lang, 'compare.matrix'))}</caption>`;
  const table = `<table class="sortable" id="matrix">${caption}<thead>${head}</thead><tbody>\n${rows}\n</tbody></table>`;
  const body = [
    `<p>${e(uiText(lang, 'compare.title', { regions: result.regions.length, items: result.rows.length, score: percent(result.score) }))}</p>`,
    `<h2 id="matrix-title">${e(uiText(lang, 'compare.matrix'))}</h2>`,
    scrollBox('matrix', table, uiText(lang, 'report.scroll')),
    `<section aria-labelledby="by-region"><h2 id="by-region">${e(uiText(lang, 'compare.by-region'))}</h2><ul>${regionScores}</ul></section>`,
    `<section aria-labelledby="by-element"><h2 id="by-element">${e(uiText(lang, 'compare.by-element'))}</h2><ul>${elementScores}</ul></section>`,
  ].join('\n');
  return page(uiText(lang, 'compare.heading'), body, lang, {
    nav: {
      label: uiText(lang, 'report.contents'),
      links: [
        { href: '#matrix-title', text: uiText(lang, 'compare.matrix') },
        { href: '#by-region', text: uiText(lang, 'compare.by-region') },
        { href: '#by-element', text: uiText(lang, 'compare.by-element') },
      ],
    },
  });
});
