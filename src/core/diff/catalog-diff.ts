/**
 * Two catalogs compared: items matched by basic code; items on one side only; for those, likely matches
 * by name ("the same item under another code"); and for matched pairs, their element differences.
 */
import type { CatalogKind, ImplementationItem } from '../model.js';
import { BASIC_ELEMENTS, ELEMENTS, type ElementName, type FieldPolicy } from './elements.js';
import { diffItem, type ElementChange } from './item-diff.js';
import { bestMatches } from './similarity.js';

type AnyItem = Partial<ImplementationItem> & { name: string; type: string; code?: string };

/** An item of a side: what identifies it, and its data on demand (sides can hold 50k items). */
export interface SideEntry {
  file: string;
  name: string;
  key: string | undefined;
  data(): AnyItem;
}

export interface DiffSide {
  /** How the side is shown: a folder, or `ref:folder`. */
  label: string;
  kind: CatalogKind;
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
  changes: ElementChange[];
}

export interface CatalogDiff {
  left: { label: string; kind: CatalogKind };
  right: { label: string; kind: CatalogKind };
  elements: ElementName[];
  pairs: ItemPair[];
  onlyLeft: SideItem[];
  onlyRight: SideItem[];
  /** Unmatched items that look like the same item under another code or name. */
  proposals: { left: SideItem; right: SideItem; score: number }[];
  /** Keys held by more than one item on one side (only the first takes part). */
  duplicates: { side: 'left' | 'right'; key: string; files: string[] }[];
  /** Differences in standard elements, plus proposals: what `--exit-code` fails on. */
  findings: number;
}

/** What identifies "the same item" across catalogs: the basic code (plus the handling item, if any). */
export function itemKey(kind: CatalogKind, data: AnyItem): string | undefined {
  // Items are compared as read, before any schema: a code YAML read as a number (unquoted, its leading
  // zeros lost) identifies nothing, so the item is matched by name like any uncoded one.
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  if (kind === 'basic') return text(data.code);
  const basicCode = text(data.basicCode);
  if (basicCode === undefined) return undefined;
  const handlingItem = text(data.handlingItem);
  return handlingItem ? `${basicCode}#${handlingItem}` : basicCode;
}

export function keyed(
  side: DiffSide,
  name: 'left' | 'right',
  duplicates: CatalogDiff['duplicates'],
): { byKey: Map<string, SideEntry>; unkeyed: SideItem[] } {
  const byKey = new Map<string, SideEntry>();
  const unkeyed: SideItem[] = [];
  const seen = new Map<string, string[]>();
  for (const item of side.items) {
    const key = item.key;
    if (key === undefined) {
      unkeyed.push({ key, name: item.name, file: item.file });
      continue;
    }
    seen.set(key, [...(seen.get(key) ?? []), item.file]);
    if (!byKey.has(key)) byKey.set(key, item);
  }
  for (const [key, files] of seen) if (files.length > 1) duplicates.push({ side: name, key, files });
  return { byKey, unkeyed };
}

const PROPOSAL_THRESHOLD = 0.6;

export function diffCatalogs(left: DiffSide, right: DiffSide, policy: FieldPolicy): CatalogDiff {
  const duplicates: CatalogDiff['duplicates'] = [];
  const l = keyed(left, 'left', duplicates);
  const r = keyed(right, 'right', duplicates);
  const elements = left.kind === 'basic' || right.kind === 'basic' ? [...BASIC_ELEMENTS] : [...ELEMENTS];
  const pairs: ItemPair[] = [];
  const onlyLeft: SideItem[] = [...l.unkeyed];
  for (const [key, item] of l.byKey) {
    const other = r.byKey.get(key);
    if (!other) {
      onlyLeft.push({ key, name: item.name, file: item.file });
      continue;
    }
    const changes = diffItem(item.data(), other.data(), policy, elements);
    pairs.push({ key, name: item.name, left: item.file, right: other.file, changes });
  }
  const onlyRight: SideItem[] = [
    ...r.unkeyed,
    ...[...r.byKey]
      .filter(([key]) => !l.byKey.has(key))
      .map(([key, item]) => ({ key, name: item.name, file: item.file })),
  ];
  const proposals = bestMatches(
    onlyLeft,
    onlyRight,
    { left: (i) => i.name, right: (i) => i.name },
    PROPOSAL_THRESHOLD,
  ).map((p) => ({ left: p.left, right: p.right, score: Math.round(p.score * 100) / 100 }));
  const findings = pairs.reduce((sum, p) => sum + p.changes.filter((c) => c.standard).length, 0) + proposals.length;
  return {
    left: { label: left.label, kind: left.kind },
    right: { label: right.label, kind: right.kind },
    elements,
    pairs,
    onlyLeft,
    onlyRight,
    proposals,
    duplicates,
    findings,
  };
}
