/** Reads the selected catalogs (and the basic catalogs they implement) into CatalogSources. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../core/diagnostic.js';
import type { CatalogSource, SourceDocument } from '../core/model.js';
import { decodeItemFile } from './decode.js';
import { CATALOG_FILE, listItemFiles, type IgnorePredicate, type Selection } from './discover.js';
import { parseItemYaml } from './parse-yaml.js';

export interface LoadedCatalogs {
  sources: CatalogSource[];
  /** Findings of the reader itself: unreadable files, YAML problems, a basic catalog that is not there. */
  findings: Finding[];
  /** Text of every file read, by display path, for locating findings afterwards. */
  texts: Map<string, string>;
  /** Whether findings in a file (display path) were asked for. */
  isRequested(file: string): boolean;
  itemCount: number;
  /** Every requested file read or listed: catalog.yaml files and items. */
  files: string[];
}

export function displayPath(cwd: string, absolute: string): string {
  return (path.relative(cwd, absolute) || '.').split(path.sep).join('/');
}

class CatalogReader {
  readonly findings: Finding[] = [];
  readonly texts = new Map<string, string>();
  /** Display paths of every item file listed, parsed or not. */
  readonly itemFiles: string[] = [];
  /** Display paths of the catalog.yaml files of requested catalogs. */
  readonly metaFiles: string[] = [];
  constructor(
    private readonly cwd: string,
    private readonly ignored: IgnorePredicate,
  ) {}

  readDocument(absolute: string): SourceDocument | undefined {
    const file = displayPath(this.cwd, absolute);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(absolute);
    } catch (error) {
      this.findings.push({ code: 'file/unreadable', severity: 'error', file, path: '', args: { reason: (error as NodeJS.ErrnoException).code ?? String(error) } });
      return undefined;
    }
    const decoded = decodeItemFile(bytes, file);
    if ('finding' in decoded) {
      this.findings.push(decoded.finding);
      return undefined;
    }
    this.texts.set(file, decoded.text);
    const parsed = parseItemYaml(decoded.text, file);
    this.findings.push(...parsed.findings);
    return parsed.data === undefined ? undefined : { file, data: parsed.data };
  }

  readCatalog(dir: string, requested: boolean): { source: CatalogSource; basicDir?: string } {
    const metaPath = path.join(dir, CATALOG_FILE);
    const meta = this.readDocument(metaPath);
    if (requested) this.metaFiles.push(displayPath(this.cwd, metaPath));
    const itemPaths = listItemFiles(dir, this.ignored);
    if (requested) this.itemFiles.push(...itemPaths.map((file) => displayPath(this.cwd, file)));
    const items = itemPaths
      .map((file) => this.readDocument(file))
      .filter((doc): doc is SourceDocument => doc !== undefined);
    const source: CatalogSource = { dir: displayPath(this.cwd, dir), metaFile: displayPath(this.cwd, metaPath), meta, items, requested };
    const declared = meta?.data as { kind?: unknown; basic?: unknown } | undefined;
    if (declared?.kind !== 'implementation' || typeof declared.basic !== 'string') return { source };
    const basicDir = path.resolve(dir, declared.basic);
    if (!existsSync(path.join(basicDir, CATALOG_FILE))) {
      this.findings.push({ code: 'catalog/basic-missing', severity: 'error', file: source.metaFile, path: '/basic', args: { dir: declared.basic } });
      return { source };
    }
    source.basicDir = displayPath(this.cwd, basicDir);
    return { source, basicDir };
  }
}

export function loadCatalogs(selection: Selection, cwd: string, ignored: IgnorePredicate = () => false): LoadedCatalogs {
  const reader = new CatalogReader(cwd, ignored);
  const sources: CatalogSource[] = [];
  const loaded = new Set<string>();
  const queue = selection.catalogDirs.map((dir) => ({ dir, requested: true }));
  for (let next = queue.shift(); next; next = queue.shift()) {
    if (loaded.has(next.dir)) continue;
    loaded.add(next.dir);
    const { source, basicDir } = reader.readCatalog(next.dir, next.requested);
    sources.push(source);
    if (basicDir && !loaded.has(basicDir)) queue.push({ dir: basicDir, requested: false });
  }
  // A catalog shown as '.' (the working directory) has files shown without any folder prefix.
  const wholeCatalogs = [...selection.wholeCatalogs].map((dir) => displayPath(cwd, dir)).map((dir) => (dir === '.' ? '' : dir + '/'));
  const askedFiles = new Set([...selection.files].map((file) => displayPath(cwd, file)));
  const isRequested = (file: string) => askedFiles.has(file) || wholeCatalogs.some((dir) => file.startsWith(dir));
  const itemCount = reader.itemFiles.filter(isRequested).length;
  const files = [...reader.metaFiles, ...reader.itemFiles].filter(isRequested).sort();
  return { sources, findings: reader.findings.filter((f) => isRequested(f.file)), texts: reader.texts, isRequested, itemCount, files };
}
