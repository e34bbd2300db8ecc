/** What every validation needs from tongban itself, loaded once per process and only when first needed. */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CodeProfile } from '../core/codes/profile.js';
import type { RegionIndex } from '../core/regions.js';
import type { SchemaValidator } from '../core/schema/validator.js';
import { loadBuiltinProfile, loadRegions, loadSchemaValidator } from './reference-files.js';

class ReferenceData {
  private loadedSchemas: SchemaValidator | undefined;
  private loadedRegions: RegionIndex | undefined;
  private loadedNational: CodeProfile | undefined;

  async schemas(): Promise<SchemaValidator> {
    this.loadedSchemas ??= await loadSchemaValidator();
    return this.loadedSchemas;
  }

  get regions(): RegionIndex {
    this.loadedRegions ??= loadRegions();
    return this.loadedRegions;
  }

  get national(): CodeProfile {
    this.loadedNational ??= loadBuiltinProfile('national');
    return this.loadedNational;
  }
}

export const referenceData = new ReferenceData();

/** Changes whenever tongban is rebuilt or reinstalled: part of the cache key. */
export const BUILD_ID = (() => {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return `${version}:${statSync(fileURLToPath(import.meta.url)).mtimeMs}`;
})();
