/**
 * What a semantic rule is: the codes it may report (from the registry in finding-codes.ts, with their
 * severities) and a pure check over trusted data. The compiler holds each check to its declared codes.
 */
import type { FindingCode, RuleFinding } from '../diagnostic.js';
import type { CatalogKind, CatalogMeta, Incomplete, ItemOfKind } from '../model.js';
import type { Ledger } from '../codes/ledger.js';
import type { CodeProfile } from '../codes/profile.js';
import type { RegionIndex } from '../regions.js';
import type { Bundle } from '../bundles/model.js';
import type { MemberFacts } from '../bundles/members.js';

export type { RuleFinding } from '../diagnostic.js';

/** A catalog rule's finding: it names the file it is about (catalog.yaml, an item, the ledger). */
export type FileFinding<C extends FindingCode = FindingCode> = RuleFinding<C> & { file: string };

export interface CheckedItem<K extends CatalogKind = CatalogKind> {
  file: string;
  data: Incomplete<ItemOfKind[K]>;
}

/** What cross-item rules need of an item; the item itself is not kept once it has been checked. */
export interface ItemSummary {
  file: string;
  code?: string;
  /** For a sub-item of a basic catalog: its main item's code. */
  parent?: string;
  status?: string;
}

export interface CatalogInfo {
  dir: string;
  /** Display path of catalog.yaml. */
  file: string;
  meta: CatalogMeta;
}

export interface CheckedCatalog extends CatalogInfo {
  /** Every item that passed the schema, in file order. */
  items: ItemSummary[];
  /**
   * Every item file, readable or not, valid or not, with the code it holds (when it holds one as text):
   * what is on disk, for rules that ask whether a file or code exists rather than whether it is right.
   */
  present: ReadonlyMap<string, string | undefined>;
  /** The catalog's ledger, when it has a valid one, and its display path. */
  ledger?: { file: string; data: Ledger };
}

export interface RuleContext {
  catalog: CatalogInfo;
  profile: CodeProfile;
  regions: RegionIndex;
  /** For an implementation list: the items of the basic catalog it implements, by basic code. */
  basicItems?: ReadonlyMap<string, CheckedItem<'basic'>>;
}

interface RuleBase<C extends FindingCode> {
  /** Stable identifier of the rule (its file name). */
  id: string;
  /** Every code the rule can report; their default severities are in finding-codes.ts. */
  codes: readonly C[];
}

/** Checks one item at a time. */
export interface ItemRule<
  K extends CatalogKind = CatalogKind,
  C extends FindingCode = FindingCode,
> extends RuleBase<C> {
  scope: 'item';
  appliesTo: readonly K[];
  check(item: Incomplete<ItemOfKind[K]>, context: RuleContext): RuleFinding<NoInfer<C>>[];
}

/** Checks a whole catalog at once (uniqueness, catalog.yaml itself); findings name their file. */
export interface CatalogRule<C extends FindingCode = FindingCode> extends RuleBase<C> {
  scope: 'catalog';
  check(catalog: CheckedCatalog, context: RuleContext): FileFinding<NoInfer<C>>[];
}

/**
 * What a bundle rule knows besides the bundle: the member items it names (those that exist in the list),
 * and the codes the list's ledger has retired, with when and by what.
 */
export interface BundleContext extends RuleContext {
  /** Display path of the bundle file. */
  file: string;
  /** Items of the list by implementation code (the first, when a code is used twice). */
  members: ReadonlyMap<string, MemberFacts>;
  /** Codes the list's ledger records as retired. */
  retired: ReadonlyMap<string, { date: string; replacedBy: string[] }>;
}

/** Checks one bundle (一件事) of an implementation list against the list's items. */
export interface BundleRule<C extends FindingCode = FindingCode> extends RuleBase<C> {
  scope: 'bundle';
  check(bundle: Bundle, context: BundleContext): RuleFinding<NoInfer<C>>[];
}

export type Rule = ItemRule<'basic'> | ItemRule<'implementation'> | ItemRule<CatalogKind> | CatalogRule | BundleRule;

/** An item rule whose check the compiler holds to the codes it declares. */
export function itemRule<K extends CatalogKind, const C extends FindingCode>(rule: ItemRule<K, C>): ItemRule<K, C> {
  return rule;
}

/** A catalog rule whose check the compiler holds to the codes it declares. */
export function catalogRule<const C extends FindingCode>(rule: CatalogRule<C>): CatalogRule<C> {
  return rule;
}

/** A bundle rule whose check the compiler holds to the codes it declares. */
export function bundleRule<const C extends FindingCode>(rule: BundleRule<C>): BundleRule<C> {
  return rule;
}
