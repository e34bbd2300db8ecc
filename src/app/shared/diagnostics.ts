/** Findings as every command returns them: located in their files, worded in the chosen language, in order. */
import { compareFindings, type Diagnostic, type Finding } from '../../core/diagnostic.js';
import { formatMessage, type Lang } from '../../i18n/index.js';
import { locateFindings } from '../../io/locate-findings.js';

/**
 * `textOf` gives the text of a file (by display path) for findings that have only a JSON pointer; without
 * it they keep no position.
 */
export function toDiagnostics(
  findings: readonly Finding[],
  lang: Lang,
  textOf?: (file: string) => string | undefined,
): Diagnostic[] {
  const located = textOf ? locateFindings(findings, textOf) : findings;
  return located.map((f) => ({ ...f, message: formatMessage(lang, f.code, f.args) })).sort(compareFindings);
}
