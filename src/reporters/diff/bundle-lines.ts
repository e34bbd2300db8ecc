/** The 一件事 part of `tongban diff`: each matched bundle's changes, and bundles on one side only (text lines). */
import type { DiffResult } from '../../app/diff.js';
import type { BundleFieldChange } from '../../core/bundles/bundle-diff.js';
import { uiText, type Lang } from '../../i18n/index.js';
import { bundleElementLabel } from '../shared/bundle-labels.js';
import { labelled } from '../shared/values.js';

/** One change in words: `成员事项：增加 …；删除 …` or `承诺时限：5个工作日 → 3个工作日`. */
export function bundleChangeText(change: BundleFieldChange, lang: Lang): string {
  const separator = lang === 'en' ? ', ' : '、';
  const label = bundleElementLabel(lang, change.element);
  if (change.added || change.removed) {
    const parts = [
      ...(change.added ? [`${uiText(lang, 'diff.added')} ${change.added.join(separator)}`] : []),
      ...(change.removed ? [`${uiText(lang, 'diff.removed')} ${change.removed.join(separator)}`] : []),
    ];
    return labelled(label, parts.join(lang === 'en' ? '; ' : '；'), lang);
  }
  return labelled(label, `${change.before ?? '—'} → ${change.after ?? '—'}`, lang);
}

export interface BundleSection {
  title: string;
  entries: { heading: string; lines: string[] }[];
}

/** The bundle changes as titled sections, for the text and Markdown reports to lay out. */
export function bundleSections(result: DiffResult, lang: Lang): BundleSection[] {
  const { pairs, onlyLeft, onlyRight } = result.bundles;
  const changed = pairs.filter((p) => p.changes.length);
  const sections: BundleSection[] = [];
  if (changed.length)
    sections.push({
      title: uiText(lang, 'diff.bundles'),
      entries: changed.map((p) => ({
        heading: `${p.name}  ${p.id}`,
        lines: p.changes.map((c) => bundleChangeText(c, lang)),
      })),
    });
  for (const [side, list] of [
    [result.left.label, onlyLeft],
    [result.right.label, onlyRight],
  ] as const) {
    if (list.length)
      sections.push({
        title: uiText(lang, 'diff.bundle-only', { side }),
        entries: list.map((b) => ({ heading: `${b.name}  ${b.id}`, lines: [b.file] })),
      });
  }
  return sections;
}
