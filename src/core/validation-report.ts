import type { BaselineEntry } from './baseline.js';
import { severityRank, type Diagnostic, type Severity } from './diagnostic.js';

/** What `validate` found, with enough context for a summary line. */
export interface ValidationReport {
  diagnostics: Diagnostic[];
  catalogCount: number;
  itemCount: number;
  /** Every file checked (catalog.yaml and items), as displayed; reporters that list passing files use it. */
  files: string[];
  /** Findings hidden by inline suppressions. */
  suppressedCount?: number;
  /** When compared with a baseline: `diagnostics` holds only new findings. */
  baseline?: { file: string; known: number; fixed: BaselineEntry[] };
}

export type FailOn = Severity | 'none';

/** Whether the findings should fail the run: any at or above the threshold. */
export function shouldFail(diagnostics: readonly Diagnostic[], failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  const threshold = severityRank(failOn);
  return diagnostics.some((d) => severityRank(d.severity) >= threshold);
}
