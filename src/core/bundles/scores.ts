/**
 * The scores of bundles (一件事) that `tongban stats` reports: for each bundle, what applying for its items
 * one by one asks of a citizen against what the bundle asks — materials, forms, visits, time — and the
 * reductions; the share of its members handled fully online; per catalog and overall; and how much of
 * the national key-matter lists each region covers with bundles.
 *
 * "Before" is computed from the member items (each asks for its materials, its form, its visits and its
 * promised time), "after" from the bundle (materials still submitted, one form, its visits, its promised
 * time). The figures a region publishes are reported beside them, as stated.
 */
import { materialIndex, materialKey, submitted } from './materials.js';
import { FIGURE_NAMES, type Bundle, type FigureName, type KeyMatter } from './model.js';
import type { MemberFacts } from './members.js';

export interface Reduction {
  before: number;
  after: number;
  /** (before − after) / before, 0–1 (negative when the bundle asks for more); 0 when before is 0. */
  reduction: number;
}

export interface BundleScore {
  /** The catalog folder as shown. */
  catalog: string;
  file: string;
  id: string;
  name: string;
  keyMatter: string | null;
  members: number;
  /** Members that are not readable items of the list (left out of the figures). */
  missingMembers: number;
  /** Share of the (readable) members handled fully online (网上办理深度 Ⅳ). */
  /** null when no member could be read (nothing to count). */
  fullyOnlineShare: number | null;
  /** Computed from the members and the bundle; time only when every limit shares the bundle's unit. */
  computed: Partial<Record<FigureName, Reduction>>;
  /** The figures the region publishes, as stated, with the reductions they imply. */
  stated: Partial<Record<FigureName, Reduction & { claimed: number | null }>>;
  timeUnit: string;
}

const ratio = (before: number, after: number) =>
  before > 0 ? Math.round(((before - after) / before) * 1000) / 1000 : 0;

function reduction(before: number, after: number): Reduction {
  return { before, after, reduction: ratio(before, after) };
}

export function scoreBundle(
  bundle: Bundle,
  catalog: string,
  file: string,
  members: ReadonlyMap<string, MemberFacts>,
): BundleScore {
  const codes = [...new Set(bundle.members.map((m) => m.code))];
  const known = codes.map((code) => members.get(code)).filter((m): m is MemberFacts => m?.valid === true);
  const unit = bundle.promisedLimit.unit;
  // A material a member asks for twice still counts once for it.
  const materialsBefore = known.reduce(
    (sum, m) => sum + new Set((m.materials ?? []).map((x) => materialKey(x.name))).size,
    0,
  );
  const firsts = materialIndex(bundle);
  const materialsAfter = bundle.materials.filter(
    (m, i) => firsts.get(materialKey(m.name)) === i && submitted(m),
  ).length;
  const computed: BundleScore['computed'] = {
    materials: reduction(materialsBefore, materialsAfter),
    forms: reduction(known.length, bundle.form ? 1 : known.length),
    visits: reduction(
      known.reduce((sum, m) => sum + (m.visits ?? 0), 0),
      bundle.visits,
    ),
  };
  if (known.length > 0 && known.every((m) => m.promisedLimit?.unit === unit)) {
    const before = known.reduce((sum, m) => sum + (m.promisedLimit?.value ?? 0), 0);
    computed.time = reduction(before, bundle.promisedLimit.value);
  }
  const stated: BundleScore['stated'] = {};
  for (const name of FIGURE_NAMES) {
    const figure = bundle.figures?.[name];
    if (figure)
      stated[name] = {
        ...reduction(figure.before, figure.after),
        claimed: figure.reduction === undefined ? null : figure.reduction / 100,
      };
  }
  return {
    catalog,
    file,
    id: bundle.id,
    name: bundle.name,
    keyMatter: bundle.keyMatter ?? null,
    members: codes.length,
    missingMembers: codes.length - known.length,
    fullyOnlineShare: known.length
      ? Math.round((known.filter((m) => m.onlineDepth === 4).length / known.length) * 1000) / 1000
      : null,
    computed,
    stated,
    timeUnit: unit,
  };
}

export interface BundleSummary {
  bundles: number;
  /** Average reduction per figure over the bundles that have it (computed). */
  reductions: Partial<Record<FigureName, number>>;
  /** Share of all members, over these bundles, handled fully online; null when there are none. */
  fullyOnlineShare: number | null;
}

export function summarise(scores: readonly BundleScore[]): BundleSummary {
  const reductions: BundleSummary['reductions'] = {};
  for (const name of FIGURE_NAMES) {
    const values = scores.flatMap((s) => (s.computed[name] ? [s.computed[name].reduction] : []));
    if (values.length) reductions[name] = Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1000) / 1000;
  }
  const members = scores.reduce((sum, s) => sum + (s.members - s.missingMembers), 0);
  const online = scores.reduce((sum, s) => sum + (s.fullyOnlineShare ?? 0) * (s.members - s.missingMembers), 0);
  return {
    bundles: scores.length,
    reductions,
    // A region without bundles has no share, not a share of 0%.
    fullyOnlineShare: members ? Math.round((online / members) * 1000) / 1000 : null,
  };
}

export interface KeyMatterCoverage {
  /** How many national key matters there are, and how many of their names are confirmed. */
  total: number;
  confirmed: number;
  /** The lists by year and batch, with how many matters each holds. */
  lists: { year: number; batch: number; list: string; matters: number }[];
  /** Per catalog: the key matters it has bundles for. */
  catalogs: { catalog: string; covered: string[]; count: number; share: number }[];
  /** Per key matter (all of them): the catalogs that have a bundle for it. */
  matters: { id: string; title: string; year: number; batch: number; confirmed: boolean; catalogs: string[] }[];
}

export function keyMatterCoverage(
  matters: readonly KeyMatter[],
  catalogs: readonly { catalog: string; keyMatters: readonly string[] }[],
): KeyMatterCoverage {
  const lists = new Map<string, KeyMatterCoverage['lists'][number]>();
  for (const m of matters) {
    const key = `${m.year}-${m.batch}`;
    const list = lists.get(key) ?? { year: m.year, batch: m.batch, list: m.list, matters: 0 };
    list.matters++;
    lists.set(key, list);
  }
  const known = new Set(matters.map((m) => m.id));
  return {
    total: matters.length,
    confirmed: matters.filter((m) => m.confirmed).length,
    lists: [...lists.values()],
    catalogs: catalogs.map(({ catalog, keyMatters }) => {
      const covered = [...new Set(keyMatters.filter((id) => known.has(id)))].sort();
      return {
        catalog,
        covered,
        count: covered.length,
        share: matters.length ? Math.round((covered.length / matters.length) * 1000) / 1000 : 0,
      };
    }),
    matters: matters.map((m) => ({
      id: m.id,
      title: m.title,
      year: m.year,
      batch: m.batch,
      confirmed: m.confirmed,
      catalogs: catalogs.filter((c) => c.keyMatters.includes(m.id)).map((c) => c.catalog),
    })),
  };
}
