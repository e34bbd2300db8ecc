/** Compiles the item and catalog schemas once and checks documents against them. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { CatalogKind } from '../model.js';
import type { RuleFinding } from '../rules/rule.js';
import { adaptAjvErrors } from './ajv-adapter.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export interface SchemaSet {
  catalog: object;
  config: object;
  profile: object;
  baseline: object;
  items: Record<CatalogKind, object>;
  /** Schemas referenced by the others, keyed by their path under schemas/ (e.g. `codelists/level.json`). */
  shared: Record<string, object>;
}

export interface SchemaValidator {
  catalog(data: unknown): RuleFinding[];
  config(data: unknown): RuleFinding[];
  profile(data: unknown): RuleFinding[];
  baseline(data: unknown): RuleFinding[];
  item(kind: CatalogKind, data: unknown): RuleFinding[];
}

export function createSchemaValidator(schemas: SchemaSet): SchemaValidator {
  // strictRequired off: if/then blocks require properties declared at the top level, which is fine.
  // verbose: the adapter needs each error's data and parent schema to fold code-list errors.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addVocabulary(['x-code', 'x-en']);
  for (const [key, schema] of Object.entries(schemas.shared)) ajv.addSchema(schema, key);
  const catalog = ajv.compile(withId(schemas.catalog, 'catalog.schema.json'));
  const config = ajv.compile(withId(schemas.config, 'config.schema.json'));
  const profile = ajv.compile(withId(schemas.profile, 'profile.schema.json'));
  const baseline = ajv.compile(withId(schemas.baseline, 'baseline.schema.json'));
  const items = {
    basic: ajv.compile(withId(schemas.items.basic, 'item.basic.schema.json')),
    implementation: ajv.compile(withId(schemas.items.implementation, 'item.implementation.schema.json')),
  };
  const run = (validate: typeof catalog, data: unknown) => (validate(data) ? [] : adaptAjvErrors(validate.errors ?? []));
  return {
    catalog: (data) => run(catalog, data),
    config: (data) => run(config, data),
    profile: (data) => run(profile, data),
    baseline: (data) => run(baseline, data),
    item: (kind, data) => run(items[kind], data),
  };
}

/** Relative $refs resolve against a schema's $id; the files carry none so editors resolve them on disk. */
function withId(schema: object, id: string): object {
  return { ...schema, $id: id };
}
