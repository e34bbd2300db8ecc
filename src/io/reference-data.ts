/** What every validation needs from tongban itself, loaded once per process and only when first needed. */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CodeProfile } from '../core/codes/profile.js';
import type { RegionIndex } from '../core/regions.js';
import type { SchemaValidator } from '../core/schema/validator.js';
import type { CatalogKind } from '../core/model.js';
import { elementTitles } from '../core/schema/element-titles.js';
import { loadBuiltinProfile, loadRegions, loadSchemaSet, loadSchemaValidator } from './reference-files.js';

class ReferenceData {
  private loadedSchemas: SchemaValidator | undefined;
  private loadedRegions: RegionIndex | undefined;
  private loadedNational: CodeProfile | undefined;
  private loadedTitles: Map<CatalogKind, ReadonlyMap<string, string>> = new Map();

  async schemas(): Promise<SchemaValidator> {
    this.loadedSchemas ??= await loadSchemaValidator();
    return this.loadedSchemas;
  }

  get regions(): RegionIndex {
    this.loadedRegions ??= loadRegions();
    return this.loadedRegions;
  }

  /** Element titles of an item schema, read from the schema files on first use (a few milliseconds). */
  elementTitles(kind: CatalogKind): ReadonlyMap<string, string> {
    let titles = this.loadedTitles.get(kind);
    if (!titles) {
      titles = elementTitles(loadSchemaSet(), kind);
      this.loadedTitles.set(kind, titles);
    }
    return titles;
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
