/** What a guide build did, in one line: pages rendered, unchanged and deleted, and where. */
import type { GuideResult } from '../../app/build-guides.js';
import { uiText } from '../../i18n/index.js';
import type { Reporter } from '../reporter.js';
import { visibleControls } from '../shared/safe-text.js';

export const stylish: Reporter<GuideResult> = visibleControls(
  (result, { lang }) =>
    uiText(lang, 'guide.summary', {
      rendered: result.rendered.length,
      unchanged: result.unchanged,
      deleted: result.deleted.length,
      out: result.out ?? '',
    }) + '\n',
);
