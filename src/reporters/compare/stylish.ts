/** `tongban compare` for the terminal: scores per region and element, then each item's deviations. */
import type { CompareResult } from '../../app/compare.js';
import type { Reporter } from '../reporter.js';
import { percent } from '../shared/percent.js';
import { visibleText } from '../shared/safe-text.js';
import { Chalk } from 'chalk';
import { displayWidth } from '../shared/display-width.js';
import { formatMessage, uiText } from '../../i18n/index.js';
import type { AttributeName } from '../../core/diff/elements.js';
import { bundleLines } from './bundle-lines.js';
import { elementLabel, labelled, showValue } from '../shared/values.js';

export const stylish: Reporter<CompareResult> = visibleText((result, { lang, color }) => {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
  const lines = [
    chalk.bold(
      uiText(lang, 'compare.title', {
        regions: result.regions.length,
        items: result.rows.length,
        score: percent(result.score),
      }),
    ),
    '',
  ];
  // Regions by name (the catalog's region, else its name); the folder follows, dimmed, where it differs.
  const name = (region: string) => result.names?.[region] ?? region;
  const regionWidth = Math.max(...result.regions.map((r) => displayWidth(name(r))));
  lines.push(chalk.bold(uiText(lang, 'compare.by-region')));
  for (const region of result.regions) {
    const folder = name(region) === region ? '' : chalk.dim(`  ${region}`);
    lines.push(`  ${pad(name(region), regionWidth)}  ${percent(result.regionScores[region] ?? 1)}${folder}`);
  }
  lines.push('', chalk.bold(uiText(lang, 'compare.by-element')));
  const elementWidth = Math.max(...result.elements.map((e) => displayWidth(elementLabel(lang, e))));
  for (const element of result.elements)
    lines.push(`  ${pad(elementLabel(lang, element), elementWidth)}  ${percent(result.elementScores[element] ?? 1)}`);
  lines.push('');
  for (const row of result.rows.filter((r) => r.deviations.length)) {
    const regions = Object.keys(row.cells).length;
    lines.push(
      `${chalk.underline(row.name)}  ${row.key}  ${uiText(lang, 'compare.row', { regions, score: percent(row.score) })}`,
    );
    for (const d of row.deviations) {
      const reference = row.reference[d.element];
      const against =
        reference?.from === 'none'
          ? uiText(lang, 'compare.none')
          : labelled(
              uiText(lang, reference?.from === 'basic' ? 'compare.basic' : 'compare.majority'),
              showValue(reference?.value, lang),
              lang,
            );
      if (d.attributes?.length) {
        // The entries agree by name: say which attribute of which entry differs, and what most regions say.
        for (const a of d.attributes) {
          const attribute = formatMessage(lang, `attribute.${a.name as AttributeName}`);
          const majority = a.majority === undefined ? uiText(lang, 'compare.none') : showValue(a.majority, lang);
          lines.push(
            chalk.red(
              `  ${name(d.region)}  ${labelled(elementLabel(lang, d.element), `${a.entry} ${attribute} ${showValue(a.value, lang)}`, lang)}`,
            ) +
              chalk.dim(
                lang === 'en'
                  ? `  (${uiText(lang, 'compare.majority')}: ${majority})`
                  : `（${uiText(lang, 'compare.majority')}：${majority}）`,
              ),
          );
        }
        continue;
      }
      lines.push(
        chalk.red(`  ${name(d.region)}  ${labelled(elementLabel(lang, d.element), showValue(d.value, lang), lang)}`) +
          chalk.dim(lang === 'en' ? `  (${against})` : `（${against}）`),
      );
    }
  }
  lines.push(...bundleLines(result, lang, chalk));
  if (result.problems.length) lines.push(chalk.red(uiText(lang, 'report.left-out', { count: result.problems.length })));
  return lines.join('\n') + '\n';
});
