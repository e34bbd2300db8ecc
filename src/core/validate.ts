/**
 * Validation of loaded catalogs: schema first, then the semantic rules over the documents the schema
 * accepted (rules read trusted shapes, so they stay small; a document with schema errors is fixed first).
 */
import type { Finding } from './diagnostic.js';
import type { CatalogKind, CatalogMeta, CatalogSource } from './model.js';
import type { CodeProfile } from './codes/profile.js';
import type { RegionIndex } from './regions.js';
import type { SchemaValidator } from './schema/validator.js';
import type { CheckedCatalog, CheckedItem, Rule, RuleContext, RuleFinding } from './rules/rule.js';
import { RULES } from './rules/index.js';

export interface ValidationEnvironment {
  schemas: SchemaValidator;
  /** The code profile of each catalog, by its display path; `defaultProfile` for any other. */
  profiles?: ReadonlyMap<string, CodeProfile>;
  defaultProfile: CodeProfile;
  regions: RegionIndex;
  rules?: readonly Rule[];
}

function toFinding(rule: Rule, file: string, finding: RuleFinding): Finding {
  const severity = rule.codes[finding.code];
  if (severity === undefined) throw new Error(`rule ${rule.id} reported undeclared code ${finding.code}`);
  return { severity, file, args: {}, ...finding };
}

function schemaFindings(file: string, findings: RuleFinding[]): Finding[] {
  return findings.map((f) => ({ severity: 'error', file, args: {}, ...f }));
}

interface Checked {
  catalog: CheckedCatalog;
  source: CatalogSource;
}

/** Schema-checks catalog.yaml and every item; keeps the documents that passed for the rules. */
function checkSchemas(source: CatalogSource, env: ValidationEnvironment, out: Finding[]): Checked | undefined {
  if (!source.meta) return undefined;
  const metaProblems = env.schemas.catalog(source.meta.data);
  out.push(...schemaFindings(source.metaFile, metaProblems));
  const kind = (source.meta.data as { kind?: unknown }).kind;
  if (kind !== 'basic' && kind !== 'implementation') return undefined;
  const items: CheckedItem[] = [];
  for (const doc of source.items) {
    const problems = env.schemas.item(kind as CatalogKind, doc.data);
    if (problems.length) out.push(...schemaFindings(doc.file, problems));
    else items.push({ file: doc.file, data: doc.data } as CheckedItem);
  }
  // Items of a catalog whose catalog.yaml is invalid are still schema-checked (their kind is known), but no
  // rule runs: rules read the catalog's region, level and origin, which cannot be trusted yet.
  if (metaProblems.length) return undefined;
  return { source, catalog: { dir: source.dir, file: source.metaFile, meta: source.meta.data as CatalogMeta, items } };
}

function basicIndex(catalog: CheckedCatalog): Map<string, CheckedItem<'basic'>> {
  const index = new Map<string, CheckedItem<'basic'>>();
  for (const item of catalog.items) {
    if (item.data.code !== undefined && !index.has(item.data.code)) index.set(item.data.code, item as CheckedItem<'basic'>);
  }
  return index;
}

/** Finds the basic catalog an implementation list names, or says why it cannot be used. */
function linkBasic(checked: Checked, byDir: Map<string, Checked>, out: Finding[]): Map<string, CheckedItem<'basic'>> | undefined {
  const { source, catalog } = checked;
  if (catalog.meta.kind !== 'implementation' || source.basicDir === undefined) return undefined;
  const basic = byDir.get(source.basicDir);
  if (!basic) {
    // A folder that does not exist is reported by the reader (which then leaves basicDir unset); this is
    // one that exists but whose catalog.yaml did not validate, so conformance cannot be checked.
    out.push({ code: 'catalog/basic-unusable', severity: 'warning', file: source.metaFile, path: '/basic', args: { dir: source.basicDir } });
    return undefined;
  }
  if (basic.catalog.meta.kind !== 'basic') {
    out.push({ code: 'catalog/basic-kind', severity: 'error', file: source.metaFile, path: '/basic', args: { dir: source.basicDir } });
    return undefined;
  }
  return basicIndex(basic.catalog);
}

function runRules(checked: Checked, context: RuleContext, rules: readonly Rule[], out: Finding[]): void {
  const { catalog } = checked;
  for (const rule of rules) {
    if (rule.scope === 'catalog') {
      for (const { file, ...finding } of rule.check(catalog, context)) out.push(toFinding(rule, file, finding));
      continue;
    }
    if (!(rule.appliesTo as readonly CatalogKind[]).includes(catalog.meta.kind)) continue;
    const check = rule.check as (item: unknown, context: RuleContext) => RuleFinding[];
    for (const item of catalog.items) {
      for (const finding of check(item.data, context)) out.push(toFinding(rule, item.file, finding));
    }
  }
}

/** All findings for the requested catalogs. Catalogs loaded only as references contribute data, not findings. */
export function validateCatalogs(sources: readonly CatalogSource[], env: ValidationEnvironment): Finding[] {
  const rules = env.rules ?? RULES;
  const out: Finding[] = [];
  const referenceFindings: Finding[] = [];
  const byDir = new Map<string, Checked>();
  for (const source of sources) {
    const checked = checkSchemas(source, env, source.requested ? out : referenceFindings);
    if (checked) byDir.set(source.dir, checked);
  }
  for (const checked of byDir.values()) {
    if (!checked.source.requested) continue;
    const profile = env.profiles?.get(checked.source.dir) ?? env.defaultProfile;
    const context: RuleContext = { catalog: checked.catalog, profile, regions: env.regions };
    const basicItems = linkBasic(checked, byDir, out);
    if (basicItems) context.basicItems = basicItems;
    runRules(checked, context, rules, out);
  }
  return out;
}
