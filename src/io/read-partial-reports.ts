/** The partial reports `merge-reports` is given: each read and recognised, or a usage error naming it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PartialReport } from '../core/partial-report.js';
import { UsageError } from './errors.js';

/** A shard's header has the shape every version of the format has kept; the rest is its writer's. */
function recognised(value: unknown): value is PartialReport {
  const report = value as Partial<PartialReport> | null;
  return (
    typeof report === 'object' &&
    report !== null &&
    report.report === 'validate-partial' &&
    typeof report.version === 'number' &&
    typeof report.tool?.version === 'string' &&
    Number.isInteger(report.shard?.index) &&
    Number.isInteger(report.shard?.count)
  );
}

export function readPartialReports(files: readonly string[], cwd: string): { path: string; report: PartialReport }[] {
  return files.map((file) => {
    let text: string;
    try {
      text = readFileSync(path.resolve(cwd, file), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new UsageError('usage/path-not-found', { path: file });
      throw new UsageError('usage/partial-unreadable', { path: file, detail: code ?? String(error) });
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new UsageError('usage/partial-unreadable', { path: file, detail: (error as Error).message });
    }
    if (!recognised(value))
      throw new UsageError('usage/partial-unreadable', { path: file, detail: 'report is not "validate-partial"' });
    return { path: file, report: value };
  });
}
