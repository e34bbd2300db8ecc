/**
 * `tongban merge-reports <files...>`: the partial reports of every shard of one `validate --shard` run
 * combined into the result a single run would have given: the shards' findings, then the cross-catalog
 * checks over their summaries, then inline suppressions over all of them.
 */
import path from 'node:path';
import { compareWithBaseline } from '../core/baseline.js';
import { crossCatalogFindings } from '../core/cross-catalog.js';
import type { Finding } from '../core/diagnostic.js';
import { crossSeverity, mergeProblem, type PartialReport } from '../core/partial-report.js';
import type { Suppression } from '../core/suppressions.js';
import type { Lang } from '../i18n/index.js';
import { baselinePathFor, readBaseline } from '../io/baseline-file.js';
import { UsageError } from '../io/errors.js';
import { locateFindings } from '../io/locate-findings.js';
import { VERSION } from '../io/package-files.js';
import { readPartialReports } from '../io/read-partial-reports.js';
import type { Workspace } from '../io/workspace.js';
import { toDiagnostics } from './shared/diagnostics.js';
import { settleSuppressions, type ValidationResult } from './validate.js';

export interface MergeReportsOptions {
  /** The partial reports, one per shard, in any order. */
  files: readonly string[];
  lang?: Lang;
  /** A baseline file, as validate's `baseline`: only findings not recorded in it are reported. */
  baseline?: string;
}

/**
 * The workspace gives the working folder (where the shards ran: paths are relative to it) and the text of
 * the files cross-catalog findings are in, to place them; nothing else of the project is read.
 */
export async function mergeReports(
  workspace: Pick<Workspace, 'cwd' | 'textOf' | 'schemas'>,
  options: MergeReportsOptions,
): Promise<ValidationResult> {
  const given = readPartialReports(options.files, workspace.cwd);
  const problem = mergeProblem(given, VERSION);
  if (problem) throw new UsageError(problem.code, problem.args);
  const reports: PartialReport[] = given.map((g) => g.report).sort((a, b) => a.shard.index - b.shard.index);

  const reportable = new Set(reports.flatMap((r) => [...r.files, ...r.ledgers]));
  const severities = Object.assign({}, ...reports.map((r) => r.severities)) as PartialReport['severities'];
  const cross: Finding[] = [];
  for (const finding of crossCatalogFindings(reports.flatMap((r) => r.summaries))) {
    if (!reportable.has(finding.file)) continue;
    const setting = crossSeverity(severities, finding);
    if (setting !== 'off') cross.push(setting === finding.severity ? finding : { ...finding, severity: setting });
  }

  const suppressions = new Map<string, Suppression[]>();
  const unusedSetting = new Map<string, PartialReport['suppressions'][number]['unused']>();
  for (const { file, unused, list } of reports.flatMap((r) => r.suppressions)) {
    suppressions.set(file, list);
    unusedSetting.set(file, unused);
  }
  const run = settleSuppressions(
    [...reports.flatMap((r) => r.findings), ...locateFindings(cross, workspace.textOf)],
    suppressions,
    (unused) =>
      unused.flatMap((f) => {
        const setting = unusedSetting.get(f.file) ?? f.severity;
        return setting === 'off' ? [] : [setting === f.severity ? f : { ...f, severity: setting }];
      }),
  );

  // The baseline, as validate applies it: after suppressions.
  let findings = run.findings;
  let baseline: ValidationResult['baseline'];
  if (options.baseline !== undefined) {
    const comparison = compareWithBaseline(
      findings,
      readBaseline(options.baseline, workspace.cwd, workspace.schemas),
      baselinePathFor(options.baseline, workspace.cwd),
    );
    findings = comparison.fresh;
    baseline = { file: options.baseline, known: comparison.known, fixed: comparison.fixed };
  }

  const first = reports[0] as PartialReport;
  return {
    diagnostics: toDiagnostics(findings, options.lang ?? 'en'),
    catalogCount: reports.reduce((sum, r) => sum + r.catalogs.length, 0),
    itemCount: reports.reduce((sum, r) => sum + r.itemCount, 0),
    files: reports.flatMap((r) => r.files).sort(),
    suppressedCount: run.suppressedCount,
    ...(baseline ? { baseline } : {}),
    ...(first.run.config !== null
      ? {
          config: {
            file: path.resolve(workspace.cwd, first.run.config),
            ...(first.run.failOn ? { failOn: first.run.failOn } : {}),
          },
        }
      : {}),
  };
}
