/** Items as JSON Lines: one item per line, for streaming tools and line-oriented diffs. */
import type { ExportResult } from '../../app/export-items.js';
import type { Reporter } from '../reporter.js';
import { bundlesJsonl } from './bundles.js';

export const jsonl: Reporter<ExportResult> = (result) =>
  result.bundles ? bundlesJsonl(result.bundles) : result.records.map((r) => JSON.stringify(r.item) + '\n').join('');
