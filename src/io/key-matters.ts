/** The national key matters of 高效办成一件事 (schemas/codelists/key-matters.json), read once per process. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { keyMattersFrom, type KeyMatter } from '../core/bundles/model.js';
import { SCHEMAS_DIR } from './package-files.js';

let loaded: KeyMatter[] | undefined;

export function keyMatters(): KeyMatter[] {
  loaded ??= keyMattersFrom(JSON.parse(readFileSync(path.join(SCHEMAS_DIR, 'codelists', 'key-matters.json'), 'utf8')));
  return loaded;
}
