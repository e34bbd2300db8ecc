/**
 * Bundles as the reporting commands (stats, compare, export, guide) use them: those of a catalog that pass
 * their schema; one that fails is left out and said so (`bundle/invalid`), as an invalid item is.
 */
import { memberFacts, type MemberFacts, type MemberSource } from '../../core/bundles/members.js';
import type { Bundle } from '../../core/bundles/model.js';
import { findingIn, type Finding } from '../../core/diagnostic.js';
import type { BundleSide, SideMember } from '../../core/bundles/sides.js';
import type { SchemaValidator } from '../../core/schema/validator.js';
import type { ReadSide } from '../../io/read-diff-side.js';

export interface ReadBundle {
  /** Display path of the bundle file. */
  file: string;
  bundle: Bundle;
}

export function validBundles(
  catalog: { bundles: readonly { file: string; data?: Record<string, unknown> }[] },
  schemas: SchemaValidator,
): { bundles: ReadBundle[]; problems: Finding[] } {
  const bundles: ReadBundle[] = [];
  const problems: Finding[] = [];
  for (const { file, data } of catalog.bundles) {
    if (data === undefined) continue; // unreadable: the catalog set's problems say why
    const errors = schemas.bundle(data);
    if (errors.length)
      problems.push(findingIn(file, { code: 'bundle/invalid', path: '', args: { count: errors.length } }));
    else bundles.push({ file, bundle: data as unknown as Bundle });
  }
  return { bundles, problems };
}

/** The list's valid items by implementation code (the first, when a code repeats), as bundles see them. */
export function membersByCode(items: readonly { file: string; data: MemberSource }[]): Map<string, MemberFacts> {
  const members = new Map<string, MemberFacts>();
  for (const { file, data } of items)
    if (data.code !== undefined && !members.has(data.code)) members.set(data.code, memberFacts(file, data));
  return members;
}

/**
 * A side of a comparison (a catalog folder, or one at a git revision) as bundles are compared: its valid
 * bundles, and the items they name by code (each with its basic code, which regions share).
 */
export function bundleSide(read: ReadSide, schemas: SchemaValidator): { side: BundleSide; problems: Finding[] } {
  const { bundles, problems } = validBundles({ bundles: read.bundles }, schemas);
  const wanted = new Set(bundles.flatMap((b) => b.bundle.members.map((m) => m.code)));
  const members = new Map<string, SideMember>();
  if (wanted.size) {
    for (const entry of read.side.items) {
      const data = entry.data();
      const code = typeof data.code === 'string' ? data.code : undefined;
      if (code === undefined || !wanted.has(code) || members.has(code)) continue;
      const agency = data.agency as { name?: unknown; uscc?: unknown } | undefined;
      members.set(code, {
        name: entry.name,
        key: entry.key ?? code,
        ...(typeof agency?.name === 'string' && typeof agency.uscc === 'string'
          ? { agency: { name: agency.name, uscc: agency.uscc } }
          : {}),
      });
    }
  }
  return { side: { label: read.side.label, bundles, members }, problems };
}
