/**
 * A workspace is where tongban runs: the working folder, the configuration that applies there (found by
 * walking up from it, or named, or none), and tongban's own reference data (schemas, GB/T 2260 regions,
 * code profiles). Every command opens one, then asks it for catalogs: `catalogs(paths)` finds the catalog
 * folders the paths name, reads each catalog.yaml and ledger.yaml, follows implementation lists to the
 * basic catalogs they implement, settles each catalog's code profile, and lists the item files, which an
 * ItemReader (item-reader.ts) then reads.
 */
import { existsSync, lstatSync } from 'node:fs';
import path from 'node:path';
import type { CodeProfile } from '../core/codes/profile.js';
import { boundedGlob, compileConfig, type CompiledConfig } from '../core/config.js';
import { findingIn, type Finding } from '../core/diagnostic.js';
import type { CatalogKind, CatalogMeta, CatalogSource, SourceDocument } from '../core/model.js';
import type { RegionIndex } from '../core/regions.js';
import type { SchemaValidator } from '../core/schema/validator.js';
import type { Suppression } from '../core/suppressions.js';
import {
  CATALOG_FILE,
  LEDGER_FILE,
  listBundleEntries,
  listItemEntries,
  selectCatalogs,
  type IgnorePredicate,
  type Selection,
} from './discover.js';
import { displayPath } from './display-path.js';
import { referenceData } from './reference-data.js';
import type { ItemFile, ItemReader } from './item-reader.js';
import { JOURNAL_FILE, journalPending } from './journal.js';
import { findConfigFile, profileResolver, readConfig, type LoadedConfig } from './read-config.js';
import { BUILTIN_PROFILES } from './reference-files.js';
import { profileForCatalog } from '../core/codes/pick-profile.js';
import { shardOf, type Shard } from '../core/shard.js';
import { readDocumentFile, readItemFile, readTextFile, type DocumentRead } from './read-document.js';

export interface WorkspaceOptions {
  /** The folder relative paths are resolved against and shown relative to; default: the process's. */
  cwd?: string;
  /** A config file (relative to cwd), or false for none; default: the nearest tongban.config.yaml at or above cwd. */
  config?: string | false;
}

/** One catalog folder: its catalog.yaml as read, and its item files, not yet read. */
export interface Catalog {
  /** The folder as shown (relative to cwd). */
  dir: string;
  absoluteDir: string;
  /** Display path of catalog.yaml. */
  metaFile: string;
  /** catalog.yaml's data, or undefined when it could not be read (the set's problems say why). */
  meta: Record<string, unknown> | undefined;
  /** `kind` as catalog.yaml declares it, when it is one tongban knows. */
  kind: CatalogKind | undefined;
  /** For an implementation list: the display path of the basic catalog it names, when that exists. */
  basicDir?: string;
  /** ledger.yaml as read, when the catalog has one (checked by validate and the code commands). */
  ledger?: SourceDocument;
  items: ItemFile[];
  /**
   * The bundles (一件事) in its bundles/ folder, read: `data` when the file holds a YAML mapping (the
   * set's problems say why not), not yet checked against the bundle schema.
   */
  bundles: BundleFile[];
  /** False for a basic catalog read only because a requested implementation list implements it. */
  requested: boolean;
  /** The code profile for this catalog: the config's, else the one catalog.yaml names, else national. */
  profile: CodeProfile;
}

/** A bundle file of a catalog, as read. */
export interface BundleFile {
  /** Display path. */
  file: string;
  absolute: string;
  data?: Record<string, unknown>;
}

export interface CatalogSet {
  /** The requested catalogs and the basic catalogs they implement, in the order found. */
  all: Catalog[];
  requested: Catalog[];
  /** Problems met reading catalog.yaml and ledger.yaml files, and basic catalogs that are not there. */
  problems: Finding[];
  /** Suppression comments in catalog.yaml and ledger.yaml files (items carry their own). */
  suppressions: Map<string, Suppression[]>;
  /** Whether findings in a file (display path) were asked for: a whole catalog, or that file by name. */
  isRequested(file: string): boolean;
  /** Every requested file (catalog.yaml files, items and bundles), sorted. */
  files: string[];
  itemCount: number;
  /** Every file of every catalog in the set, by display path. */
  absolutePaths: Map<string, string>;
}

export interface SelectOptions {
  /** Leave out what the config's `ignore` lists (validate and code check do; reports read everything). */
  honourIgnores?: boolean;
  /**
   * Request only the catalogs of this shard (by their path relative to the config file's folder, else the
   * working folder); basic catalogs they implement are still read, as references.
   */
  shard?: Shard;
}

export interface Workspace {
  readonly cwd: string;
  /** The config file in use and what it says; undefined when there is none. */
  readonly config: LoadedConfig | undefined;
  /** The config's rule severities, overrides and ignores, ready to apply. */
  readonly settings: CompiledConfig;
  readonly schemas: SchemaValidator;
  readonly regions: RegionIndex;
  readonly nationalProfile: CodeProfile;
  /** An absolute path as shown to the user. */
  display(absolute: string): string;
  /** A file's text by its display path, read again from disk: for positions of the few files with findings. */
  textOf(file: string): string | undefined;
  /** A display path as the config's globs see it: relative to the config file's folder. */
  configPath(file: string): string;
  /** A code profile by name (`national`) or by file, relative to `baseDir` (default cwd). */
  profile(reference: string, baseDir?: string): CodeProfile;
  /** The profiles `--profile auto` chooses from: the config's `profiles`, then the built-in ones. */
  profileCandidates(): CodeProfile[];
  /** The catalogs under `paths` (default: the working folder); see CatalogSet. */
  catalogs(paths: readonly string[], options?: SelectOptions): CatalogSet;
}

export async function openWorkspace(options: WorkspaceOptions = {}): Promise<Workspace> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const schemas = await referenceData.schemas();
  const configFile =
    options.config === false ? undefined : options.config ? path.resolve(cwd, options.config) : findConfigFile(cwd);
  const config = configFile ? readConfig(configFile, cwd, schemas) : undefined;
  const configDir = config ? path.dirname(config.file) : cwd;
  const resolveProfile = profileResolver(cwd, schemas);
  const workspace: Workspace = {
    cwd,
    config,
    settings: compileConfig(config?.config ?? {}),
    schemas,
    // Loaded on first use: a run that reuses a cached result needs neither.
    get regions() {
      return referenceData.regions;
    },
    get nationalProfile() {
      return referenceData.national;
    },
    display: (absolute) => displayPath(cwd, absolute),
    textOf(file) {
      // Only a plain file: never through a link, never a pipe or device (reading one could block).
      const absolute = path.resolve(cwd, file);
      if (!isPlainFile(absolute)) return undefined;
      const read = readTextFile(absolute, file);
      return 'text' in read ? read.text : undefined;
    },
    configPath: (file) => path.relative(configDir, path.resolve(cwd, file)).split(path.sep).join('/'),
    profile: (reference, baseDir = cwd) => resolveProfile(reference, baseDir),
    profileCandidates: () => [
      ...(config?.config.profiles ?? []).map((file) => resolveProfile(file, configDir)),
      ...BUILTIN_PROFILES.map((id) => resolveProfile(id, cwd)),
    ],
    catalogs: (paths, select = {}) => readCatalogSet(workspace, configDir, paths, select),
  };
  return workspace;
}

function isPlainFile(absolute: string): boolean {
  try {
    return lstatSync(absolute).isFile();
  } catch {
    return false;
  }
}

/**
 * Config `catalogs` entries first (the last that matches wins), then catalog.yaml's own `profile`; `auto`
 * or none picks the profile by the catalog's region or origin (profileForCatalog).
 */
function profileFor(workspace: Workspace, configDir: string, absoluteDir: string, meta: unknown): CodeProfile {
  const relative = path.relative(configDir, absoluteDir).split(path.sep).join('/');
  const fromConfig = (workspace.config?.config.catalogs ?? [])
    .filter((entry) => boundedGlob(entry.path)(relative))
    .at(-1);
  const auto = () =>
    profileForCatalog(
      meta as Partial<CatalogMeta> | undefined,
      workspace.nationalProfile,
      workspace.profileCandidates(),
    );
  if (fromConfig) return fromConfig.profile === 'auto' ? auto() : workspace.profile(fromConfig.profile, configDir);
  const declared = (meta as { profile?: unknown } | undefined)?.profile;
  return typeof declared === 'string' && declared !== 'auto' ? workspace.profile(declared, absoluteDir) : auto();
}

function readCatalogSet(
  workspace: Workspace,
  configDir: string,
  paths: readonly string[],
  select: SelectOptions,
): CatalogSet {
  const { cwd } = workspace;
  const ignored: IgnorePredicate | undefined =
    select.honourIgnores && workspace.settings.ignores
      ? (absolute) => workspace.settings.isIgnored(workspace.configPath(workspace.display(absolute)))
      : undefined;
  const selection = shardSelection(
    selectCatalogs(paths.length ? paths : ['.'], cwd, ignored),
    select.shard,
    workspace.configPath,
  );
  // A catalog shown as '.' (the working folder) has files shown without any folder prefix.
  const prefixOf = (dir: string) => (dir === '.' ? '' : dir + '/');
  const wholeCatalogs = [...selection.wholeCatalogs].map((dir) => prefixOf(workspace.display(dir)));
  const askedFiles = new Set([...selection.files].map((file) => workspace.display(file)));
  const isRequested = (file: string) => askedFiles.has(file) || wholeCatalogs.some((dir) => file.startsWith(dir));

  const problems: Finding[] = [];
  const suppressions = new Map<string, Suppression[]>();
  const absolutePaths = new Map<string, string>();
  const read = (absolute: string): DocumentRead => {
    const file = workspace.display(absolute);
    absolutePaths.set(file, absolute);
    const result = readDocumentFile(absolute, file);
    if (isRequested(file)) {
      problems.push(...result.findings);
      if (result.suppressions.length) suppressions.set(file, result.suppressions);
    }
    return result;
  };

  // Breadth-first from the requested catalogs, adding the basic catalogs implementation lists name.
  const all: Catalog[] = [];
  const seen = new Set<string>();
  const queue = selection.catalogDirs.map((dir) => ({ dir, requested: true }));
  for (let next = queue.shift(); next; next = queue.shift()) {
    if (seen.has(next.dir)) continue;
    seen.add(next.dir);
    const dir = workspace.display(next.dir);
    const metaRead = read(path.join(next.dir, CATALOG_FILE));
    const ledgerPath = path.join(next.dir, LEDGER_FILE);
    const ledgerRead = existsSync(ledgerPath) ? read(ledgerPath) : undefined;
    const declared = metaRead.data as { kind?: unknown; basic?: unknown } | undefined;
    const items = listItemEntries(next.dir, ignored).map(({ absolute, link, special }) => {
      // The catalog's shown path plus the path inside it: no path.relative per file.
      const file =
        prefixOf(dir) +
        absolute
          .slice(next.dir.length + 1)
          .split(path.sep)
          .join('/');
      absolutePaths.set(file, absolute);
      return { file, absolute, ...(link ? { link } : {}), ...(special ? { special } : {}) };
    });
    const bundles = listBundleEntries(next.dir, ignored).map((entry): BundleFile => {
      const file = workspace.display(entry.absolute);
      absolutePaths.set(file, entry.absolute);
      // Like an item: a link is followed only inside the catalog, a pipe is never opened.
      const result = readItemFile(next.dir, { ...entry, file });
      if (isRequested(file)) {
        problems.push(...result.findings);
        if (result.suppressions.length) suppressions.set(file, result.suppressions);
      }
      return { file, absolute: entry.absolute, ...(result.data !== undefined ? { data: result.data } : {}) };
    });
    const catalog: Catalog = {
      dir,
      absoluteDir: next.dir,
      metaFile: metaRead.file,
      meta: metaRead.data,
      kind: declared?.kind === 'basic' || declared?.kind === 'implementation' ? declared.kind : undefined,
      items,
      bundles,
      requested: next.requested,
      profile: profileFor(workspace, configDir, next.dir, metaRead.data),
      ...(ledgerRead?.data !== undefined ? { ledger: { file: ledgerRead.file, data: ledgerRead.data } } : {}),
    };
    all.push(catalog);
    // A code command killed halfway left its journal: the catalog is between two states until it is finished.
    if (next.requested && journalPending(next.dir)) {
      problems.push(
        findingIn(workspace.display(path.join(next.dir, JOURNAL_FILE)), { code: 'ledger/interrupted', path: '' }),
      );
    }
    if (catalog.kind !== 'implementation' || typeof declared?.basic !== 'string') continue;
    const basicDir = path.resolve(next.dir, declared.basic);
    if (!existsSync(path.join(basicDir, CATALOG_FILE))) {
      if (isRequested(catalog.metaFile)) {
        problems.push(
          findingIn(catalog.metaFile, { code: 'catalog/basic-missing', path: '/basic', args: { dir: declared.basic } }),
        );
      }
      continue;
    }
    catalog.basicDir = workspace.display(basicDir);
    queue.push({ dir: basicDir, requested: false });
  }

  const requested = all.filter((c) => c.requested);
  const itemFiles = requested.flatMap((c) => c.items.map((i) => i.file)).filter(isRequested);
  const bundleFiles = requested.flatMap((c) => c.bundles.map((b) => b.file)).filter(isRequested);
  return {
    all,
    requested,
    problems,
    suppressions,
    isRequested,
    files: [...requested.map((c) => c.metaFile).filter(isRequested), ...itemFiles, ...bundleFiles].sort(),
    itemCount: itemFiles.length,
    absolutePaths,
  };
}

/** The part of a selection whose catalogs fall in `shard`. */
function shardSelection(
  selection: Selection,
  shard: Shard | undefined,
  projectPath: (absolute: string) => string,
): Selection {
  if (!shard) return selection;
  const catalogDirs = selection.catalogDirs.filter((dir) => shardOf(projectPath(dir), shard.count) === shard.index);
  const inShard = (file: string) => catalogDirs.some((dir) => file.startsWith(dir + path.sep));
  return {
    catalogDirs,
    wholeCatalogs: new Set([...selection.wholeCatalogs].filter((dir) => catalogDirs.includes(dir))),
    files: new Set([...selection.files].filter(inShard)),
  };
}

/** A catalog as the core's validation sees it, its items read through `reader` as they are iterated. */
export function catalogSource(catalog: Catalog, reader: ItemReader): CatalogSource {
  return {
    dir: catalog.dir,
    metaFile: catalog.metaFile,
    meta: catalog.meta === undefined ? undefined : { file: catalog.metaFile, data: catalog.meta },
    items: { [Symbol.iterator]: () => reader.read(catalog)[Symbol.iterator]() },
    requested: catalog.requested,
    ...(catalog.basicDir !== undefined ? { basicDir: catalog.basicDir } : {}),
    ...(catalog.ledger ? { ledger: catalog.ledger } : {}),
    bundles: catalog.bundles.flatMap((b) => (b.data !== undefined ? [{ file: b.file, data: b.data }] : [])),
  };
}
