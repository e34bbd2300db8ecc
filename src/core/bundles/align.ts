/**
 * `tongban compare` for bundles: the bundles of N regions that implement the same national key matter,
 * side by side, and where they differ — members (by basic code, since each region's implementation codes
 * name its own agencies), materials, promised time, visits, scope, and the lead agency (by the members it
 * implements, since agency names are regional). Regional bundles with no key matter are listed apart.
 */
import type { KeyMatter } from './model.js';
import { leadLabel, materialLabels, memberLabels, timeLabel, type BundleSide } from './sides.js';

export type BundleElement = 'members' | 'materials' | 'time' | 'visits' | 'scope' | 'lead';
export const BUNDLE_ELEMENTS: readonly BundleElement[] = ['members', 'materials', 'time', 'visits', 'scope', 'lead'];

export interface AlignedBundle {
  region: string;
  file: string;
  id: string;
  name: string;
}

export interface ElementComparison {
  element: BundleElement;
  /** Whether every region has the same. */
  agree: boolean;
  /** Each region's value: a list (members, materials) or one value. */
  values: { region: string; value: string | string[] }[];
  /** For lists: what every region has. */
  shared?: string[];
}

export interface BundleAlignment {
  keyMatter: string;
  title: string;
  bundles: AlignedBundle[];
  /** Regions with no bundle for the key matter. */
  missing: string[];
  elements: ElementComparison[];
  /** Share of elements on which the regions agree (1 with a single region). */
  score: number;
}

export interface BundleComparison {
  aligned: BundleAlignment[];
  /** Bundles with no key matter (a region's own), which nothing is compared with. */
  regional: AlignedBundle[];
}

export function alignBundles(sides: readonly BundleSide[], matters: readonly KeyMatter[]): BundleComparison {
  const byMatter = new Map<string, { side: BundleSide; entry: BundleSide['bundles'][number] }[]>();
  const regional: AlignedBundle[] = [];
  for (const side of sides) {
    for (const entry of side.bundles) {
      const key = entry.bundle.keyMatter;
      const aligned = { region: side.label, file: entry.file, id: entry.bundle.id, name: entry.bundle.name };
      if (key === undefined) regional.push(aligned);
      else byMatter.set(key, [...(byMatter.get(key) ?? []), { side, entry }]);
    }
  }
  const aligned = [...byMatter]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([keyMatter, holders]): BundleAlignment => {
      const lists = (element: 'members' | 'materials') =>
        holders.map(({ side, entry }) => ({
          region: side.label,
          items: element === 'members' ? memberLabels(side, entry.bundle) : materialLabels(entry.bundle),
        }));
      const listComparison = (element: 'members' | 'materials'): ElementComparison => {
        const perRegion = lists(element);
        const keySets = perRegion.map((r) => new Set(r.items.map((i) => i.key)));
        const sharedKeys = [...(keySets[0] ?? [])].filter((key) => keySets.every((set) => set.has(key)));
        const shared = (perRegion[0]?.items ?? []).filter((i) => sharedKeys.includes(i.key)).map((i) => i.label);
        const agree = keySets.every((set) => set.size === sharedKeys.length);
        return {
          element,
          agree,
          values: perRegion.map((r) => ({ region: r.region, value: r.items.map((i) => i.label) })),
          shared,
        };
      };
      const scalar = (element: BundleElement, of: (h: (typeof holders)[number]) => { key: string; label: string }) => {
        const values = holders.map((h) => ({ region: h.side.label, ...of(h) }));
        return {
          element,
          agree: new Set(values.map((v) => v.key)).size <= 1,
          values: values.map((v) => ({ region: v.region, value: v.label })),
        };
      };
      const elements: ElementComparison[] = [
        listComparison('members'),
        listComparison('materials'),
        scalar('time', (h) => ({ key: timeLabel(h.entry.bundle), label: timeLabel(h.entry.bundle) })),
        scalar('visits', (h) => ({ key: String(h.entry.bundle.visits), label: String(h.entry.bundle.visits) })),
        scalar('scope', (h) => ({ key: h.entry.bundle.scope, label: h.entry.bundle.scope })),
        scalar('lead', (h) => leadLabel(h.side, h.entry.bundle)),
      ];
      const regions = new Set(holders.map((h) => h.side.label));
      return {
        keyMatter,
        title: matters.find((m) => m.id === keyMatter)?.title ?? keyMatter,
        bundles: holders.map(({ side, entry }) => ({
          region: side.label,
          file: entry.file,
          id: entry.bundle.id,
          name: entry.bundle.name,
        })),
        missing: sides.map((s) => s.label).filter((label) => !regions.has(label)),
        elements,
        score: Math.round((elements.filter((e) => e.agree).length / elements.length) * 1000) / 1000,
      };
    });
  return { aligned, regional };
}
