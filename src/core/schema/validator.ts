/**
 * Checks documents against the schemas in `schemas/`, through compiled checks that come from one of two
 * places: the build precompiles every schema into standalone code (scripts/compile-schemas.mjs), which
 * saves loading ajv and compiling (~150 ms a run); without that file (tests run from src/) create-ajv.ts
 * compiles them on first use. Either way the checks are made by the same ajv set-up.
 */
import type { ErrorObject } from 'ajv';
import type { CatalogKind } from '../model.js';
import type { RuleFinding } from '../diagnostic.js';
import { adaptAjvErrors } from './ajv-adapter.js';

export interface SchemaSet {
  catalog: object;
  config: object;
  profile: object;
  baseline: object;
  ledger: object;
  mapping: object;
  /** A bundle (一件事) of items of an implementation list: `<catalog>/bundles/<id>.yaml`. */
  bundle: object;
  items: Record<CatalogKind, object>;
  /** Schemas referenced by the others, keyed by their path under schemas/ (e.g. `codelists/level.json`). */
  shared: Record<string, object>;
}

/** The documents tongban checks, and the id each one's schema is registered under. */
export const SCHEMA_IDS = {
  catalog: 'catalog.schema.json',
  basic: 'item.basic.schema.json',
  implementation: 'item.implementation.schema.json',
  config: 'config.schema.json',
  profile: 'profile.schema.json',
  baseline: 'baseline.schema.json',
  ledger: 'ledger.schema.json',
  mapping: 'mapping.schema.json',
  bundle: 'bundle.schema.json',
} as const;

export type SchemaName = keyof typeof SCHEMA_IDS;

/** A compiled check: true when valid, with ajv's errors on the function otherwise. */
export interface CompiledCheck {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export interface SchemaValidator {
  catalog(data: unknown): RuleFinding[];
  config(data: unknown): RuleFinding[];
  profile(data: unknown): RuleFinding[];
  baseline(data: unknown): RuleFinding[];
  ledger(data: unknown): RuleFinding[];
  mapping(data: unknown): RuleFinding[];
  bundle(data: unknown): RuleFinding[];
  item(kind: CatalogKind, data: unknown): RuleFinding[];
}

/** A validator over compiled checks, obtained on first use of each. */
export function validatorFrom(check: (name: SchemaName) => CompiledCheck): SchemaValidator {
  const run = (name: SchemaName, data: unknown) => {
    const validate = check(name);
    return validate(data) ? [] : adaptAjvErrors(validate.errors ?? []);
  };
  return {
    catalog: (data) => run('catalog', data),
    config: (data) => run('config', data),
    profile: (data) => run('profile', data),
    baseline: (data) => run('baseline', data),
    ledger: (data) => run('ledger', data),
    mapping: (data) => run('mapping', data),
    bundle: (data) => run('bundle', data),
    item: (kind, data) => run(kind, data),
  };
}
