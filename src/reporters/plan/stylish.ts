/** `tongban code assign|retire|merge|split` for the terminal: what each catalog's plan does, and any problems. */
import type { CodeRunResult } from '../../app/code-catalog.js';
import { locationOf } from '../../core/diagnostic.js';
import { uiText } from '../../i18n/index.js';
import type { Reporter } from '../reporter.js';

export const stylish: Reporter<CodeRunResult> = (result, { lang }) => {
  const lines: string[] = [];
  for (const { catalog, plan } of result.plans) {
    const retired = plan.ledger.entries.filter((e) => e.state === 'retired').length;
    lines.push(
      uiText(lang, 'plan.catalog', { catalog, assigned: plan.assignments.length, adopted: plan.adopted.length }),
    );
    for (const a of plan.assignments) {
      const note = a.restored ? `  ${uiText(lang, 'plan.restored')}` : a.parent ? `  (parent → ${a.parent})` : '';
      lines.push(`  + ${a.file}  ${a.code}${note}`);
      if (a.rename) lines.push(`    ${uiText(lang, 'plan.rename', { to: a.rename })}`);
    }
    // Adopting a whole existing catalog lists thousands of codes; name them only when they are few.
    if (plan.adopted.length <= 20) {
      for (const a of plan.adopted) lines.push(`  = ${a.file}  ${a.code}  ${uiText(lang, 'plan.adopted')}`);
    }
    if (retired) lines.push(`  ${uiText(lang, 'plan.retired', { count: retired })}`);
  }
  for (const d of result.diagnostics) lines.push(`${locationOf(d)}  ${d.message}  ${d.code}`);
  if (result.diagnostics.length === 0) {
    lines.push(uiText(lang, result.dryRun ? 'plan.dry-run' : result.applied ? 'plan.applied' : 'plan.nothing'));
  }
  return lines.join('\n') + '\n';
};
