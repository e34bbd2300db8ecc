/** `tongban export`: catalogs out as CSV (for spreadsheets), JSON, JSON Lines or JSON-LD (schema.org). */
import { COLUMNS, toCell } from './core/exchange/columns.js';
import { governmentService } from './core/guide/view.js';
import type { CatalogKind, CatalogMeta, ImplementationItem } from './core/model.js';
import { selectCatalogs } from './io/discover.js';
import { environment } from './io/environment.js';
import { UsageError } from './io/errors.js';
import { loadCatalogs } from './io/load-catalogs.js';
import { excelCsv } from './reporters/diff/csv.js';

export type ExportFormat = 'csv' | 'json' | 'jsonl' | 'jsonld';

export async function exportCatalogs(
  paths: readonly string[],
  format: ExportFormat,
  options: { cwd?: string } = {},
): Promise<string> {
  const cwd = options.cwd ?? process.cwd();
  const loaded = loadCatalogs(selectCatalogs(paths.length ? paths : ['.'], cwd), cwd);
  const requested = loaded.sources.filter((s) => s.requested);
  const kinds = new Set(requested.map((s) => (s.meta?.data as CatalogMeta | undefined)?.kind));
  if (format === 'csv' && kinds.size > 1) throw new UsageError('usage/export-mixed', {});
  const kind = ([...kinds][0] ?? 'implementation') as CatalogKind;
  const rows: string[][] = [[...COLUMNS[kind]]];
  const objects: unknown[] = [];
  const lines: string[] = [];
  for (const source of requested) {
    const meta = source.meta?.data as CatalogMeta | undefined;
    const region = meta?.region ? (environment.regions.get(meta.region)?.fullName ?? null) : null;
    for (const doc of source.items) {
      const item = doc.data as Record<string, unknown>;
      if (format === 'csv') rows.push(COLUMNS[kind].map((column) => toCell(kind, column, item[column])));
      else if (format === 'jsonl') lines.push(JSON.stringify(item));
      else if (format === 'json') objects.push(item);
      else if (meta?.kind === 'implementation') {
        const { '@context': _context, ...service } = governmentService(
          doc.data as unknown as ImplementationItem,
          region,
        );
        objects.push(service);
      }
    }
  }
  if (format === 'csv') return excelCsv(rows);
  if (format === 'jsonl') return lines.map((l) => l + '\n').join('');
  if (format === 'json') return JSON.stringify(objects, null, 2) + '\n';
  return JSON.stringify({ '@context': 'https://schema.org', '@graph': objects }, null, 2) + '\n';
}
