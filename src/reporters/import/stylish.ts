/** An import for the terminal: the items updated, a summary, then the validation of the catalog. */
import type { ImportResult } from '../../app/import-items.js';
import { uiText } from '../../i18n/index.js';
import type { Reporter } from '../reporter.js';
import { visibleText } from '../shared/safe-text.js';
import { stylish as validationStylish } from '../validate/stylish.js';

export const stylish: Reporter<ImportResult> = visibleText((result, context) => {
  const lines = result.updated.map((u) => `~ ${u.file}: ${u.fields.join(', ')}`);
  lines.push(
    uiText(context.lang, 'import.summary', {
      written: result.written.length,
      updated: result.updated.length,
      unchanged: result.unchanged,
      skipped: result.skipped,
      cells: result.rows.length - result.skipped,
      filtered: result.filtered,
      conflicts: result.conflicts.length,
    }),
  );
  const text = lines.join('\n') + '\n';
  return result.validation ? text + validationStylish(result.validation, context) : text;
});
