/** The data every validation needs: schemas and code lists, the code profile, the GB/T 2260 region list. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import type { CodeProfile } from '../core/codes/profile.js';
import { buildRegionIndex, type RegionIndex } from '../core/regions.js';
import {
  validatorFrom,
  type CompiledCheck,
  type SchemaName,
  type SchemaSet,
  type SchemaValidator,
} from '../core/schema/validator.js';
import { SCHEMAS_DIR } from './package-files.js';

function readJson(file: string): object {
  return JSON.parse(readFileSync(file, 'utf8')) as object;
}

export function loadSchemaSet(dir = SCHEMAS_DIR): SchemaSet {
  const shared: Record<string, object> = { 'common.schema.json': readJson(path.join(dir, 'common.schema.json')) };
  for (const name of readdirSync(path.join(dir, 'codelists'))) {
    if (name.endsWith('.json')) shared[`codelists/${name}`] = readJson(path.join(dir, 'codelists', name));
  }
  return {
    catalog: readJson(path.join(dir, 'catalog.schema.json')),
    config: readJson(path.join(dir, 'config.schema.json')),
    profile: readJson(path.join(dir, 'profile.schema.json')),
    baseline: readJson(path.join(dir, 'baseline.schema.json')),
    ledger: readJson(path.join(dir, 'ledger.schema.json')),
    mapping: readJson(path.join(dir, 'mapping.schema.json')),
    bundle: readJson(path.join(dir, 'bundle.schema.json')),
    items: {
      basic: readJson(path.join(dir, 'item.basic.schema.json')),
      implementation: readJson(path.join(dir, 'item.implementation.schema.json')),
    },
    shared,
  };
}

/** A profile shipped with tongban, by id. Shipped profiles are tested, so they are not re-validated here. */
export function loadBuiltinProfile(id = 'national', dir = SCHEMAS_DIR): CodeProfile {
  const own = loadYaml(readFileSync(path.join(dir, 'profiles', `${id}.yaml`), 'utf8'), {
    schema: CORE_SCHEMA,
  }) as CodeProfile & { extends?: string };
  return own.extends === undefined ? own : withBase(own, loadBuiltinProfile(own.extends, dir));
}

/** A profile that extends another: what it says replaces the base's part of the same name. */
export function withBase(own: CodeProfile & { extends?: string }, base: CodeProfile): CodeProfile {
  const { extends: _base, ...rest } = own;
  return { ...base, ...rest };
}

export const BUILTIN_PROFILES = ['national', 'guangdong', 'sichuan'];

/** Import mapping presets (national exchange field names; tongban's own export). */
export const SCHEMAS_DIR_FOR_MAPPINGS = path.join(SCHEMAS_DIR, 'mappings');

/** The GB/T 2260 rows as csv-parse reads them from the CSV (the source). */
export function readRegionRows(dir = SCHEMAS_DIR): string[][] {
  // Loaded here only: runs from a build read the JSON the build derived from it.
  const { parse: parseCsv } = createRequire(import.meta.url)('csv-parse/sync') as typeof import('csv-parse/sync');
  return parseCsv(readFileSync(path.join(dir, 'codelists', 'regions-gbt2260.csv')), {
    bom: true,
    from_line: 2,
  }) as string[][];
}

/** The build stores the parsed rows as JSON (scripts/compile-schemas.mjs): ~5 ms to load instead of ~50. */
const PRECOMPILED_REGIONS = new URL('../regions.json', import.meta.url);

export function loadRegions(): RegionIndex {
  const precompiled = fileURLToPath(PRECOMPILED_REGIONS);
  const rows = existsSync(precompiled)
    ? (JSON.parse(readFileSync(precompiled, 'utf8')) as string[][])
    : readRegionRows();
  return buildRegionIndex(rows);
}

/** Written by the build (scripts/compile-schemas.mjs) next to the compiled sources. */
const PRECOMPILED = new URL('../schemas.compiled.cjs', import.meta.url);

/** The precompiled validators when built, else schemas compiled on first use (ajv is loaded only then). */
export async function loadSchemaValidator(): Promise<SchemaValidator> {
  if (!existsSync(fileURLToPath(PRECOMPILED))) {
    const { createSchemaValidator } = await import('../core/schema/create-ajv.js');
    return createSchemaValidator(loadSchemaSet());
  }
  const checks = createRequire(import.meta.url)(fileURLToPath(PRECOMPILED)) as Record<SchemaName, CompiledCheck>;
  return validatorFrom((name) => checks[name]);
}
