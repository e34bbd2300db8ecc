/** The 一件事 part of `tongban compare` for the terminal: each key matter across regions, and where they differ. */
import type { ChalkInstance } from 'chalk';
import type { CompareResult } from '../../app/compare.js';
import { uiText, type Lang } from '../../i18n/index.js';
import { bundleElementLabel } from '../shared/bundle-labels.js';
import { labelled } from '../shared/values.js';

export function bundleLines(result: CompareResult, lang: Lang, chalk: ChalkInstance): string[] {
  const { aligned, regional } = result.bundles;
  if (aligned.length === 0 && regional.length === 0) return [];
  const name = (region: string) => result.names?.[region] ?? region;
  const separator = lang === 'en' ? ', ' : '、';
  const lines = ['', chalk.bold(uiText(lang, 'compare.bundles'))];
  for (const matter of aligned) {
    const agree = matter.elements.filter((e) => e.agree).length;
    lines.push(
      chalk.underline(
        uiText(lang, 'compare.bundle', {
          title: matter.title,
          keyMatter: matter.keyMatter,
          regions: matter.bundles.length,
          agree,
          elements: matter.elements.length,
        }),
      ),
    );
    for (const element of matter.elements) {
      const label = bundleElementLabel(lang, element.element);
      if (element.agree) {
        const value = element.values[0]?.value;
        lines.push(
          chalk.dim(`  ${labelled(label, Array.isArray(value) ? value.join(separator) : String(value ?? '—'), lang)}`),
        );
        continue;
      }
      lines.push(chalk.red(`  ${label}`));
      if (element.shared?.length)
        lines.push(
          chalk.dim(`    ${labelled(uiText(lang, 'compare.bundle-shared'), element.shared.join(separator), lang)}`),
        );
      for (const { region, value } of element.values) {
        const shown = Array.isArray(value) ? value.filter((v) => !element.shared?.includes(v)) : [value];
        lines.push(`    ${labelled(name(region), shown.length ? shown.join(separator) : '—', lang)}`);
      }
    }
    if (matter.missing.length)
      lines.push(
        chalk.yellow(
          `  ${uiText(lang, 'compare.bundle-missing', { regions: matter.missing.map(name).join(separator) })}`,
        ),
      );
  }
  if (regional.length)
    lines.push(
      uiText(lang, 'compare.bundle-regional', {
        bundles: regional
          .map((b) => (lang === 'en' ? `${b.name} (${name(b.region)})` : `${b.name}（${name(b.region)}）`))
          .join(separator),
      }),
    );
  return lines;
}
