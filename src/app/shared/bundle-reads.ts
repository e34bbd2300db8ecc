/**
 * Bundles as the reporting commands (stats, compare, export, guide) use them: those of a catalog that pass
 * their schema; one that fails is left out and said so (`bundle/invalid`), as an invalid item is.
 */
import { memberFacts, type MemberFacts, type MemberSource } from '../../core/bundles/members.js';
import type { Bundle } from '../../core/bundles/model.js';
import { findingIn, type Finding } from '../../core/diagnostic.js';
import type { BundleSide, SideMember } from '../../core/bundles/sides.js';
import type { SideEntry } from '../../core/diff/catalog-diff.js';
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
      // What a member needs is held by an entry read from files (it has `code`): its item is not read again.
      const facts = 'code' in entry ? entry : factsOf(entry.data());
      const code = facts.code;
      if (code === undefined || !wanted.has(code) || members.has(code)) continue;
      members.set(code, {
        name: entry.name,
        key: entry.key ?? code,
        ...(facts.agencyNamed ? { agency: { name: facts.agencyNamed.name, uscc: facts.agencyNamed.uscc } } : {}),
      });
    }
  }
  return { side: { label: read.side.label, bundles, members }, problems };
}

/** The code and agency of an item, as bundles name their members. */
function factsOf(data: Record<string, unknown>): Pick<SideEntry, 'code' | 'agencyNamed'> {
  const agency = data.agency as { name?: unknown; uscc?: unknown } | undefined;
  return {
    code: typeof data.code === 'string' ? data.code : undefined,
    agencyNamed:
      typeof agency?.name === 'string' && typeof agency.uscc === 'string'
        ? { name: agency.name, uscc: agency.uscc }
        : undefined,
  };
}
