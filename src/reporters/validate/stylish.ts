/**
 * The human format: findings grouped by file, `line:col  severity  message  code`, columns aligned by
 * display width (CJK characters take two columns), then one summary line.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { displayWidth } from '../shared/display-width.js';
import { positionOf, type Diagnostic, type Severity } from '../../core/diagnostic.js';
import { describeCode, uiText, type Lang, type MessageKey } from '../../i18n/index.js';
import type { ValidationReport } from '../../core/validation-report.js';
import type { Reporter } from '../reporter.js';
import { visibleText } from '../shared/safe-text.js';
import { summarise } from './summary.js';

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

function severityColour(chalk: ChalkInstance, severity: Severity): (text: string) => string {
  return severity === 'error' ? chalk.red : severity === 'warning' ? chalk.yellow : chalk.blue;
}

function groupByFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const group = groups.get(d.file);
    if (group) group.push(d);
    else groups.set(d.file, [d]);
  }
  return groups;
}

/** Past this many findings, a table by rule (code, count, items) comes before the total. */
const RULE_TABLE_FROM = 20;

/**
 * Thousands of findings from a real list are mostly a few rules repeated: one line per code, with how
 * often and in how many files it occurs, most frequent first, and what the rule is about.
 */
function byRule(diagnostics: readonly Diagnostic[], lang: Lang, chalk: ChalkInstance): string[] {
  if (diagnostics.length < RULE_TABLE_FROM) return [];
  const rules = new Map<string, { severity: Severity; count: number; files: Set<string> }>();
  for (const d of diagnostics) {
    const rule = rules.get(d.code) ?? { severity: d.severity, count: 0, files: new Set<string>() };
    rule.count++;
    rule.files.add(d.file);
    rules.set(d.code, rule);
  }
  const rows = [...rules.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
    .map(([code, rule]) => ({
      count: String(rule.count),
      severity: uiText(lang, `severity.${rule.severity}`),
      paint: severityColour(chalk, rule.severity),
      code,
      files: uiText(lang, 'summary.ruleFiles', { files: rule.files.size }),
      about: describeCode(lang, code as MessageKey),
    }));
  const width = (pick: (r: (typeof rows)[number]) => string) => Math.max(...rows.map((r) => displayWidth(pick(r))));
  const [countWidth, severityWidth, codeWidth, filesWidth] = [
    width((r) => r.count),
    width((r) => r.severity),
    width((r) => r.code),
    width((r) => r.files),
  ];
  return [
    chalk.bold(uiText(lang, 'summary.byRule')),
    ...rows.map(
      (r) =>
        `  ${padStart(r.count, countWidth)}  ${r.paint(padEnd(r.severity, severityWidth))}  ${padEnd(r.code, codeWidth)}  ${chalk.dim(padEnd(r.files, filesWidth))}  ${chalk.dim(r.about)}`,
    ),
    '',
  ];
}

export const stylish: Reporter<ValidationReport> = visibleText((report, { lang, color }) => {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const lines: string[] = [];
  for (const [file, group] of groupByFile(report.diagnostics)) {
    lines.push(chalk.underline(file));
    const rows = group.map((d) => ({
      where: positionOf(d),
      severity: uiText(lang, `severity.${d.severity}`),
      d,
    }));
    const whereWidth = Math.max(...rows.map((r) => displayWidth(r.where)));
    const severityWidth = Math.max(...rows.map((r) => displayWidth(r.severity)));
    const messageWidth = Math.max(...rows.map((r) => displayWidth(r.d.message)));
    for (const { where, severity, d } of rows) {
      const paint = severityColour(chalk, d.severity);
      lines.push(
        `  ${chalk.dim(padStart(where, whereWidth))}  ${paint(padEnd(severity, severityWidth))}  ${padEnd(d.message, messageWidth)}  ${chalk.dim(d.code)}`,
      );
    }
    lines.push('');
  }
  lines.push(...byRule(report.diagnostics, lang, chalk));
  const counts = summarise(report.diagnostics);
  const total = report.diagnostics.length;
  const scope = { catalogs: report.catalogCount, items: report.itemCount };
  if (total === 0) {
    lines.push(chalk.green(uiText(lang, 'summary.clean', scope)));
  } else {
    const paint = counts.errors ? chalk.red.bold : counts.warnings ? chalk.yellow.bold : chalk.blue.bold;
    lines.push(paint(`✖ ${uiText(lang, 'summary.problems', { total, ...counts, ...scope })}`));
  }
  if (report.baseline) {
    const { file, known, fixed } = report.baseline;
    lines.push(
      chalk.dim(uiText(lang, 'baseline.summary', { file, known, fixed: fixed.reduce((sum, e) => sum + e.count, 0) })),
    );
    for (const entry of fixed)
      lines.push(
        chalk.green(
          `  ${uiText(lang, 'baseline.fixed')}  ${entry.file}  ${entry.path || '/'}  ${entry.code}${entry.count > 1 ? ` ×${entry.count}` : ''}`,
        ),
      );
  }
  return lines.join('\n') + '\n';
});
