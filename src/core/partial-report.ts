/**
 * The partial report `validate --shard i/n` writes and `merge-reports` reads (schema:
 * schemas/report-validate-partial.schema.json). It holds the shard's findings before inline suppressions
 * are applied (their configured severities and positions already settled), the suppressions themselves,
 * and the summaries the cross-catalog checks need, so that the merge computes exactly what a single run
 * would: same findings, same order, same exit code.
 */
import type { RuleSetting } from './config.js';
import type { CatalogSummary, CROSS_CATALOG_CODES } from './cross-catalog.js';
import type { Finding, MessageArgs } from './diagnostic.js';
import type { Shard } from './shard.js';
import type { Suppression } from './suppressions.js';
import type { UsageCode } from './usage-codes.js';
import type { FailOn } from './validation-report.js';

/** The version of the partial report's layout; a merge accepts only its own. */
export const PARTIAL_REPORT_FORMAT = 1;

export type CrossCatalogCode = (typeof CROSS_CATALOG_CODES)[number];

export interface PartialReport {
  report: 'validate-partial';
  version: typeof PARTIAL_REPORT_FORMAT;
  tool: { name: 'tongban'; version: string };
  shard: Shard;
  /** What every shard of one run shares: the paths validated and the config file (display path) used. */
  run: { paths: string[]; config: string | null; failOn?: FailOn };
  /** The catalogs this shard checked (display paths). */
  catalogs: string[];
  itemCount: number;
  /** Every file checked, sorted (as `ValidationReport.files`). */
  files: string[];
  /** Ledger files findings may be reported in (those of whole catalogs asked for). */
  ledgers: string[];
  /** Findings before inline suppressions, with their configured severities and positions. */
  findings: Finding[];
  /** Inline suppressions by file, with the severity the config gives `suppression/unused` there. */
  suppressions: { file: string; unused: RuleSetting; list: Suppression[] }[];
  summaries: CatalogSummary[];
  /** Where the config gives a cross-catalog code another severity than its default: by file, then code. */
  severities: Record<string, Partial<Record<CrossCatalogCode, RuleSetting>>>;
}

/** Why a set of partial reports cannot be merged: a usage error's code and arguments. */
export interface MergeProblem {
  code: UsageCode;
  args: MessageArgs;
}

/**
 * Checks that the reports are one run's shards, each once, from this version of tongban. `reports` pairs
 * each report with the path it was given as; undefined when they fit.
 */
export function mergeProblem(
  reports: readonly { path: string; report: PartialReport }[],
  version: string,
): MergeProblem | undefined {
  const first = reports[0];
  if (!first) return { code: 'usage/partial-missing', args: { missing: '1', count: 1 } };
  for (const { path, report } of reports)
    if (report.tool.version !== version || report.version !== PARTIAL_REPORT_FORMAT)
      return {
        code: 'usage/partial-version',
        args: {
          path,
          version: report.tool.version,
          format: report.version,
          ours: version,
          ourFormat: PARTIAL_REPORT_FORMAT,
        },
      };
  const { count } = first.report.shard;
  const runKey = (r: PartialReport) => JSON.stringify([r.run.paths, r.run.config, r.run.failOn ?? null]);
  const byIndex = new Map<number, string>();
  for (const { path, report } of reports) {
    if (report.shard.count !== count)
      return {
        code: 'usage/partial-shard-count',
        args: { path, index: report.shard.index, count: report.shard.count, other: first.path, expected: count },
      };
    if (runKey(report) !== runKey(first.report)) {
      const detail = JSON.stringify(report.run.paths) !== JSON.stringify(first.report.run.paths) ? 'paths' : 'config';
      return { code: 'usage/partial-run', args: { path, other: first.path, detail } };
    }
    const other = byIndex.get(report.shard.index);
    if (other !== undefined)
      return { code: 'usage/partial-duplicate', args: { path, other, index: report.shard.index, count } };
    byIndex.set(report.shard.index, path);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length) return { code: 'usage/partial-missing', args: { missing: missing.join(', '), count } };
  return undefined;
}

/** The severity a cross-catalog finding has under the shards' configuration; 'off' drops it. */
export function crossSeverity(severities: PartialReport['severities'], finding: Finding): RuleSetting {
  return severities[finding.file]?.[finding.code as CrossCatalogCode] ?? finding.severity;
}
