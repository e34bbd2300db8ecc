import type { Diagnostic } from '../../core/diagnostic.js';

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export function summarise(diagnostics: readonly Diagnostic[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}
