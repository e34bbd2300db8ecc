/** Files shipped with the package (schemas, code lists, profiles, sample catalogs), found from this module. */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** dist/io/package-files.js (or src/io/… under the test runner) → the package root, two levels up. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SCHEMAS_DIR = path.join(PACKAGE_ROOT, 'schemas');

/** tongban's version, from its package.json. */
export const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
