import type { ValidationReport } from '../core/report.js';
import type { Lang } from '../i18n/index.js';

export interface ReporterOptions {
  lang: Lang;
  color: boolean;
  /** tongban's version, for formats that name the tool (SARIF). */
  version: string;
}

/** A reporter is pure: a report in, the text to print out. Colour is decided by the caller. */
export type Reporter = (report: ValidationReport, options: ReporterOptions) => string;
