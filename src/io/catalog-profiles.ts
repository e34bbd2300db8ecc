/** Which code profile each catalog uses: a config `catalogs` entry, else catalog.yaml's `profile`, else national. */
import path from 'node:path';
import picomatch from 'picomatch';
import type { CodeProfile } from '../core/codes/profile.js';
import type { CatalogSource } from '../core/model.js';
import type { SchemaValidator } from '../core/schema/validator.js';
import { profileResolver, type LoadedConfig } from './read-config.js';

export function catalogProfiles(
  sources: readonly CatalogSource[],
  cwd: string,
  config: LoadedConfig | undefined,
  schemas: SchemaValidator,
): Map<string, CodeProfile> {
  const resolve = profileResolver(cwd, schemas);
  const configDir = config ? path.dirname(config.file) : cwd;
  const entries = (config?.config.catalogs ?? []).map((entry) => ({
    matches: picomatch(entry.path),
    profile: entry.profile,
  }));
  const profiles = new Map<string, CodeProfile>();
  for (const source of sources) {
    const absolute = path.resolve(cwd, source.dir);
    const relative = path.relative(configDir, absolute).split(path.sep).join('/');
    const fromConfig = entries.filter((e) => e.matches(relative)).at(-1);
    const declared = (source.meta?.data as { profile?: unknown } | undefined)?.profile;
    if (fromConfig) profiles.set(source.dir, resolve(fromConfig.profile, configDir));
    else if (typeof declared === 'string') profiles.set(source.dir, resolve(declared, absolute));
  }
  return profiles;
}
