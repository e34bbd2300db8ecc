/**
 * tongban's programmatic API: everything the command line does, as functions that take an opened workspace
 * and plain options and return a result value (they print nothing). Render a result with the reporters of
 * its type, as the CLI does:
 *
 *     import { openWorkspace, validate, REPORTERS, VERSION } from 'tongban';
 *     const workspace = await openWorkspace({ cwd: '/path/to/project' });
 *     const result = await validate(workspace, { paths: ['catalogs'], lang: 'zh-CN' });
 *     const text = (await REPORTERS.validate.stylish())(result, { lang: 'zh-CN', color: false, version: VERSION });
 *
 * Problems with the call itself (a path that does not exist, an invalid config) throw UsageError or
 * ConfigError (`error.message` is English; `describeError(error, lang)` words it in either language);
 * problems in the catalogs are findings in the result. Messages default to English (`lang: 'zh-CN'`).
 */
export { openWorkspace } from './io/workspace.js';
export type { Workspace, WorkspaceOptions, Catalog, CatalogSet } from './io/workspace.js';
export { UsageError, ConfigError, describeError } from './io/errors.js';
export { VERSION } from './io/package-files.js';
export { formatMessage } from './i18n/index.js';

export { validate, saveBaseline } from './app/validate.js';
export type { ValidateOptions, ValidationResult } from './app/validate.js';
export { checkCodes } from './app/check-codes.js';
export { validateShard } from './app/validate-shard.js';
export type { ValidateShardOptions } from './app/validate-shard.js';
export { mergeReports } from './app/merge-reports.js';
export type { MergeReportsOptions } from './app/merge-reports.js';
export type { PartialReport } from './core/partial-report.js';
export { parseShard, shardOf, type Shard } from './core/shard.js';
export type { CheckCodesOptions } from './app/check-codes.js';
export { explainCodes } from './app/explain-codes.js';
export type { ExplainCodesOptions, ExplainResult } from './app/explain-codes.js';
export { assignCodes } from './app/assign-codes.js';
export type { AssignCodesOptions } from './app/assign-codes.js';
export { retireCodes, mergeCodes, splitCodes } from './app/change-codes.js';
export type { RetireCodesOptions, MergeCodesOptions, SplitCodesOptions } from './app/change-codes.js';
export { repairCodes } from './app/repair-codes.js';
export type { RepairCodesOptions } from './app/repair-codes.js';
export type { CodeRunOptions, CodeRunResult, CatalogPlan } from './app/shared/code-catalog.js';
export { diff } from './app/diff.js';
export type { DiffOptions, DiffResult } from './app/diff.js';
export { compare } from './app/compare.js';
export type { CompareOptions, CompareResult } from './app/compare.js';
export { buildGuides } from './app/build-guides.js';
export type { GuideOptions, GuideResult, GuideFormat } from './app/build-guides.js';
export { importItems } from './app/import-items.js';
export type { ImportOptions, ImportResult, RowReport } from './app/import-items.js';
export { exportItems } from './app/export-items.js';
export type { ExportOptions, ExportResult, ExportRecord } from './app/export-items.js';
export { stats } from './app/stats.js';
export type { StatsOptions, StatsResult, CatalogStats } from './app/stats.js';
export { showItem } from './app/show-item.js';
export type { ShowOptions, ShowResult, ShownItem } from './app/show-item.js';
export { initProject } from './app/init-project.js';
export type { InitOptions, InitResult } from './app/init-project.js';

export { REPORTERS, formatNames } from './reporters/index.js';
export type { Reporter, ReportContext, ReporterRegistry } from './reporters/index.js';
export { run } from './cli/run.js';
export type { CliIo, OutputStream } from './cli/io.js';

export type { Diagnostic, Finding, Range, Position, Severity } from './core/diagnostic.js';
export { FINDING_CODES, FINDING_CODE_LIST } from './core/finding-codes.js';
export type { FindingCode, FindingTopic } from './core/finding-codes.js';
export type { UsageCode } from './core/usage-codes.js';
export type { ValidationReport, FailOn } from './core/validation-report.js';
export { shouldFail } from './core/validation-report.js';
export type { Config } from './core/config.js';
export type { Lang } from './i18n/index.js';
export { RULES } from './core/rules/index.js';
