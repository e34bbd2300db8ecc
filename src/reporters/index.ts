/**
 * Every result type's formats. The CLI offers each registry's names as its command's `--format` choices;
 * a program can render any result with `(await REPORTERS.diff.markdown())(result, context)`.
 */
import { COMPARE_REPORTERS } from './compare/index.js';
import { DIFF_REPORTERS } from './diff/index.js';
import { EXPLAIN_REPORTERS } from './explain/index.js';
import { EXPORT_REPORTERS } from './export/index.js';
import { GUIDE_REPORTERS } from './guide/index.js';
import { IMPORT_REPORTERS } from './import/index.js';
import { PLAN_REPORTERS } from './plan/index.js';
import { SHOW_REPORTERS } from './show/index.js';
import { STATS_REPORTERS } from './stats/index.js';
import { VALIDATE_REPORTERS } from './validate/index.js';

export type { Reporter, ReportContext, ReporterRegistry } from './reporter.js';
export { formatNames } from './reporter.js';

export const REPORTERS = {
  validate: VALIDATE_REPORTERS,
  explain: EXPLAIN_REPORTERS,
  plan: PLAN_REPORTERS,
  diff: DIFF_REPORTERS,
  compare: COMPARE_REPORTERS,
  stats: STATS_REPORTERS,
  guide: GUIDE_REPORTERS,
  import: IMPORT_REPORTERS,
  export: EXPORT_REPORTERS,
  show: SHOW_REPORTERS,
} as const;
