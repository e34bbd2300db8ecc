/**
 * Two catalogs compared: items matched by basic code and 业务办理项; where several agencies implement one
 * key (a province's list holds its cities' too), by agency within the key, or one against many; items on
 * one side only; for those, likely matches by name ("the same item under another code"), of the same type
 * and handling item; and for matched pairs, their element differences. Every item of either side appears
 * in the result: paired, on one side only, or in a group of several agencies on both sides.
 */
import { splitImplementationCode, type CodeProfile } from '../codes/profile.js';
import { nameKey, splitHandlingSuffix } from '../item-names.js';
import type { CatalogKind, ImplementationItem } from '../model.js';
import { BASIC_ELEMENTS, ELEMENTS, elementValue, type ElementName, type FieldPolicy } from './elements.js';
import { detach } from './detach.js';
import { knownValues, sameHash, type Hashes } from './element-hashes.js';
import { diffItem, diffValues, type ElementChange } from './item-diff.js';
import { bestMatches } from './similarity.js';

type AnyItem = Partial<ImplementationItem> & { name: string; type: string; code?: string };

/** An item of a side: what identifies it, and its data on demand (sides can hold 50k items). */
export interface SideEntry {
  file: string;
  name: string;
  key: string | undefined;
  /** The implementing agency (its USCC, else its name): pairs items of one key by agency. */
  agency?: string | undefined;
  /** The region in the agency's USCC (GB/T 2260). */
  agencyRegion?: string | undefined;
  /** The item type and handling item, when known: a proposed match must agree on both. */
  type?: string | undefined;
  handling?: string | undefined;
  /** The item's own name when it is not text (`name` is then its text form). */
  rawName?: unknown;
  /** The implementation code, when stated as text, and the agency named by name and USCC: what bundles need. */
  code?: string | undefined;
  agencyNamed?: { name: string; uscc: string } | undefined;
  /**
   * One hash per element (element-hashes.ts): a pair whose hashes all agree has no change, and its items
   * are not loaded. Without it, the items are always loaded and compared.
   */
  hashes?: Hashes | undefined;
  /** Short values of elements that are not lists, as JSON (element-hashes.ts). */
  kept?: string | undefined;
  /** The item itself, read again (sides do not hold their items). */
  data(): AnyItem;
}

/** The name of an entry's item as the item states it (text, or whatever else it holds). */
export function statedName(entry: SideEntry): unknown {
  return 'rawName' in entry ? entry.rawName : entry.name;
}

/**
 * The changes between two entries' items in `compared` elements (as `diffItem` finds them): only elements
 * whose hashes differ are compared, with the values the entries keep, and the items are loaded only when a
 * value is not kept (a list, a long text).
 */
function pairChanges(
  a: SideEntry,
  b: SideEntry,
  policy: FieldPolicy,
  elements: readonly ElementName[],
  compared: readonly ElementName[],
): ElementChange[] {
  if (a.hashes === undefined || b.hashes === undefined) return detach(diffItem(a.data(), b.data(), policy, elements));
  const differing = compared.filter((element) => !sameHash(a.hashes, b.hashes, element));
  if (differing.length === 0) return [];
  const valueOf = (entry: SideEntry) => {
    const known = knownValues(entry.hashes, entry.kept);
    let item: AnyItem | undefined;
    return (element: ElementName) => {
      const value = known(element);
      return value.known ? value.value : elementValue((item ??= entry.data()), element);
    };
  };
  return detach(diffValues(valueOf(a), valueOf(b), policy, differing));
}

export interface DiffSide {
  /** How the side is shown: a folder, or `ref:folder`. */
  label: string;
  kind: CatalogKind;
  /** The list's region (GB/T 2260): its own agencies are registered there. */
  region?: string | undefined;
  items: readonly SideEntry[];
}

export interface SideItem {
  key: string | undefined;
  name: string;
  file: string;
}

export interface ItemPair {
  key: string;
  name: string;
  left: string;
  right: string;
  /** How the two were paired: the only item of the key on each side, the same agency, or one against several. */
  via: 'key' | 'agency' | 'principal' | 'one-to-many';
  changes: ElementChange[];
}

/** A key implemented by several agencies on both sides that could not be paired agency by agency. */
export interface ItemGroup {
  key: string;
  name: string;
  left: string[];
  right: string[];
}

export interface CatalogDiff {
  left: { label: string; kind: CatalogKind };
  right: { label: string; kind: CatalogKind };
  elements: ElementName[];
  pairs: ItemPair[];
  groups: ItemGroup[];
  onlyLeft: SideItem[];
  onlyRight: SideItem[];
  /** Unmatched items that look like the same item under another code or name. */
  proposals: { left: SideItem; right: SideItem; score: number }[];
  /** Keys held by more than one item on one side: how they were paired is in `pairs` and `groups`. */
  duplicates: { side: 'left' | 'right'; key: string; files: string[] }[];
  /** Differences in standard elements, plus proposals: what `--exit-code` fails on. */
  findings: number;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * The 业务办理项 of an implementation item, in a form both sides share: its handlingItem; else, when its
 * code names a handling item (a 33-character code, or a layout's handling segment other than 00), the
 * bracket at the end of its name (`…（变更）` → 变更), or the handling number.
 */
export function handlingOf(data: AnyItem, profile?: CodeProfile): string | undefined {
  // Only letters and digits make a key part: keys are printed in code spans, tables and CSV.
  const plain = (part: string | undefined) =>
    part !== undefined && /^[\p{L}\p{N}]{1,16}$/u.test(part) ? part : undefined;
  const stated = text(data.handlingItem);
  if (stated !== undefined)
    return nameKey(stated)
      .replace(/[^\p{L}\p{N}]/gu, '_')
      .slice(0, 16);
  const code = text(data.code);
  const digits = code !== undefined && profile ? splitImplementationCode(code, profile)?.handlingItem : undefined;
  if (digits === undefined || /^0+$/.test(digits)) return undefined;
  const name = text(data.name);
  return plain(name !== undefined ? splitHandlingSuffix(name)?.suffix : undefined) ?? `#${digits}`;
}

/** What identifies "the same item" across catalogs: the basic code (plus the handling item, if any). */
export function itemKey(kind: CatalogKind, data: AnyItem, profile?: CodeProfile): string | undefined {
  // Items are compared as read, before any schema: a code YAML read as a number (unquoted, its leading
  // zeros lost) identifies nothing, so the item is matched by name like any uncoded one.
  if (kind === 'basic') return text(data.code);
  const basicCode = text(data.basicCode);
  if (basicCode === undefined) return undefined;
  const handling = handlingOf(data, profile);
  return handling ? `${basicCode}#${handling}` : basicCode;
}

/** The implementing agency as both sides would write it: its USCC, else its name. */
export function agencyOf(data: AnyItem): string | undefined {
  const agency = data.agency as { uscc?: unknown; name?: unknown } | undefined;
  if (typeof agency !== 'object' || agency === null) return undefined;
  return text(agency.uscc) ?? (text(agency.name) !== undefined ? nameKey(agency.name as string) : undefined);
}

/** The region (GB/T 2260) of the agency's USCC, when it has one of 18 characters. */
export function agencyRegionOf(data: AnyItem): string | undefined {
  const uscc = text((data.agency as { uscc?: unknown } | undefined)?.uscc);
  return uscc !== undefined && uscc.length === 18 ? uscc.slice(2, 8) : undefined;
}

/** A side's entries by key (in file order), and those without a key. */
export function keyed(
  side: DiffSide,
  name: 'left' | 'right',
  duplicates: CatalogDiff['duplicates'],
): { byKey: Map<string, SideEntry[]>; unkeyed: SideItem[] } {
  const byKey = new Map<string, SideEntry[]>();
  const unkeyed: SideItem[] = [];
  for (const item of side.items) {
    if (item.key === undefined) {
      unkeyed.push({ key: undefined, name: item.name, file: item.file });
      continue;
    }
    const list = byKey.get(item.key);
    if (list) list.push(item);
    else byKey.set(item.key, [item]);
  }
  for (const [key, list] of byKey)
    if (list.length > 1) duplicates.push({ side: name, key, files: list.map((i) => i.file) });
  return { byKey, unkeyed };
}

const sideItem = (entry: SideEntry): SideItem => ({ key: entry.key, name: entry.name, file: entry.file });

/**
 * The items of one key on both sides, paired: one each is a pair; else the same agency; of what is left,
 * one against several is paired with each; of several against several, each list's own agency (registered
 * in the list's region: the province's department, the city's bureau) is paired, and the others form a
 * group, listed file by file.
 */
function pairKey(
  key: string,
  left: readonly SideEntry[],
  right: readonly SideEntry[],
  regions: { left?: string | undefined; right?: string | undefined },
): { pairs: [SideEntry, SideEntry, ItemPair['via']][]; group?: ItemGroup } {
  if (left.length === 1 && right.length === 1) return { pairs: [[left[0] as SideEntry, right[0] as SideEntry, 'key']] };
  const pairs: [SideEntry, SideEntry, ItemPair['via']][] = [];
  // Each left entry takes the first right entry of its agency not yet taken (a queue per agency).
  const byAgency = new Map<string, SideEntry[]>();
  for (const entry of right) {
    if (entry.agency === undefined) continue;
    const queue = byAgency.get(entry.agency);
    if (queue) queue.push(entry);
    else byAgency.set(entry.agency, [entry]);
  }
  const taken = new Set<SideEntry>();
  const restLeft: SideEntry[] = [];
  for (const entry of left) {
    const match = entry.agency === undefined ? undefined : byAgency.get(entry.agency)?.shift();
    if (match === undefined) restLeft.push(entry);
    else {
      taken.add(match);
      pairs.push([entry, match, 'agency']);
    }
  }
  const restRight = right.filter((entry) => !taken.has(entry));
  if (restLeft.length === 0 || restRight.length === 0) {
    // Left over on one side only: those are not implemented by that agency on the other side.
    return { pairs, ...(restLeft.length + restRight.length ? { group: group(key, restLeft, restRight) } : {}) };
  }
  if (restLeft.length === 1)
    return {
      pairs: [
        ...pairs,
        ...restRight.map((r) => [restLeft[0], r, 'one-to-many'] as [SideEntry, SideEntry, ItemPair['via']]),
      ],
    };
  if (restRight.length === 1)
    return {
      pairs: [
        ...pairs,
        ...restLeft.map((l) => [l, restRight[0], 'one-to-many'] as [SideEntry, SideEntry, ItemPair['via']]),
      ],
    };
  const own = (entries: SideEntry[], region: string | undefined) =>
    region === undefined ? -1 : entries.findIndex((e) => e.agencyRegion === region);
  const [ownLeft, ownRight] = [own(restLeft, regions.left), own(restRight, regions.right)];
  if (ownLeft >= 0 && ownRight >= 0) {
    pairs.push([
      restLeft.splice(ownLeft, 1)[0] as SideEntry,
      restRight.splice(ownRight, 1)[0] as SideEntry,
      'principal',
    ]);
  }
  return { pairs, group: group(key, restLeft, restRight) };
}

function group(key: string, left: readonly SideEntry[], right: readonly SideEntry[]): ItemGroup {
  return {
    key,
    name: (left[0] ?? right[0])?.name ?? key,
    left: left.map((e) => e.file),
    right: right.map((e) => e.file),
  };
}

/**
 * The one-sided items whose basic code the other side also has, split by handling item on one side at
 * least: taken out of `onlyLeft`/`onlyRight` (in place) and returned as groups keyed by the basic code.
 */
function handlingGroups(onlyLeft: SideItem[], onlyRight: SideItem[]): ItemGroup[] {
  const basicOf = (item: SideItem) => item.key?.split('#')[0];
  const byBasic = (items: readonly SideItem[]) => {
    const map = new Map<string, SideItem[]>();
    for (const item of items) {
      const basic = basicOf(item);
      if (basic === undefined) continue;
      const list = map.get(basic);
      if (list) list.push(item);
      else map.set(basic, [item]);
    }
    return map;
  };
  const [left, right] = [byBasic(onlyLeft), byBasic(onlyRight)];
  const out: ItemGroup[] = [];
  const taken = new Set<SideItem>();
  for (const [basic, leftItems] of left) {
    const rightItems = right.get(basic);
    if (!rightItems) continue;
    const split = [...leftItems, ...rightItems].some((item) => item.key !== basic);
    if (!split) continue;
    const whole = [...leftItems, ...rightItems].find((item) => item.key === basic);
    out.push({
      key: basic,
      name: (whole ?? leftItems[0] ?? rightItems[0])?.name ?? basic,
      left: leftItems.map((item) => item.file),
      right: rightItems.map((item) => item.file),
    });
    for (const item of [...leftItems, ...rightItems]) taken.add(item);
  }
  if (taken.size) {
    // In place, element by element (a spread of 100k items would overflow the call's arguments).
    const keep = (items: SideItem[]) => {
      let kept = 0;
      for (const item of items) if (!taken.has(item)) items[kept++] = item;
      items.length = kept;
    };
    keep(onlyLeft);
    keep(onlyRight);
  }
  return out;
}

/** Proposals are made by name, between items that could be the same: same type, same handling item. */
function compatible(a: SideEntry | undefined, b: SideEntry | undefined): boolean {
  if (!a || !b) return true;
  if (a.type !== undefined && b.type !== undefined && a.type !== b.type) return false;
  return a.handling === b.handling;
}

/** How alike two names must be (Dice over bigrams) to be proposed as one item; measured on the real-shape fixtures. */
const PROPOSAL_THRESHOLD = 0.6;

export function diffCatalogs(left: DiffSide, right: DiffSide, policy: FieldPolicy): CatalogDiff {
  const duplicates: CatalogDiff['duplicates'] = [];
  const l = keyed(left, 'left', duplicates);
  const r = keyed(right, 'right', duplicates);
  const elements = left.kind === 'basic' || right.kind === 'basic' ? [...BASIC_ELEMENTS] : [...ELEMENTS];
  const pairs: ItemPair[] = [];
  const groups: ItemGroup[] = [];
  const onlyLeft: SideItem[] = [...l.unkeyed];
  const onlyRight: SideItem[] = [...r.unkeyed];
  // Elements a pair is compared on: a pair whose items agree on all of them (by hash) has no change.
  const compared = elements.filter((e) => policy.standard.includes(e) || policy.vary.includes(e));
  for (const [key, leftEntries] of l.byKey) {
    const rightEntries = r.byKey.get(key);
    if (!rightEntries) {
      for (const entry of leftEntries) onlyLeft.push(sideItem(entry));
      continue;
    }
    const paired = pairKey(key, leftEntries, rightEntries, { left: left.region, right: right.region });
    for (const [a, b, via] of paired.pairs)
      pairs.push({
        key,
        name: a.name,
        left: a.file,
        right: b.file,
        via,
        changes: pairChanges(a, b, policy, elements, compared),
      });
    if (paired.group) {
      // A key with agencies on one side only, left over after pairing by agency, is one-sided.
      const files = new Set(paired.group.right.length === 0 ? paired.group.left : paired.group.right);
      if (paired.group.right.length === 0) {
        for (const entry of leftEntries) if (files.has(entry.file)) onlyLeft.push(sideItem(entry));
      } else if (paired.group.left.length === 0) {
        for (const entry of rightEntries) if (files.has(entry.file)) onlyRight.push(sideItem(entry));
      } else groups.push(paired.group);
    }
  }
  for (const [key, rightEntries] of r.byKey) {
    if (l.byKey.has(key)) continue;
    for (const entry of rightEntries) onlyRight.push(sideItem(entry));
  }
  // One side splits an item into 业务办理项 (000100001000#变更, #注销…) that the other keeps whole
  // (000100001000): neither is missing, so they are one group per basic code, not items on one side only.
  groups.push(...handlingGroups(onlyLeft, onlyRight));
  // The entries of the one-sided items, for proposals (same type and handling item).
  const byFile = (entries: readonly SideEntry[], wanted: readonly SideItem[]) => {
    const files = new Set(wanted.map((i) => i.file));
    return new Map(entries.filter((e) => files.has(e.file)).map((e) => [e.file, e] as const));
  };
  const [leftOf, rightOf] = [byFile(left.items, onlyLeft), byFile(right.items, onlyRight)];
  const candidates = bestMatches(
    onlyLeft,
    onlyRight,
    { left: (i) => i.name, right: (i) => i.name },
    PROPOSAL_THRESHOLD,
    (a, b) => compatible(leftOf.get(a.file), rightOf.get(b.file)),
  );
  const proposals = candidates.map((p) => ({ left: p.left, right: p.right, score: Math.round(p.score * 100) / 100 }));
  const findings = pairs.reduce((sum, p) => sum + p.changes.filter((c) => c.standard).length, 0) + proposals.length;
  return {
    left: { label: left.label, kind: left.kind },
    right: { label: right.label, kind: right.kind },
    elements,
    pairs,
    groups,
    onlyLeft,
    onlyRight,
    proposals,
    duplicates,
    findings,
  };
}
