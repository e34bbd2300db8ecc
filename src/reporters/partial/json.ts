/**
 * A partial report as compact JSON (schemas/report-validate-partial.schema.json): it is read by
 * `merge-reports`, not by people, and can hold a summary line per item of the shard.
 */
import type { PartialReport } from '../../core/partial-report.js';
import type { Reporter } from '../reporter.js';

export const json: Reporter<PartialReport> = (report) => JSON.stringify(report) + '\n';
