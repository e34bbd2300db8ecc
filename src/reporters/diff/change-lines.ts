/** Diff results as lines of text, shared by the terminal and Markdown reports. */
import type { CatalogDiff, ItemPair } from '../../core/diff/catalog-diff.js';
import type { AttributeName } from '../../core/diff/elements.js';
import type { ElementChange } from '../../core/diff/item-diff.js';
import { formatMessage, uiText, type Lang } from '../../i18n/index.js';
import { elementLabel, entryName, labelled, showValue } from '../shared/values.js';

export interface ChangeLine {
  standard: boolean;
  text: string;
}

function entryLines(change: ElementChange, lang: Lang): string[] {
  return (change.entries ?? []).map((e) => {
    const attributes = (e.attributes ?? [])
      .map(
        (a) =>
          `${formatMessage(lang, `attribute.${a.name as AttributeName}`)} ${showValue(a.before, lang)} → ${showValue(a.after, lang)}`,
      )
      .join(lang === 'en' ? '; ' : '；');
    switch (e.kind) {
      case 'added':
        return `+ ${entryName(e.after)}`;
      case 'removed':
        return `- ${entryName(e.before)}`;
      case 'renamed':
        return `~ ${entryName(e.before)} → ${entryName(e.after)} (${e.score})${attributes ? (lang === 'en' ? `; ${attributes}` : `；${attributes}`) : ''}`;
      case 'moved':
        return `↕ ${entryName(e.after)}`;
      default:
        return `* ${labelled(entryName(e.after), attributes, lang)}`;
    }
  });
}

export function changeLines(pair: ItemPair, lang: Lang): ChangeLine[] {
  return pair.changes.flatMap((change) => {
    const tag = uiText(lang, change.standard ? 'diff.standard' : 'diff.vary');
    const head = `[${tag}] ${elementLabel(lang, change.element)}`;
    if (change.entries)
      return [
        { standard: change.standard, text: head },
        ...entryLines(change, lang).map((text) => ({ standard: change.standard, text: `    ${text}` })),
      ];
    return [
      {
        standard: change.standard,
        text: labelled(head, `${showValue(change.before, lang)} → ${showValue(change.after, lang)}`, lang),
      },
    ];
  });
}

export function diffSummary(result: CatalogDiff, lang: Lang): string {
  return uiText(lang, 'diff.summary', {
    pairs: result.pairs.length,
    changed: result.pairs.filter((p) => p.changes.length).length,
    findings: result.findings,
    left: result.onlyLeft.length,
    right: result.onlyRight.length,
    proposals: result.proposals.length,
  });
}
