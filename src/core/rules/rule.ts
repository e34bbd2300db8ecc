/** What a semantic rule is: a set of codes it may report, and a pure check over trusted data. */
import type { MessageArgs, Severity } from '../diagnostic.js';
import type { CatalogKind, CatalogMeta, ItemOfKind } from '../model.js';
import type { Ledger } from '../codes/ledger.js';
import type { CodeProfile } from '../codes/profile.js';
import type { RegionIndex } from '../regions.js';

/** Where and what, before the file, severity and words are attached. */
export interface RuleFinding {
  code: string;
  /** JSON pointer inside the item (or catalog.yaml for catalog rules). */
  path: string;
  args?: MessageArgs;
  target?: 'key' | 'value';
}

export interface CheckedItem<K extends CatalogKind = CatalogKind> {
  file: string;
  data: ItemOfKind[K];
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

interface RuleBase {
  /** Stable identifier of the rule (its file name). */
  id: string;
  /** Every code the rule can report, with its default severity. */
  codes: Record<string, Severity>;
}

/** Checks one item at a time. */
export interface ItemRule<K extends CatalogKind = CatalogKind> extends RuleBase {
  scope: 'item';
  appliesTo: readonly K[];
  check(item: ItemOfKind[K], context: RuleContext): RuleFinding[];
}

/** Checks a whole catalog at once (uniqueness, catalog.yaml itself); findings name their file. */
export interface CatalogRule extends RuleBase {
  scope: 'catalog';
  check(catalog: CheckedCatalog, context: RuleContext): (RuleFinding & { file: string })[];
}

export type Rule = ItemRule<'basic'> | ItemRule<'implementation'> | ItemRule<CatalogKind> | CatalogRule;
