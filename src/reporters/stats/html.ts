/** `tongban stats --format html`: a bar chart per measure (inline SVG, no network), targets marked. */
import type { StatsResult } from '../../app/stats.js';
import type { Reporter } from '../reporter.js';
import { visibleControls } from '../shared/safe-text.js';
import { uiText, type Lang } from '../../i18n/index.js';
import { escapeHtml as e, page } from '../shared/html.js';
import { MEASURES, measureLabel, showMeasure } from './labels.js';

const BAR = 22;
const WIDTH = 420;
const LABEL = 190;

function chart(result: StatsResult, lang: Lang, measure: (typeof MEASURES)[number]): string {
  const values = result.catalogs.map((c) => ({
    label: c.label,
    value: c.measures[measure],
    target: c.targets.find((t) => t.measure === measure),
  }));
  const max = measure === 'materialsPerItem' ? Math.max(1, ...values.map((v) => v.value)) : 1;
  const height = values.length * (BAR + 8) + 8;
  const bars = values
    .map((v, i) => {
      const y = 4 + i * (BAR + 8);
      const w = Math.round((v.value / max) * WIDTH);
      const missed = v.target && !v.target.met;
      const target = v.target
        ? `<line x1="${LABEL + Math.round((v.target.value / max) * WIDTH)}" x2="${LABEL + Math.round((v.target.value / max) * WIDTH)}" y1="${y - 2}" y2="${y + BAR + 2}" stroke="#000" stroke-width="2" stroke-dasharray="4 2"><title>${e(uiText(lang, 'stats.target'))} ${e(showMeasure(measure, v.target.value))}</title></line>`
        : '';
      return `<text x="0" y="${y + 16}" font-size="13">${e(v.label)}</text><rect x="${LABEL}" y="${y}" width="${w}" height="${BAR}" fill="${missed ? '#c62828' : '#2e7d32'}"><title>${e(v.label)}：${e(showMeasure(measure, v.value))}</title></rect><text x="${LABEL + w + 6}" y="${y + 16}" font-size="13">${e(showMeasure(measure, v.value))}</text>${target}`;
    })
    .join('');
  return `<figure><figcaption>${e(measureLabel(lang, measure))}</figcaption><svg role="img" aria-label="${e(measureLabel(lang, measure))}" width="${LABEL + WIDTH + 80}" height="${height}" viewBox="0 0 ${LABEL + WIDTH + 80} ${height}">${bars}</svg></figure>`;
}

export const html: Reporter<StatsResult> = visibleControls((result, { lang }) => {
  const missed = result.catalogs.flatMap((c) =>
    c.targets
      .filter((t) => !t.met)
      .map(
        (t) =>
          `<li>${e(uiText(lang, 'stats.target-missed', { catalog: c.label, measure: measureLabel(lang, t.measure), actual: showMeasure(t.measure, t.actual), target: showMeasure(t.measure, t.value) }))}</li>`,
      ),
  );
  const body = [
    missed.length
      ? `<h2>${e(uiText(lang, 'stats.missed'))}</h2><ul>${missed.join('')}</ul>`
      : `<p>${e(uiText(lang, 'stats.all-met'))}</p>`,
    ...MEASURES.map((m) => chart(result, lang, m)),
  ].join('\n');
  return page(uiText(lang, 'stats.heading'), body, lang);
});
