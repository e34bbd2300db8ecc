/** Items as one JSON array, each as its file holds it. */
import type { ExportResult } from '../../app/export-items.js';
import type { Reporter } from '../reporter.js';
import { bundlesJson } from './bundles.js';

export const json: Reporter<ExportResult> = (result) =>
  result.bundles
    ? bundlesJson(result.bundles)
    : JSON.stringify(
        result.records.map((r) => r.item),
        null,
        2,
      ) + '\n';
