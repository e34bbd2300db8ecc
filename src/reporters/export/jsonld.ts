/** Implementation items as schema.org GovernmentService nodes in one JSON-LD graph (what search engines read). */
import type { ExportResult } from '../../app/export-items.js';
import { governmentService } from '../../core/guide/view.js';
import type { ImplementationItem } from '../../core/model.js';
import type { Reporter } from '../reporter.js';
import { bundlesJsonld } from './bundles.js';

export const jsonld: Reporter<ExportResult> = (result) => {
  if (result.bundles) return bundlesJsonld(result.bundles);
  const graph = result.records
    .filter((r) => r.catalog.kind === 'implementation')
    .map((r) => {
      const { '@context': _context, ...service } = governmentService(
        r.item as unknown as ImplementationItem,
        r.catalog.region,
      );
      return service;
    });
  return JSON.stringify({ '@context': 'https://schema.org', '@graph': graph }, null, 2) + '\n';
};
