/**
 * The columns of tongban's own CSV exchange format: one per element, in schema order. Text elements are
 * written as text; everything else (numbers, flags, lists, nested elements) as JSON, so that an export
 * read back with the `tongban` mapping gives the same items.
 */
import type { CatalogKind } from '../model.js';

export const TEXT_COLUMNS: Record<CatalogKind, readonly string[]> = {
  basic: ['code', 'name', 'type', 'parent', 'status', 'version', 'description', 'effectiveDate', 'cancelDate'],
  implementation: [
    'code',
    'basicCode',
    'handlingItem',
    'name',
    'type',
    'status',
    'version',
    'powerSource',
    'handlingType',
    'visitReason',
    'place',
    'hours',
    'effectiveDate',
    'cancelDate',
  ],
};

export const COLUMNS: Record<CatalogKind, readonly string[]> = {
  basic: [
    'code',
    'name',
    'type',
    'levels',
    'basis',
    'parent',
    'status',
    'version',
    'description',
    'effectiveDate',
    'cancelDate',
  ],
  implementation: [
    'code',
    'basicCode',
    'handlingItem',
    'name',
    'type',
    'status',
    'version',
    'levels',
    'powerSource',
    'basis',
    'agency',
    'entrustedAgency',
    'jointAgencies',
    'serviceObjects',
    'conditions',
    'materials',
    'process',
    'specialSteps',
    'handlingType',
    'statutoryLimit',
    'promisedLimit',
    'visits',
    'visitReason',
    'online',
    'fee',
    'place',
    'hours',
    'contacts',
    'results',
    'faq',
    'effectiveDate',
    'cancelDate',
  ],
};

export function toCell(kind: CatalogKind, column: string, value: unknown): string {
  if (value === undefined) return '';
  return TEXT_COLUMNS[kind].includes(column) ? String(value) : JSON.stringify(value);
}
