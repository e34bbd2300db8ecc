/**
 * Validation of catalogs as their items stream by: catalog.yaml, then each item through the schema and
 * (when the schema accepts it) the item rules, then the cross-item rules over small summaries. Rules read
 * trusted shapes, so they stay small; a document with schema errors is fixed first.
 *
 * Basic catalogs go first and are kept (they are small, and implementation lists are compared with them);
 * implementation items are dropped once checked, so memory does not grow with the size of the lists.
 */
import { findingIn, type Finding, type RuleFinding } from './diagnostic.js';
import type { BasicItem, CatalogKind, CatalogMeta, CatalogSource, Incomplete, SourceDocument } from './model.js';
import type { CodeProfile } from './codes/profile.js';
import type { RegionIndex } from './regions.js';
import type { SchemaValidator } from './schema/validator.js';
import type {
  BundleRule,
  CatalogInfo,
  CheckedCatalog,
  CheckedItem,
  ItemRule,
  ItemSummary,
  Rule,
  RuleContext,
} from './rules/rule.js';
import { ledgerProblems, type Ledger } from './codes/ledger.js';
import type { Bundle } from './bundles/model.js';
import { invalidMember, memberCodesOf, memberFacts, type MemberFacts } from './bundles/members.js';
import { RULES } from './rules/index.js';
import type { CatalogSummary } from './cross-catalog.js';
import { splitSchemaFindings } from './completeness.js';

export interface ValidationEnvironment {
  schemas: SchemaValidator;
  /** The code profile of each catalog, by its display path; `defaultProfile` for any other. */
  profiles?: ReadonlyMap<string, CodeProfile>;
  defaultProfile: CodeProfile;
  regions: RegionIndex;
  rules?: readonly Rule[];
  /** The title of each element of an item schema (`materials[].source` → 来源渠道), for completeness findings. */
  elementTitles?: (kind: CatalogKind) => ReadonlyMap<string, string>;
  /** Told, for each requested catalog whose catalog.yaml is usable, what the cross-catalog checks need. */
  onSummary?: (summary: CatalogSummary) => void;
}

type BasicIndex = Map<string, CheckedItem<'basic'>>;

function findingsIn(file: string, findings: readonly RuleFinding[]): Finding[] {
  return findings.map((f) => findingIn(file, f));
}

function kindOf(source: CatalogSource): CatalogKind | undefined {
  const kind = (source.meta?.data as { kind?: unknown } | undefined)?.kind;
  return kind === 'basic' || kind === 'implementation' ? kind : undefined;
}

/** The basic catalog an implementation list names, or a finding saying why it cannot be used. */
function basicItemsFor(
  source: CatalogSource,
  kinds: Map<string, CatalogKind | undefined>,
  basics: Map<string, BasicIndex>,
): BasicIndex | Finding | undefined {
  // A folder that does not exist is reported by the reader, which then leaves basicDir unset.
  if (source.basicDir === undefined) return undefined;
  const problem = (code: 'catalog/basic-kind' | 'catalog/basic-unusable'): Finding =>
    findingIn(source.metaFile, { code, path: '/basic', args: { dir: source.basicDir as string } });
  if (kinds.get(source.basicDir) === 'implementation') return problem('catalog/basic-kind');
  return basics.get(source.basicDir) ?? problem('catalog/basic-unusable');
}

function summaryOf(file: string, data: { code?: string; parent?: string; status?: string }): ItemSummary {
  const summary: ItemSummary = { file };
  if (data.code !== undefined) summary.code = data.code;
  if (data.parent !== undefined) summary.parent = data.parent;
  if (data.status !== undefined) summary.status = data.status;
  return summary;
}

/** The ledger checked on its own (schema, lineage); undefined when absent or unusable. */
function checkedLedger(source: CatalogSource, env: ValidationEnvironment, out: Finding[]): CheckedCatalog['ledger'] {
  if (!source.ledger) return undefined;
  const { file, data } = source.ledger;
  const problems = env.schemas.ledger(data);
  const semantic = problems.length ? [] : ledgerProblems(data as Ledger);
  const all = [...problems, ...semantic];
  out.push(...findingsIn(file, all));
  return all.length ? undefined : { file, data: data as Ledger };
}

/**
 * Checks one catalog as its items are read: each file's reader findings, then the schema, then (for items
 * the schema accepts) the item rules; the catalog rules last. Returns the checked basic items when it is a
 * basic catalog.
 */
function checkCatalog(
  source: CatalogSource,
  env: ValidationEnvironment,
  context: Omit<RuleContext, 'catalog'> | undefined,
  out: Finding[],
): BasicIndex | undefined {
  const kind = kindOf(source);
  if (!source.meta || !kind) {
    // Nothing to check the items against, but each file's own problems are still worth reporting.
    for (const read of source.items) out.push(...read.findings);
    return undefined;
  }
  const metaProblems = env.schemas.catalog(source.meta.data);
  out.push(...findingsIn(source.metaFile, metaProblems));
  // Rules read the catalog's region, level and origin, so they run only when catalog.yaml is valid.
  const catalog: CatalogInfo = { dir: source.dir, file: source.metaFile, meta: source.meta.data as CatalogMeta };
  const ruleContext: RuleContext | undefined =
    metaProblems.length === 0 && context ? { ...context, catalog } : undefined;
  const rules = ruleContext ? (env.rules ?? RULES) : [];
  const itemRules = rules.filter(
    (r): r is ItemRule => r.scope === 'item' && (r.appliesTo as readonly CatalogKind[]).includes(kind),
  );
  const basicIndex: BasicIndex | undefined = kind === 'basic' ? new Map() : undefined;
  const summaries: ItemSummary[] = [];
  const present = new Map<string, string | undefined>();
  // Bundles name member items by code: facts are kept about those items only, as they stream by.
  const bundles = source.bundles ?? [];
  const wanted = new Set(kind === 'implementation' ? bundles.flatMap((b) => memberCodesOf(b.data)) : []);
  const members = new Map<string, MemberFacts>();
  for (const doc of source.items) {
    out.push(...doc.findings);
    const code = typeof doc.data?.code === 'string' ? doc.data.code : undefined;
    present.set(doc.file, code);
    if (doc.data === undefined) continue;
    const problems = env.schemas.item(kind, doc.data);
    // Missing elements are completeness findings; the rules still check every element that is well formed.
    const titles = env.elementTitles?.(kind);
    const split = splitSchemaFindings(doc.data, problems, (element) => titles?.get(element));
    out.push(...findingsIn(doc.file, split.findings));
    // A member that lacks elements (as real items do) is still checked by the bundle rules on what it has.
    if (code !== undefined && wanted.has(code) && !members.has(code))
      members.set(code, split.trusted ? memberFacts(doc.file, split.trusted) : invalidMember(doc.file, code));
    if (!split.trusted) continue;
    const data = split.trusted as Incomplete<BasicItem>;
    summaries.push(summaryOf(doc.file, data));
    if (basicIndex && typeof data.code === 'string' && !basicIndex.has(data.code))
      basicIndex.set(data.code, { file: doc.file, data });
    for (const rule of itemRules) {
      const check = rule.check as (item: unknown, context: RuleContext) => RuleFinding[];
      for (const finding of check(data, ruleContext as RuleContext)) out.push(findingIn(doc.file, finding));
    }
  }
  const ledger = ruleContext ? checkedLedger(source, env, out) : undefined;
  const checked: CheckedCatalog = { ...catalog, items: summaries, present, ...(ledger ? { ledger } : {}) };
  if (source.requested) env.onSummary?.(crossSummary(checked));
  for (const rule of rules) {
    if (rule.scope !== 'catalog') continue;
    for (const { file, ...finding } of rule.check(checked, ruleContext as RuleContext))
      out.push(findingIn(file, finding));
  }
  if (kind === 'basic')
    for (const b of bundles) out.push(findingIn(b.file, { code: 'bundle/basic-catalog', path: '' }));
  else checkBundles(bundles, env, ruleContext, rules, members, ledger?.data, out);
  return metaProblems.length === 0 ? basicIndex : undefined;
}

function crossSummary(checked: CheckedCatalog): CatalogSummary {
  const codes: CatalogSummary['codes'] = [];
  for (const item of checked.items) if (item.code !== undefined) codes.push([item.file, item.code]);
  const { ledger } = checked;
  return {
    dir: checked.dir,
    codes,
    ...(ledger ? { ledger: { file: ledger.file, entries: ledger.data.entries.map((e) => [e.code, e.state]) } } : {}),
  };
}

/** Codes the ledger has retired, with when and what replaced them. */
function retiredCodes(ledger: Ledger | undefined): Map<string, { date: string; replacedBy: string[] }> {
  const retired = new Map<string, { date: string; replacedBy: string[] }>();
  for (const entry of ledger?.entries ?? [])
    if (entry.state === 'retired')
      retired.set(entry.code, { date: entry.retired ?? '', replacedBy: entry.replacedBy ?? [] });
  return retired;
}

/** Each bundle of an implementation list through its schema, then (for a list whose catalog.yaml is valid) the bundle rules. */
function checkBundles(
  bundles: readonly SourceDocument[],
  env: ValidationEnvironment,
  context: RuleContext | undefined,
  rules: readonly Rule[],
  members: ReadonlyMap<string, MemberFacts>,
  ledger: Ledger | undefined,
  out: Finding[],
): void {
  const bundleRules = rules.filter((r): r is BundleRule => r.scope === 'bundle');
  const retired = retiredCodes(ledger);
  for (const { file, data } of bundles) {
    const problems = env.schemas.bundle(data);
    out.push(...findingsIn(file, problems));
    if (problems.length || !context) continue;
    for (const rule of bundleRules)
      for (const finding of rule.check(data as Bundle, { ...context, file, members, retired }))
        out.push(findingIn(file, finding));
  }
}

/** All findings for the requested catalogs. Catalogs loaded only as references contribute data, not findings. */
export function validateCatalogs(sources: readonly CatalogSource[], env: ValidationEnvironment): Finding[] {
  const out: Finding[] = [];
  const kinds = new Map(sources.map((s) => [s.dir, kindOf(s)]));
  const basics = new Map<string, BasicIndex>();
  const basicFirst = [...sources].sort((a, b) => Number(kindOf(a) !== 'basic') - Number(kindOf(b) !== 'basic'));
  for (const source of basicFirst) {
    let context: Omit<RuleContext, 'catalog'> | undefined;
    if (source.requested) {
      context = { profile: env.profiles?.get(source.dir) ?? env.defaultProfile, regions: env.regions };
      const basicItems = kindOf(source) === 'implementation' ? basicItemsFor(source, kinds, basics) : undefined;
      if (basicItems instanceof Map) context.basicItems = basicItems;
      else if (basicItems) out.push(basicItems);
    }
    const index = checkCatalog(source, env, context, source.requested ? out : []);
    if (index) basics.set(source.dir, index);
  }
  return out;
}
