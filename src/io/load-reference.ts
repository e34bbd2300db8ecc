/** The data every validation needs: schemas and code lists, the code profile, the GB/T 2260 region list. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import type { CodeProfile } from '../core/codes/profile.js';
import { buildRegionIndex, type RegionIndex } from '../core/regions.js';
import type { SchemaSet } from '../core/schema/validator.js';
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
    items: {
      basic: readJson(path.join(dir, 'item.basic.schema.json')),
      implementation: readJson(path.join(dir, 'item.implementation.schema.json')),
    },
    shared,
  };
}

/** A profile shipped with tongban, by id. Shipped profiles are tested, so they are not re-validated here. */
export function loadBuiltinProfile(id = 'national', dir = SCHEMAS_DIR): CodeProfile {
  return parseYaml(readFileSync(path.join(dir, 'profiles', `${id}.yaml`), 'utf8')) as CodeProfile;
}

export const BUILTIN_PROFILES = ['national'];

export function loadRegions(dir = SCHEMAS_DIR): RegionIndex {
  const rows = parseCsv(readFileSync(path.join(dir, 'codelists', 'regions-gbt2260.csv')), { bom: true, from_line: 2 }) as string[][];
  return buildRegionIndex(rows);
}
