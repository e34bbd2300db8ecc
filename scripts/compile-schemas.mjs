/**
 * Build step, after tsc, using the built modules so the set-up is exactly the one used at run time:
 * - precompiles the JSON Schemas into standalone validation code (CommonJS, so ajv-formats can be
 *   required from it): dist/schemas.compiled.cjs;
 * - stores the GB/T 2260 rows parsed from the CSV as JSON: dist/regions.json.
 */
import { writeFileSync } from 'node:fs';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { createAjv } from '../dist/core/schema/create-ajv.js';
import { SCHEMA_IDS } from '../dist/core/schema/validator.js';
import { loadSchemaSet, readRegionRows } from '../dist/io/reference-files.js';

const ajv = createAjv(loadSchemaSet(), { source: true });
const code = standaloneCode.default(ajv, SCHEMA_IDS);
writeFileSync(new URL('../dist/schemas.compiled.cjs', import.meta.url), code);
writeFileSync(new URL('../dist/regions.json', import.meta.url), JSON.stringify(readRegionRows()));
