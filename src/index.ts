/**
 * tongban's programmatic API. The CLI is a thin layer over these functions; tests call them directly.
 */
import { compareFindings } from './core/diagnostic.js';
import type { ValidationReport } from './core/report.js';
import { createSchemaValidator } from './core/schema/validator.js';
import { validateCatalogs, type ValidationEnvironment } from './core/validate.js';
import { formatMessage, type Lang } from './i18n/index.js';
import { selectCatalogs } from './io/discover.js';
import { loadCatalogs } from './io/load-catalogs.js';
import { loadProfile, loadRegions, loadSchemaSet } from './io/load-reference.js';
import { locateFindings } from './io/locate.js';

export type { Diagnostic, Finding, Range, Position, Severity } from './core/diagnostic.js';
export type { Lang } from './i18n/index.js';
export type { ValidationReport, FailOn } from './core/report.js';
export { shouldFail } from './core/report.js';
export { UsageError } from './io/errors.js';
export { RULES } from './core/rules/index.js';

export interface ValidateOptions {
  /** Folder that relative paths (given and shown) are relative to; default process.cwd(). */
  cwd?: string;
  /** Language of the messages; default 'en'. */
  lang?: Lang;
}


let environment: ValidationEnvironment | undefined;

/** Schemas compiled, profile and regions read: once per process. */
function validationEnvironment(): ValidationEnvironment {
  environment ??= { schemas: createSchemaValidator(loadSchemaSet()), profile: loadProfile(), regions: loadRegions() };
  return environment;
}

/**
 * Validates the catalogs found under `paths`. Problems in the catalogs become diagnostics; problems with
 * the call itself (a path that does not exist, no catalog found) throw a UsageError.
 */
export async function validate(paths: readonly string[] = ['.'], options: ValidateOptions = {}): Promise<ValidationReport> {
  const cwd = options.cwd ?? process.cwd();
  const lang = options.lang ?? 'en';
  const selection = selectCatalogs(paths.length ? paths : ['.'], cwd);
  const loaded = loadCatalogs(selection, cwd);
  const ruleFindings = validateCatalogs(loaded.sources, validationEnvironment()).filter((f) => loaded.isRequested(f.file));
  const located = locateFindings([...loaded.findings, ...ruleFindings], loaded.texts);
  const diagnostics = located
    .map((finding) => ({ ...finding, message: formatMessage(lang, finding.code, finding.args) }))
    .sort(compareFindings);
  return { diagnostics, catalogCount: loaded.sources.filter((s) => s.requested).length, itemCount: loaded.itemCount, files: loaded.files };
}
