/** The ajv set-up for tongban's schemas, used by the build (to precompile) and by tests (to compile). */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { codeListsAsEnums } from './code-lists-as-enums.js';
import {
  SCHEMA_IDS,
  validatorFrom,
  type CompiledCheck,
  type SchemaName,
  type SchemaSet,
  type SchemaValidator,
} from './validator.js';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** Ajv configured for tongban's schemas, every schema registered by id. `source` keeps code for standalone output. */
export function createAjv(schemas: SchemaSet, options: { source?: boolean } = {}): Ajv2020 {
  // strictRequired off: if/then blocks require properties declared at the top level, which is fine.
  // verbose: the adapter needs each error's data and parent schema to fold code-list errors.
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    ...(options.source ? { code: { source: true } } : {}),
  });
  addFormats(ajv);
  ajv.addVocabulary(['x-code', 'x-en', 'x-aliases', 'x-matter', 'x-sources']);
  const add = (schema: object, id: string) => ajv.addSchema(codeListsAsEnums(schema) as object, id);
  for (const [key, schema] of Object.entries(schemas.shared)) add(schema, key);
  const top: Record<SchemaName, object> = {
    catalog: schemas.catalog,
    basic: schemas.items.basic,
    implementation: schemas.items.implementation,
    config: schemas.config,
    profile: schemas.profile,
    baseline: schemas.baseline,
    ledger: schemas.ledger,
    mapping: schemas.mapping,
    bundle: schemas.bundle,
  };
  // Relative $refs resolve against a schema's id; the files carry none so editors resolve them on disk.
  for (const name of Object.keys(SCHEMA_IDS) as SchemaName[]) add(top[name], SCHEMA_IDS[name]);
  return ajv;
}

/** Compiles each schema the first time it is needed. */
export function createSchemaValidator(schemas: SchemaSet): SchemaValidator {
  let ajv: Ajv2020 | undefined;
  const compiled = new Map<SchemaName, CompiledCheck>();
  return validatorFrom((name) => {
    let check = compiled.get(name);
    if (!check) {
      ajv ??= createAjv(schemas);
      check = ajv.getSchema(SCHEMA_IDS[name]) as CompiledCheck;
      compiled.set(name, check);
    }
    return check;
  });
}
