/**
 * `tongban stats --format html`: per measure, a bar chart of each catalog and each level (HTML and CSS, no
 * network: the bars reflow to any screen and print), targets marked, misses in red and said in words, a
 * legend, and the numbers in a table under the chart (the chart itself tells a screen reader the numbers).
 */
import type { CatalogStats, StatsResult } from '../../app/stats.js';
import type { MeasureName, TargetResult } from '../../core/stats/measures.js';
import type { Reporter } from '../reporter.js';
import { visibleControls } from '../shared/safe-text.js';
import { uiText, type Lang } from '../../i18n/index.js';
import { escapeHtml as e, langOf, page, scrollBox, text } from '../shared/html.js';
import { bundleSection } from './bundle-section.js';
import { MEASURES, measureLabel, showMeasure } from './labels.js';

const MET = '#2e7d32';
const MISSED = '#c62828';
const NONE = '#0b5cad';

const STYLE = `
.overview{width:auto}
section.measure{break-inside:auto}
section.measure h2{break-after:avoid;page-break-after:avoid}
figure.chart{margin:.5rem 0 0;break-inside:avoid;page-break-inside:avoid}
.bars{display:grid;grid-template-columns:minmax(0,11rem) minmax(5rem,1fr) auto;gap:.35rem .6rem;align-items:center;max-width:48rem}
.bars .group{grid-column:1/-1;margin:.4rem 0 0;font-weight:600}
.bar-label{overflow-wrap:anywhere;line-height:1.3}
.track{position:relative;height:1.4rem;background:#f1f1f1;border:1px solid #767676}
.bar{position:absolute;left:0;top:0;bottom:0;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.bar.met{background:${MET}}.bar.missed{background:${MISSED}}.bar.none{background:${NONE}}
.mark{position:absolute;top:-.3rem;bottom:-.3rem;width:0;border-left:3px dashed #000}
.bar-value{font-variant-numeric:tabular-nums;white-space:nowrap}
.bar-value .missed-word{color:#b00020;font-weight:600}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:.6rem 0;font-size:.9rem}
.swatch{display:inline-block;width:1rem;height:1rem;vertical-align:-.15rem;margin-right:.3rem;border:1px solid #000;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.swatch.met{background:${MET}}.swatch.missed{background:${MISSED}}.swatch.none{background:${NONE}}
.swatch.mark{position:static;width:0;border:0;border-left:3px dashed #000;height:1.1rem;margin:0 .5rem 0 .3rem}
table.data{width:100%}.scroll:has(table.data){max-width:48rem;border:0}
td.missed{color:#b00020;font-weight:600}
td.level{white-space:nowrap}
@media (max-width:40em){.bars{grid-template-columns:minmax(4rem,1fr) auto;row-gap:.1rem}.bar-label{grid-column:1/-1;margin-top:.25rem}}
@media print{.track{border-color:#000}}
`;

interface Bar {
  label: string;
  /** Undefined when no item states what the measure needs. */
  value: number | undefined;
  target: TargetResult | undefined;
}

/** A measure's value as shown; an unknown one (no item states what it needs) as a dash, never 0. */
const show = (measure: MeasureName, value: number | undefined) =>
  value === undefined ? '—' : showMeasure(measure, value);

function barRow(measure: MeasureName, bar: Bar, max: number, lang: Lang): string {
  const width = bar.value === undefined ? 0 : Math.max(0, Math.min(100, (bar.value / max) * 100));
  const state = bar.target?.met === undefined ? 'none' : bar.target.met ? 'met' : 'missed';
  const mark = bar.target
    ? `<span class="mark" style="left:${Math.min(100, (bar.target.value / max) * 100).toFixed(1)}%"></span>`
    : '';
  const missed =
    state === 'missed' ? ` <span class="missed-word">${e(uiText(lang, 'stats.legend-missed'))}</span>` : '';
  return `<span class="bar-label"${langOf(bar.label, lang)}>${e(bar.label)}</span><span class="track"><span class="bar ${state}" style="width:${width.toFixed(1)}%"></span>${mark}</span><span class="bar-value">${e(show(measure, bar.value))}${missed}</span>`;
}

/** What the chart says, in words and numbers, for a screen reader: each bar's value, target and whether it is met. */
function spoken(measure: MeasureName, bars: Bar[], lang: Lang): string {
  const sep = lang === 'en' ? '; ' : '；';
  return bars
    .map((b) => {
      const value = show(measure, b.value);
      if (b.target?.met === undefined) return `${b.label} ${value}`;
      const verdict = uiText(lang, b.target.met ? 'stats.legend-met' : 'stats.legend-missed');
      return `${b.label} ${value} (${uiText(lang, 'stats.target')} ${showMeasure(measure, b.target.value)}, ${verdict})`;
    })
    .join(sep);
}

function chart(result: StatsResult, lang: Lang, measure: MeasureName): string {
  const catalogs: Bar[] = result.catalogs.map((c) => ({
    label: c.title ?? c.label,
    value: c.measures[measure],
    target: c.targets.find((t) => t.measure === measure),
  }));
  const levels: Bar[] = result.byLevel.map((l) => ({ label: l.level, value: l.measures[measure], target: undefined }));
  const all = [...catalogs, ...levels];
  const max = measure === 'materialsPerItem' ? Math.max(1, ...all.map((b) => b.value ?? 0)) : 1;
  const label = measureLabel(lang, measure);
  const group = (title: string, bars: Bar[]) =>
    bars.length ? `<p class="group">${e(title)}</p>${bars.map((b) => barRow(measure, b, max, lang)).join('')}` : '';
  const aria = `${label}${lang === 'en' ? ': ' : '：'}${spoken(measure, all, lang)}`;
  const legend = `<figcaption class="legend"><span class="sr-only">${e(uiText(lang, 'stats.legend'))}</span><span><span class="swatch met"></span>${e(uiText(lang, 'stats.legend-met'))}</span><span><span class="swatch missed"></span>${e(uiText(lang, 'stats.legend-missed'))}</span><span><span class="swatch none"></span>${e(uiText(lang, 'stats.legend-none'))}</span><span><span class="swatch mark"></span>${e(uiText(lang, 'stats.legend-target'))}</span></figcaption>`;
  const figure = `<figure class="chart"><div class="bars" role="img" aria-label="${e(aria)}">${group(uiText(lang, 'stats.by-catalog'), catalogs)}${group(uiText(lang, 'stats.by-level'), levels)}</div>${legend}</figure>`;
  const dataRow = (b: Bar, level: string | null) => {
    const met = b.target?.met === undefined ? '—' : uiText(lang, b.target.met ? 'csv.yes' : 'csv.no');
    return `<tr><th scope="row">${text(b.label, lang)}</th><td class="level">${level === null ? '—' : text(level, lang)}</td><td class="number">${e(show(measure, b.value))}</td><td class="number">${b.target ? e(showMeasure(measure, b.target.value)) : '—'}</td><td${b.target?.met === false ? ' class="missed"' : ''}>${e(met)}</td></tr>`;
  };
  const table = `<table class="data"><caption id="data-${measure}-caption">${e(uiText(lang, 'stats.data', { measure: label }))}</caption><thead><tr><th scope="col">${e(uiText(lang, 'stats.catalog'))}</th><th scope="col">${e(uiText(lang, 'stats.level'))}</th><th scope="col">${e(label)}</th><th scope="col">${e(uiText(lang, 'stats.target'))}</th><th scope="col">${e(uiText(lang, 'stats.met'))}</th></tr></thead><tbody>${catalogs
    .map((b, i) => dataRow(b, (result.catalogs[i] as CatalogStats).level))
    .join('')}${levels.map((b) => dataRow(b, b.label)).join('')}</tbody></table>`;
  return `<section class="measure" id="m-${measure}" aria-labelledby="h-${measure}"><h2 id="h-${measure}">${e(label)}</h2>${figure}${scrollBox(`data-${measure}`, table)}</section>`;
}

function overview(result: StatsResult, lang: Lang): string {
  const rows = [
    ...result.catalogs.map(
      (c) =>
        `<tr><th scope="row">${text(c.title ?? c.label, lang)}${c.title && c.title !== c.label ? `<span class="folder">${text(c.label, lang)}</span>` : ''}</th><td class="level">${c.level === null ? '—' : text(c.level, lang)}</td><td class="number">${c.measures.items}</td><td class="number">${c.retired}</td></tr>`,
    ),
    ...result.byLevel.map(
      (l) =>
        `<tr><th scope="row">${text(`[${l.level}]`, lang)}</th><td class="level">${text(l.level, lang)}</td><td class="number">${l.measures.items}</td><td class="number">${result.catalogs
          .filter((c) => (c.level ?? '—') === l.level)
          .reduce((sum, c) => sum + c.retired, 0)}</td></tr>`,
    ),
  ].join('');
  return `<section id="overview"><h2 id="h-overview">${e(uiText(lang, 'stats.overview'))}</h2>${scrollBox('overview', `<table class="data overview"><caption id="overview-caption" class="sr-only">${e(uiText(lang, 'stats.overview'))}</caption><thead><tr><th scope="col">${e(uiText(lang, 'stats.catalog'))}</th><th scope="col">${e(uiText(lang, 'stats.level'))}</th><th scope="col">${e(uiText(lang, 'stats.items'))}</th><th scope="col">${e(uiText(lang, 'stats.retired'))}</th></tr></thead><tbody>${rows}</tbody></table>`)}</section>`;
}

export const html: Reporter<StatsResult> = visibleControls((result, { lang }) => {
  const missed = result.catalogs.flatMap((c) =>
    c.targets
      .filter((t) => t.met === false)
      .map(
        (t) =>
          `<li>${text(uiText(lang, 'stats.target-missed', { catalog: c.title ?? c.label, measure: measureLabel(lang, t.measure), actual: show(t.measure, t.actual), target: showMeasure(t.measure, t.value) }), lang)}</li>`,
      ),
  );
  const body = [
    missed.length
      ? `<section aria-labelledby="h-missed"><h2 id="h-missed">${e(uiText(lang, 'stats.missed'))}</h2><ul>${missed.join('')}</ul></section>`
      : `<p>${e(uiText(lang, 'stats.all-met'))}</p>`,
    overview(result, lang),
    ...MEASURES.map((m) => chart(result, lang, m)),
    bundleSection(result.bundles, lang),
  ].join('\n');
  return page(uiText(lang, 'stats.heading'), body, lang, {
    style: STYLE,
    nav: {
      label: uiText(lang, 'report.contents'),
      links: [
        { href: '#h-overview', text: uiText(lang, 'stats.overview') },
        ...MEASURES.map((m) => ({ href: `#h-${m}`, text: measureLabel(lang, m) })),
        ...(result.bundles.bundles.length ? [{ href: '#h-bundles', text: uiText(lang, 'stats.bundles-heading') }] : []),
      ],
    },
  });
});
