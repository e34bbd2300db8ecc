/**
 * The 一件事 part of the stats page: one row per bundle with its figures before → after and the share of
 * members fully online, an overall row, and which national key matters each region covers. A table, not a
 * chart: a bundle has four figures of different units, and the table reads the same on a phone (it scrolls
 * inside its own box) and to a screen reader.
 */
import type { BundleStats } from '../../app/stats.js';
import { FIGURE_NAMES } from '../../core/bundles/model.js';
import type { Reduction } from '../../core/bundles/scores.js';
import { uiText, type Lang } from '../../i18n/index.js';
import { escapeHtml as e, scrollBox, text } from '../shared/html.js';

const share = (value: number | null) => (value === null ? '—' : `${Math.round(value * 1000) / 10}%`);
const cut = (reduction: number) =>
  `${reduction > 0 ? '−' : reduction < 0 ? '+' : ''}${Math.abs(Math.round(reduction * 1000) / 10)}%`;
const figure = (value: Reduction | undefined) =>
  value === undefined ? '—' : e(`${value.before}→${value.after} (${cut(value.reduction)})`);

export function bundleSection(stats: BundleStats, lang: Lang): string {
  if (stats.bundles.length === 0) return '';
  const head = [
    uiText(lang, 'stats.catalog'),
    uiText(lang, 'stats.bundle-name'),
    uiText(lang, 'stats.bundle-members'),
    ...FIGURE_NAMES.map((name) => uiText(lang, 'stats.figure', { figure: `bundle.${name}` })),
    uiText(lang, 'stats.bundle-online'),
  ];
  const rows = stats.bundles.map(
    (b) =>
      `<tr><td>${text(b.catalog, lang)}</td><th scope="row">${text(b.name, lang)}</th><td class="number">${b.members}</td>${FIGURE_NAMES.map((name) => `<td class="number">${figure(b.computed[name])}</td>`).join('')}<td class="number">${share(b.fullyOnlineShare)}</td></tr>`,
  );
  const overall = `<tr><td>—</td><th scope="row">${e(uiText(lang, 'stats.bundles', { count: stats.overall.bundles }))}</th><td class="number">—</td>${FIGURE_NAMES.map(
    (name) => {
      const value = stats.overall.reductions[name];
      return `<td class="number">${value === undefined ? '—' : e(cut(value))}</td>`;
    },
  ).join('')}<td class="number">${share(stats.overall.fullyOnlineShare)}</td></tr>`;
  const table = `<table class="data"><caption id="bundles-caption">${e(uiText(lang, 'stats.bundles-caption'))}</caption><thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}${overall}</tbody></table>`;
  const { keyMatters } = stats;
  const titleOf = (id: string) => keyMatters.matters.find((m) => m.id === id)?.title ?? id;
  const coverage = keyMatters.catalogs
    .map((c) => {
      const titles = c.covered.map(titleOf);
      const covered = titles.length ? (lang === 'en' ? ` (${titles.join(', ')})` : `（${titles.join('、')}）`) : '';
      const line = uiText(lang, 'stats.key-matters', {
        catalog: c.catalog,
        count: c.count,
        total: keyMatters.total,
        covered,
      });
      return `<li>${text(line, lang)}</li>`;
    })
    .join('');
  return `<section id="bundles" aria-labelledby="h-bundles"><h2 id="h-bundles">${e(uiText(lang, 'stats.bundles-heading'))}</h2>${scrollBox('bundles', table)}<h3>${e(uiText(lang, 'stats.key-matters-heading'))}</h3><ul>${coverage}</ul><p class="meta">${e(uiText(lang, 'stats.key-matters-note', { total: keyMatters.total, confirmed: keyMatters.confirmed }))}</p></section>`;
}
