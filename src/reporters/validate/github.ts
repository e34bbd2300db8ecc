/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import type { Severity } from '../../core/diagnostic.js';
import type { ValidationReport } from '../../core/validation-report.js';
import type { Reporter } from '../reporter.js';
import { visibleText } from '../shared/safe-text.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Message data escapes %, CR and LF; property values also escape : and ,. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Reporter<ValidationReport> = visibleText((report) =>
  report.diagnostics
    .map((d) => {
      const props = [`file=${escapeProperty(d.file)}`];
      if (d.range) {
        props.push(
          `line=${d.range.start.line}`,
          `col=${d.range.start.column}`,
          `endLine=${d.range.end.line}`,
          `endColumn=${d.range.end.column}`,
        );
      }
      props.push(`title=${escapeProperty(`tongban ${d.code}`)}`);
      return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.message)}\n`;
    })
    .join(''),
);
