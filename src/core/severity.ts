/** How serious a finding is. A leaf module: the finding-code registry and every finding shape use it. */

export type Severity = 'error' | 'warning' | 'info';

/** Ordered from least to most severe; `--fail-on` compares by this order. */
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
