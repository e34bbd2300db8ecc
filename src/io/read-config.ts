/** Finds and reads tongban.config.yaml, and the code profiles it or a catalog.yaml names. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { FINDING_CODE_LIST } from '../core/finding-codes.js';
import { profileProblems, type CodeProfile } from '../core/codes/profile.js';
import { unknownCodeFindings, unsafeGlobFindings, type Config } from '../core/config.js';
import type { SchemaValidator } from '../core/schema/validator.js';
import { ConfigError, UsageError } from './errors.js';
import { displayPath } from './display-path.js';
import { BUILTIN_PROFILES, loadBuiltinProfile, withBase } from './reference-files.js';
import { readCheckedYaml } from './read-checked-yaml.js';

export const CONFIG_FILE_NAMES = ['tongban.config.yaml', 'tongban.config.yml'];

/** Profiles one may extend in a chain (`a extends b extends c …`): a chain of thousands would exhaust the stack. */
export const MAX_PROFILE_CHAIN = 32;

/** The nearest config file in `cwd` or a folder above it. */
export function findConfigFile(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

export interface LoadedConfig {
  /** Absolute path of the config file. */
  file: string;
  config: Config;
}

export function readConfig(absolute: string, cwd: string, schemas: SchemaValidator): LoadedConfig {
  if (!existsSync(absolute)) throw new UsageError('usage/config-not-found', { path: displayPath(cwd, absolute) });
  const result = readCheckedYaml<Config>(absolute, displayPath(cwd, absolute), [
    (data) => schemas.config(data),
    (data) => unknownCodeFindings(data as Config, FINDING_CODE_LIST),
    (data) => unsafeGlobFindings(data as Config),
  ]);
  if ('findings' in result) throw new ConfigError(result.findings);
  return { file: absolute, config: result.data };
}

/**
 * A profile by name ('national') or by the path of a profile file, relative to `baseDir` (the folder of
 * the config file or catalog.yaml that names it). Profiles are read once per path.
 */
export function profileResolver(
  cwd: string,
  schemas: SchemaValidator,
): (reference: string, baseDir: string) => CodeProfile {
  const cache = new Map<string, CodeProfile>();
  const resolve = (reference: string, baseDir: string, chain: readonly string[]): CodeProfile => {
    const key = BUILTIN_PROFILES.includes(reference) ? reference : path.resolve(baseDir, reference);
    const cached = cache.get(key);
    if (cached) return cached;
    // A profile that (through others) extends itself would never finish loading.
    if (chain.includes(key)) throw new UsageError('usage/profile-cycle', { path: reference });
    if (chain.length > MAX_PROFILE_CHAIN) {
      const names = [...chain, key].map((file) => displayPath(cwd, file));
      const shown = names.length > 6 ? [...names.slice(0, 3), '…', ...names.slice(-2)] : names;
      throw new UsageError('usage/profile-depth', {
        path: names[0] ?? reference,
        limit: MAX_PROFILE_CHAIN,
        chain: shown.join(' → '),
      });
    }
    let profile: CodeProfile;
    if (BUILTIN_PROFILES.includes(reference)) profile = loadBuiltinProfile(reference);
    else {
      if (!existsSync(key)) throw new UsageError('usage/profile-not-found', { path: reference });
      type Own = CodeProfile & { extends?: string };
      const merged = (own: Own) =>
        own.extends === undefined ? own : withBase(own, resolve(own.extends, path.dirname(key), [...chain, key]));
      const result = readCheckedYaml<Own>(key, displayPath(cwd, key), [
        (data) => schemas.profile(data),
        // Patterns and type codes are checked on the whole profile, what it inherits included.
        (data) => profileProblems(merged(data as Own)),
      ]);
      if ('findings' in result) throw new ConfigError(result.findings);
      profile = merged(result.data);
    }
    cache.set(key, profile);
    return profile;
  };
  return (reference, baseDir) => resolve(reference, baseDir, []);
}
