/** `tongban export --bundles`: the bundles (一件事) of the catalogs in each export format. */
import type { ExportBundle } from '../../app/export-items.js';
import { BUNDLE_COLUMNS, bundleRows } from '../../core/bundles/exchange.js';
import { BUNDLE_CONTEXT, bundleNodes } from '../../core/bundles/jsonld.js';
import { excelCsv } from '../shared/csv.js';

/** One row per member, as the tongban-bundle import preset reads it back. */
export function bundlesCsv(bundles: readonly ExportBundle[]): string {
  return excelCsv([
    [...BUNDLE_COLUMNS],
    ...bundles.flatMap((b) => bundleRows(b.bundle as unknown as Record<string, unknown>)),
  ]);
}

export function bundlesJson(bundles: readonly ExportBundle[]): string {
  return (
    JSON.stringify(
      bundles.map((b) => b.bundle),
      null,
      2,
    ) + '\n'
  );
}

export function bundlesJsonl(bundles: readonly ExportBundle[]): string {
  return bundles.map((b) => JSON.stringify(b.bundle) + '\n').join('');
}

/** Each bundle as a CPSV-AP event grouping its member services (schema.org GovernmentService nodes). */
export function bundlesJsonld(bundles: readonly ExportBundle[]): string {
  const graph = bundles.flatMap((b) => bundleNodes(b.bundle, b.catalog.dir, b.members, b.catalog.region));
  return JSON.stringify({ '@context': BUNDLE_CONTEXT, '@graph': graph }, null, 2) + '\n';
}
