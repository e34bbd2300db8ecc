/** `tongban code assign|retire|merge|split` for the terminal: what each catalog's plan does, and any problems. */
import type { CodeRunResult } from '../../app/shared/code-catalog.js';
import { locationOf } from '../../core/diagnostic.js';
import { uiText } from '../../i18n/index.js';
import type { Reporter } from '../reporter.js';
import { visibleText } from '../shared/safe-text.js';

export const stylish: Reporter<CodeRunResult> = visibleText((result, { lang }) => {
  const lines: string[] = result.recovered.map((r) =>
    uiText(lang, `plan.recovered.${r.kind}`, { catalog: r.catalog, command: r.command, started: r.started }),
  );
  for (const { catalog, plan, retired, cancelled } of result.plans) {
    lines.push(
      uiText(lang, 'plan.catalog', { catalog, assigned: plan.assignments.length, adopted: plan.adopted.length }),
    );
    for (const a of plan.assignments) {
      const note = a.restored
        ? `  ${uiText(lang, 'plan.restored')}`
        : a.parent
          ? `  ${uiText(lang, 'plan.parent', { parent: a.parent })}`
          : '';
      lines.push(`  + ${a.file}  ${a.code}${note}`);
      if (a.rename) lines.push(`    ${uiText(lang, 'plan.rename', { to: a.rename })}`);
    }
    // Adopting a whole existing catalog lists thousands of codes; name them only when they are few.
    if (plan.adopted.length <= 20) {
      for (const a of plan.adopted) lines.push(`  = ${a.file}  ${a.code}  ${uiText(lang, 'plan.adopted')}`);
    }
    for (const m of plan.moved) lines.push(`  ~ ${m.code}  ${uiText(lang, 'plan.moved', { from: m.from, to: m.to })}`);
    for (const file of cancelled ?? []) lines.push(`  ✕ ${file}  ${uiText(lang, 'plan.cancelled')}`);
    // What this run retires (not every code the ledger has retired over the years).
    for (const code of retired ?? []) {
      const replacedBy = plan.assignments.map((a) => a.code).join(lang === 'en' ? ', ' : '、');
      lines.push(`  - ${code}  ${uiText(lang, replacedBy ? 'plan.replaced' : 'plan.retired', { by: replacedBy })}`);
    }
  }
  // Bundles (一件事) that name the retired codes: rewritten, or to be.
  const separator = lang === 'en' ? ', ' : '、';
  for (const bundle of result.bundles ?? []) {
    const names = uiText(lang, 'plan.bundle', {
      file: bundle.file,
      name: bundle.name,
      codes: bundle.codes.join(separator),
    });
    lines.push(`  ⇄ ${names}${bundle.updated ? `  ${uiText(lang, 'plan.bundle-updated')}` : ''}`);
  }
  if (result.bundles?.some((b) => !b.updated) && !result.dryRun && result.diagnostics.length === 0)
    lines.push(uiText(lang, 'plan.bundle-hint'));
  for (const d of result.diagnostics) lines.push(`${locationOf(d)}  ${d.message}  ${d.code}`);
  if (result.diagnostics.length === 0) {
    lines.push(uiText(lang, result.dryRun ? 'plan.dry-run' : result.applied ? 'plan.applied' : 'plan.nothing'));
  }
  return lines.join('\n') + '\n';
});
