/** `tongban code …`: explain, assign, retire, merge, split, check. */
import { explainCode } from '../../core/codes/explain.js';
import type { Lang } from '../../i18n/index.js';
import { changeLifecycle, assignCodes, type CodeRunResult } from '../../codes.js';
import { validate } from '../../index.js';
import { environment } from '../../io/environment.js';
import { useColour, writeStdout } from '../../io/write-output.js';
import { profileResolver } from '../../io/read-config.js';
import { explainJson, explainText } from '../../reporters/code-explain.js';
import { planJson, planText } from '../../reporters/code-plan.js';
import type { LifecycleKind } from '../../core/codes/lifecycle.js';

interface Common {
  lang: Lang;
  format: 'stylish' | 'json';
}

export async function runExplain(codes: string[], options: Common & { profile: string }): Promise<void> {
  const profile = profileResolver(process.cwd(), await environment.schemas())(options.profile, process.cwd());
  const explanations = codes.map((code) => explainCode(code, profile, environment.regions));
  writeStdout(
    options.format === 'json' ? explainJson(explanations, options.lang) : explainText(explanations, options.lang),
  );
  process.exitCode = explanations.some((e) => e.problem) ? 1 : 0;
}

function report(result: CodeRunResult, options: Common & { dryRun?: boolean }): void {
  writeStdout(
    options.format === 'json'
      ? planJson(result, Boolean(options.dryRun))
      : planText(result, options.lang, Boolean(options.dryRun)),
  );
  process.exitCode = result.diagnostics.length ? 1 : 0;
}

export async function runAssign(paths: string[], options: Common & { dryRun?: boolean }): Promise<void> {
  report(await assignCodes(paths, { lang: options.lang, ...(options.dryRun ? { dryRun: true } : {}) }), options);
}

export async function runLifecycle(
  kind: LifecycleKind,
  catalog: string,
  codes: string[],
  options: Common & { dryRun?: boolean; into?: string[]; reason?: string },
): Promise<void> {
  const result = await changeLifecycle(
    {
      kind,
      catalog,
      codes,
      ...(options.into ? { into: options.into } : {}),
      ...(options.reason ? { reason: options.reason } : {}),
    },
    { lang: options.lang, ...(options.dryRun ? { dryRun: true } : {}) },
  );
  report(result, options);
}

/** Code checks are validate's code and ledger rules, and its reader problems that hide codes. */
const CODE_FINDINGS = /^(code|ledger|uscc|yaml|file|schema)\//;

export async function runCheck(paths: string[], options: Common): Promise<void> {
  const result = await validate(paths, { lang: options.lang });
  const diagnostics = result.diagnostics.filter((d) => CODE_FINDINGS.test(d.code));
  const { REPORTERS } = await import('../../reporters/index.js');
  const reporter = await REPORTERS[options.format === 'json' ? 'json' : 'stylish']();
  writeStdout(
    reporter(
      { ...result, diagnostics },
      { lang: options.lang, color: useColour(undefined, process.stdout, process.env), version: '' },
    ),
  );
  process.exitCode = diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
