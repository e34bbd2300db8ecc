/** The 一件事 part of `tongban stats` for the terminal: each bundle's before→after, the averages, key-matter coverage. */
import type { ChalkInstance } from 'chalk';
import type { BundleStats } from '../../app/stats.js';
import { FIGURE_NAMES } from '../../core/bundles/model.js';
import type { Reduction } from '../../core/bundles/scores.js';
import { uiText, type Lang } from '../../i18n/index.js';

const percent = (share: number) =>
  `${share > 0 ? '−' : share < 0 ? '+' : ''}${Math.abs(Math.round(share * 1000) / 10)}%`;

/** A share as 87.5%, or — when there was nothing to count. */
const shareText = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);

export function bundleLines(stats: BundleStats, lang: Lang, chalk: ChalkInstance): string[] {
  if (stats.bundles.length === 0) return [];
  const separator = lang === 'en' ? ', ' : '；';
  const figures = (computed: Partial<Record<string, Reduction>>) =>
    FIGURE_NAMES.flatMap((name) => {
      const figure = computed[name];
      return figure
        ? [
            uiText(lang, 'stats.bundle-figure', {
              figure: `bundle.${name}`,
              before: figure.before,
              after: figure.after,
              reduction: percent(figure.reduction),
            }),
          ]
        : [];
    }).join(separator);
  const lines = ['', chalk.bold(uiText(lang, 'stats.bundles', { count: stats.bundles.length }))];
  for (const bundle of stats.bundles) {
    const online = shareText(bundle.fullyOnlineShare);
    lines.push(
      `  ${uiText(lang, 'stats.bundle', { catalog: bundle.catalog, name: bundle.name, members: bundle.members, online })}`,
    );
    lines.push(chalk.dim(`    ${figures(bundle.computed)}`));
  }
  const averages = FIGURE_NAMES.flatMap((name) => {
    const value = stats.overall.reductions[name];
    return value === undefined
      ? []
      : [uiText(lang, 'stats.bundle-average', { figure: `bundle.${name}`, reduction: percent(value) })];
  });
  lines.push(
    `  ${uiText(lang, 'stats.bundles-overall', {
      figures: averages.join(separator),
      online: shareText(stats.overall.fullyOnlineShare),
    })}`,
  );
  const { keyMatters } = stats;
  for (const c of keyMatters.catalogs) {
    const covered = c.covered.length
      ? `（${c.covered.map((id) => keyMatters.matters.find((m) => m.id === id)?.title ?? id).join('、')}）`
      : '';
    lines.push(
      `  ${uiText(lang, 'stats.key-matters', { catalog: c.catalog, count: c.count, total: keyMatters.total, covered: lang === 'en' ? covered.replace(/^（(.*)）$/, ' ($1)') : covered })}`,
    );
  }
  lines.push(
    chalk.dim(
      `  ${uiText(lang, 'stats.key-matters-note', { total: keyMatters.total, confirmed: keyMatters.confirmed })}`,
    ),
  );
  return lines;
}
