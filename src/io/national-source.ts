/**
 * Exports (`tongban export -f jsonl|parquet`) as compare and stats read them on the DuckDB engine: the
 * paths given are sorted into catalog folders and exported files (a .jsonl or .parquet file, or a folder
 * of them), and the exported records are loaded into DuckDB, which sorts and groups them out of the
 * JavaScript heap (spilling to disk past its memory limit); JavaScript receives one group at a time.
 * File names and values only ever reach DuckDB as parameters.
 */
import { existsSync, lstatSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CatalogKind } from '../core/model.js';
import { release, track } from './cleanup.js';
import { openDuck, type Duck } from './duckdb.js';
import { UsageError } from './errors.js';
import { openStreamWriter } from './write-stream.js';

export type InputFormat = 'jsonl' | 'parquet';

/** A path given to compare or stats: catalog folders as they are, or exported files. */
export type NationalInput =
  { type: 'catalogs'; path: string } | { type: 'export'; path: string; format: InputFormat; files: string[] };

const FORMAT_OF: Record<string, InputFormat> = { '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.parquet': 'parquet' };

/** Exported files under a folder, in path order (hidden files and folders left out, links not followed). */
function exportedFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    )) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && FORMAT_OF[path.extname(entry.name).toLowerCase()]) found.push(full);
    }
  };
  walk(folder);
  return found;
}

/**
 * What each path is: a .jsonl/.parquet file or a folder holding only such files (a Parquet export folder,
 * a folder of JSON Lines exports) is an export; anything else is left to the catalog readers.
 */
export function classifyInputs(cwd: string, paths: readonly string[]): NationalInput[] {
  return paths.map((given): NationalInput => {
    const absolute = path.resolve(cwd, given);
    if (!existsSync(absolute)) return { type: 'catalogs', path: given };
    const stats = lstatSync(absolute);
    if (stats.isFile()) {
      const format = FORMAT_OF[path.extname(absolute).toLowerCase()];
      if (!format) throw new UsageError('usage/export-input', { path: given });
      return { type: 'export', path: given, format, files: [absolute] };
    }
    if (!stats.isDirectory() || existsSync(path.join(absolute, 'catalog.yaml')))
      return { type: 'catalogs', path: given };
    const files = exportedFiles(absolute);
    if (files.length === 0) return { type: 'catalogs', path: given };
    const formats = new Set(files.map((f) => FORMAT_OF[path.extname(f).toLowerCase()] as InputFormat));
    if (formats.size > 1) throw new UsageError('usage/export-input', { path: given });
    return { type: 'export', path: given, format: [...formats][0] as InputFormat, files };
  });
}

/** Total size in bytes of the files of exported inputs. */
export function inputBytes(inputs: readonly NationalInput[]): number {
  let total = 0;
  for (const input of inputs) if (input.type === 'export') for (const file of input.files) total += statSync(file).size;
  return total;
}

/** A catalog found in the exports, in the order catalogs are shown (inputs in order, then export order). */
export interface SourceCatalog {
  idx: number;
  dir: string;
  kind: CatalogKind;
  name: string | null;
  region: string | null;
  level: string | null;
}

/** One record: its catalog (by idx), place, file, key and the record's JSON text. */
export interface SourceRow {
  idx: number;
  ord: number;
  file: string;
  key: string | null;
  text: string;
}

export interface NationalSource {
  catalogs: SourceCatalog[];
  /** Records of implementation lists that have a key, by key (then catalog, then place). */
  byKey(): AsyncGenerator<SourceRow>;
  /** Records of one catalog, in place order. */
  ofCatalog(idx: number): AsyncGenerator<SourceRow>;
  /** Records of implementation lists, catalog by catalog. */
  byCatalog(): AsyncGenerator<SourceRow>;
  close(): void;
}

/** JSON Lines records keep their metadata in the record; Parquet in columns (docs/national.md). */
function scanSql(format: InputFormat, param: string): string {
  if (format === 'parquet')
    return `SELECT list_position($${param}, filename) AS src, seq, dir, kind, catalog_name, region, level, ord, file, key, item AS text
      FROM read_parquet($${param}, filename = true, union_by_name = true)`;
  const field = (pointer: string) => `json_extract_string(json, '${pointer}')`;
  return `SELECT list_position($${param}, filename) AS src,
      CAST(${field('/$catalog/seq')} AS INTEGER) AS seq, ${field('/$catalog/dir')} AS dir,
      ${field('/$catalog/kind')} AS kind, ${field('/$catalog/name')} AS catalog_name,
      ${field('/$catalog/region')} AS region, ${field('/$catalog/level')} AS level,
      CAST(${field('/$item/ord')} AS INTEGER) AS ord, ${field('/$item/file')} AS file,
      ${field('/$item/key')} AS key, CAST(json AS VARCHAR) AS text
    FROM read_json_objects($${param}, format = 'newline_delimited', filename = true)`;
}

/** Loads the exported inputs into one DuckDB table of records; `shown` names them in errors. */
export async function openNationalSource(
  inputs: readonly NationalInput[],
  memoryLimit?: string,
): Promise<NationalSource> {
  const duck: Duck = await openDuck(memoryLimit);
  try {
    return await load(duck, inputs);
  } catch (error) {
    duck.close();
    throw error;
  }
}

async function load(duck: Duck, inputs: readonly NationalInput[]): Promise<NationalSource> {
  const { connection } = duck;
  const exports = inputs.filter((i): i is Extract<NationalInput, { type: 'export' }> => i.type === 'export');
  let first = true;
  for (const [n, input] of exports.entries()) {
    const files = duck.texts(input.files);
    const sql = scanSql(input.format, 'files');
    try {
      await connection.run(
        first
          ? `CREATE TABLE records AS SELECT ${n} AS input, * FROM (${sql})`
          : `INSERT INTO records SELECT ${n} AS input, * FROM (${sql})`,
        { files: files.value },
        { files: files.type },
      );
    } catch (error) {
      throw new UsageError('usage/export-input', {
        path: `${input.path} (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
      });
    }
    first = false;
  }
  // Each catalog once, in the order it first appears: by input, then by its place in its export.
  const reader = await connection.runAndReadAll(
    `SELECT dir, arg_min(kind, (input, src, seq)) AS kind, arg_min(catalog_name, (input, src, seq)) AS name,
       arg_min(region, (input, src, seq)) AS region, arg_min(level, (input, src, seq)) AS level
     FROM records WHERE dir IS NOT NULL GROUP BY dir ORDER BY min((input, src, seq)), dir`,
  );
  const catalogs: SourceCatalog[] = reader.getRows().map((row, idx) => {
    const kind = row[1] === 'basic' ? 'basic' : 'implementation';
    const text = (value: unknown) => (typeof value === 'string' ? value : null);
    return { idx, dir: String(row[0]), kind, name: text(row[2]), region: text(row[3]), level: text(row[4]) };
  });
  await connection.run('CREATE TABLE catalogs (idx INTEGER, dir VARCHAR, kind VARCHAR)');
  const appender = await connection.createAppender('catalogs');
  for (const c of catalogs) {
    appender.appendInteger(c.idx);
    appender.appendVarchar(c.dir);
    appender.appendVarchar(c.kind);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
  async function* rows(sql: string, params: Record<string, number> = {}): AsyncGenerator<SourceRow> {
    const result = await connection.stream(sql, params);
    for await (const chunk of result.yieldRows())
      for (const row of chunk)
        yield {
          idx: Number(row[0]),
          ord: Number(row[1]),
          file: typeof row[2] === 'string' ? row[2] : '',
          key: typeof row[3] === 'string' ? row[3] : null,
          text: String(row[4]),
        };
  }
  const select = 'SELECT c.idx, r.ord, r.file, r.key, r.text FROM records r JOIN catalogs c ON r.dir = c.dir';
  return {
    catalogs,
    byKey: () =>
      rows(`${select} WHERE c.kind = 'implementation' AND r.key IS NOT NULL ORDER BY r.key, c.idx, r.ord, r.input`),
    ofCatalog: (idx) => rows(`${select} WHERE c.idx = $idx ORDER BY r.ord, r.input`, { idx }),
    byCatalog: () => rows(`${select} WHERE c.kind = 'implementation' ORDER BY c.idx, r.ord, r.input`),
    close: () => duck.close(),
  };
}

/** A temporary JSON Lines file for catalog folders read on the DuckDB engine; `remove()` when done. */
export function temporaryExport(lines: Iterable<string>): { file: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-export-'));
  track(dir);
  const file = path.join(dir, 'catalogs.jsonl');
  const writer = openStreamWriter(file, { durable: false });
  try {
    for (const line of lines) writer.write(line);
    writer.commit();
  } catch (error) {
    writer.abort();
    rmSync(dir, { recursive: true, force: true });
    release(dir);
    throw error;
  }
  return {
    file,
    remove() {
      rmSync(dir, { recursive: true, force: true });
      release(dir);
    },
  };
}
