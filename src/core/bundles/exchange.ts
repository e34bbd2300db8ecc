/**
 * Bundles in tongban's own CSV exchange format: one row per member, the bundle's elements repeated on each
 * row (text as text, the rest as JSON) and the member's in `member.*` columns. `tongban export --bundles
 * -f csv` writes it; the `tongban-bundle` import preset (schemas/mappings/tongban-bundle.yaml) reads it
 * back, so a round trip gives the same bundles.
 */
type Json = Record<string, unknown>;

export const BUNDLE_COLUMNS: readonly string[] = [
  'id',
  'name',
  'keyMatter',
  'description',
  'lead.name',
  'lead.uscc',
  'assisting',
  'promisedLimit',
  'visits',
  'scope',
  'channels',
  'figures',
  'effectiveDate',
  'form',
  'materials',
  'member.code',
  'member.stage',
  'member.order',
  'member.condition',
];

const TEXT = new Set([
  'id',
  'name',
  'keyMatter',
  'description',
  'lead.name',
  'lead.uscc',
  'scope',
  'effectiveDate',
  'member.code',
  'member.stage',
  'member.condition',
]);

function valueAt(record: Json, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((value, key) => (value as Json | undefined)?.[key], record);
}

/** The rows of one bundle: one per member (a bundle without members still gets one row). */
export function bundleRows(bundle: Json): string[][] {
  const members = Array.isArray(bundle.members) && bundle.members.length ? (bundle.members as Json[]) : [{}];
  return members.map((member) =>
    BUNDLE_COLUMNS.map((column) => {
      const value = column.startsWith('member.') ? member[column.slice('member.'.length)] : valueAt(bundle, column);
      if (value === undefined) return '';
      return TEXT.has(column) ? String(value) : JSON.stringify(value);
    }),
  );
}
