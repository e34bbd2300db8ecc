/**
 * `tongban diff` for bundles: the bundles of two versions of a catalog (or of two catalogs) matched by id,
 * else by the key matter they implement, and what changed in each — members added or removed (compared by
 * basic code), materials (by name and whether they are submitted), form fields, agencies, promised time,
 * visits, scope, channel, published figures — plus the bundles on one side only.
 */
import { FIGURE_NAMES, type Bundle } from './model.js';
import { materialKey } from './materials.js';
import { memberLabels, timeLabel, type BundleSide } from './sides.js';

export interface BundleRef {
  file: string;
  id: string;
  name: string;
}

export interface BundleFieldChange {
  element: string;
  /** A value that changed. */
  before?: string;
  after?: string;
  /** Entries of a list added or removed. */
  added?: string[];
  removed?: string[];
}

export interface BundlePair {
  id: string;
  name: string;
  left: string;
  right: string;
  changes: BundleFieldChange[];
}

export interface BundleDiff {
  pairs: BundlePair[];
  onlyLeft: BundleRef[];
  onlyRight: BundleRef[];
}

const ref = ({ file, bundle }: { file: string; bundle: Bundle }): BundleRef => ({
  file,
  id: bundle.id,
  name: bundle.name,
});

function listChange(
  element: string,
  before: readonly { key: string; label: string }[],
  after: readonly { key: string; label: string }[],
): BundleFieldChange[] {
  const beforeKeys = new Set(before.map((b) => b.key));
  const afterKeys = new Set(after.map((a) => a.key));
  const added = after.filter((a) => !beforeKeys.has(a.key)).map((a) => a.label);
  const removed = before.filter((b) => !afterKeys.has(b.key)).map((b) => b.label);
  return added.length || removed.length
    ? [{ element, ...(added.length ? { added } : {}), ...(removed.length ? { removed } : {}) }]
    : [];
}

function valueChange(element: string, before: string, after: string): BundleFieldChange[] {
  return before === after ? [] : [{ element, before, after }];
}

const plain = (values: readonly string[]) => values.map((v) => ({ key: v, label: v }));

function materials(bundle: Bundle): { key: string; label: string }[] {
  return bundle.materials.map((m) => ({
    key: `${materialKey(m.name)}/${m.obtainedBy ?? '需提交'}`,
    label: m.obtainedBy ? `${m.name} · ${m.obtainedBy}` : m.name,
  }));
}

function changesOf(left: BundleSide, a: Bundle, right: BundleSide, b: Bundle): BundleFieldChange[] {
  const figure = (bundle: Bundle, name: (typeof FIGURE_NAMES)[number]) => {
    const f = bundle.figures?.[name];
    return f ? `${f.before}→${f.after}${f.reduction === undefined ? '' : ` (${f.reduction}%)`}` : '—';
  };
  return [
    ...valueChange('name', a.name, b.name),
    ...valueChange('keyMatter', a.keyMatter ?? '—', b.keyMatter ?? '—'),
    ...valueChange('lead', `${a.lead.name} · ${a.lead.uscc}`, `${b.lead.name} · ${b.lead.uscc}`),
    ...listChange(
      'assisting',
      plain((a.assisting ?? []).map((x) => x.name)),
      plain((b.assisting ?? []).map((x) => x.name)),
    ),
    ...listChange('members', memberLabels(left, a), memberLabels(right, b)),
    ...listChange('materials', materials(a), materials(b)),
    ...listChange(
      'form',
      plain(a.form?.fields.map((f) => f.name) ?? []),
      plain(b.form?.fields.map((f) => f.name) ?? []),
    ),
    ...valueChange('time', timeLabel(a), timeLabel(b)),
    ...valueChange('visits', String(a.visits), String(b.visits)),
    ...valueChange('scope', a.scope, b.scope),
    ...valueChange('channel', a.channels?.url ?? '—', b.channels?.url ?? '—'),
    ...FIGURE_NAMES.flatMap((name) => valueChange(`figures.${name}`, figure(a, name), figure(b, name))),
  ];
}

export function diffBundles(left: BundleSide, right: BundleSide): BundleDiff {
  const unmatched = new Set(right.bundles);
  const pairs: BundlePair[] = [];
  const onlyLeft: BundleRef[] = [];
  const take = (test: (entry: BundleSide['bundles'][number]) => boolean) => {
    const found = [...unmatched].find(test);
    if (found) unmatched.delete(found);
    return found;
  };
  const rest: BundleSide['bundles'][number][] = [];
  for (const entry of left.bundles) {
    const other = take((r) => r.bundle.id === entry.bundle.id);
    if (other) pairs.push(pair(entry, other));
    else rest.push(entry);
  }
  // Renamed, or another region's bundle for the same key matter.
  for (const entry of rest) {
    const other =
      entry.bundle.keyMatter === undefined ? undefined : take((r) => r.bundle.keyMatter === entry.bundle.keyMatter);
    if (other) pairs.push(pair(entry, other));
    else onlyLeft.push(ref(entry));
  }
  return { pairs, onlyLeft, onlyRight: [...unmatched].map(ref) };

  function pair(a: BundleSide['bundles'][number], b: BundleSide['bundles'][number]): BundlePair {
    return {
      id: a.bundle.id,
      name: a.bundle.name,
      left: a.file,
      right: b.file,
      changes: changesOf(left, a.bundle, right, b.bundle),
    };
  }
}
