/**
 * Bundles as comparisons see them (`tongban compare`, `tongban diff`): each side's valid bundles, and what
 * identifies their members across regions — not the implementation code, which names the region's own
 * agency, but the basic code (plus handling item) of the item, which every region shares.
 */
import { materialKey } from './materials.js';
import type { Bundle } from './model.js';

export interface SideMember {
  name: string;
  /** Basic code (plus `#handling item`): the same item in every region. */
  key: string;
  agency?: { name: string; uscc: string };
}

export interface BundleSide {
  /** How the side is shown: a folder, or `ref:folder`. */
  label: string;
  bundles: readonly { file: string; bundle: Bundle }[];
  /** The side's items that bundles name, by implementation code. */
  members: ReadonlyMap<string, SideMember>;
}

/** A member as compared: its item's name and basic code, or the code alone when no item has it. */
export function memberLabel(side: BundleSide, code: string): { key: string; label: string } {
  const member = side.members.get(code);
  return member ? { key: member.key, label: `${member.name} · ${member.key}` } : { key: code, label: code };
}

/** The members of a bundle as compared across sides, in order. */
export function memberLabels(side: BundleSide, bundle: Bundle): { key: string; label: string }[] {
  const seen = new Set<string>();
  return bundle.members
    .map((m) => memberLabel(side, m.code))
    .filter((m) => (seen.has(m.key) ? false : (seen.add(m.key), true)));
}

/** The materials of a bundle as compared: each by its name and whether the applicant submits it. */
export function materialLabels(bundle: Bundle): { key: string; label: string }[] {
  const seen = new Set<string>();
  return (
    bundle.materials
      // Submitted or not is part of what is compared: the same material fetched in one region and asked for
      // in another is a difference the applicant feels.
      .map((m) => ({
        key: `${materialKey(m.name)}/${m.obtainedBy ?? '需提交'}`,
        label: m.obtainedBy ? `${m.name} · ${m.obtainedBy}` : m.name,
      }))
      .filter((m) => (seen.has(m.key) ? false : (seen.add(m.key), true)))
  );
}

/** The lead agency as compared across regions: by the members it implements, since names are regional. */
export function leadLabel(side: BundleSide, bundle: Bundle): { key: string; label: string } {
  const led = bundle.members.filter((m) => side.members.get(m.code)?.agency?.uscc === bundle.lead.uscc);
  const key = [...new Set(led.map((m) => memberLabel(side, m.code).key))].sort().join('+');
  const names = [...new Set(led.map((m) => side.members.get(m.code)?.name ?? m.code))];
  return {
    key: key || `agency:${bundle.lead.name}`,
    label: names.length ? `${bundle.lead.name} · ${names.join(' / ')}` : bundle.lead.name,
  };
}

export function timeLabel(bundle: Bundle): string {
  return `${bundle.promisedLimit.value}个${bundle.promisedLimit.unit}`;
}
