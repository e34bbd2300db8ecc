/** What a guide build did: pages rendered, unchanged and deleted, and where; items left out, if any. */
import type { GuideResult } from '../../app/build-guides.js';
import { topicOf } from '../../core/finding-codes.js';
import { uiText } from '../../i18n/index.js';
import type { Reporter } from '../reporter.js';
import { visibleText } from '../shared/safe-text.js';

/** Findings about item files (unreadable, invalid), as opposed to the templates'. */
const ITEM_TOPICS = new Set(['file', 'yaml', 'item']);

export const stylish: Reporter<GuideResult> = visibleText((result, { lang }) => {
  const summary = uiText(lang, 'guide.summary', {
    rendered: result.rendered.length,
    unchanged: result.unchanged,
    deleted: result.deleted.length,
    out: result.out ?? '',
  });
  const leftOut = result.diagnostics.filter((d) => ITEM_TOPICS.has(topicOf(d.code))).length;
  return summary + '\n' + (leftOut ? uiText(lang, 'report.left-out', { count: leftOut }) + '\n' : '');
});
