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
import { openDuck, type Duck, type Value } from './duckdb.js';
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

const COLUMNS = 'input, src, seq, dir, kind, catalog_name, region, level, ord, file, key, text';

/**
 * The records of one input as rows of COLUMNS, in file order: JSON Lines keep their metadata in the
 * record (one JSON parse per line extracts it all), Parquet in columns (docs/national.md).
 */
function scanSql(format: InputFormat, input: number): string {
  if (format === 'parquet')
    return `SELECT ${input} AS input, list_position($files, filename) AS src, seq, dir, kind, catalog_name, region,
        level, ord, file, key, item AS text
      FROM read_parquet($files, filename = true, union_by_name = true)`;
  const fields = [
    '/$catalog/seq',
    '/$catalog/dir',
    '/$catalog/kind',
    '/$catalog/name',
    '/$catalog/region',
    '/$catalog/level',
    '/$item/ord',
    '/$item/file',
    '/$item/key',
  ];
  return `SELECT ${input} AS input, src, CAST(m[1] AS INTEGER) AS seq, m[2] AS dir, m[3] AS kind, m[4] AS catalog_name,
      m[5] AS region, m[6] AS level, CAST(m[7] AS INTEGER) AS ord, m[8] AS file, m[9] AS key, text
    FROM (SELECT list_position($files, filename) AS src, json_extract_string(json, [${fields.map((f) => `'${f}'`).join(', ')}]) AS m,
        CAST(json AS VARCHAR) AS text
      FROM read_json_objects($files, format = 'newline_delimited', filename = true))`;
}

type ExportInput = Extract<NationalInput, { type: 'export' }>;

/** Parquet files in the order of the catalogs they hold (their place in the export), not of their folders. */
async function inExportOrder(duck: Duck, input: ExportInput): Promise<ExportInput> {
  if (input.format !== 'parquet' || input.files.length < 2) return input;
  const files = duck.texts(input.files);
  const reader = await duck.connection.runAndReadAll(
    'SELECT filename, min(seq) AS seq FROM read_parquet($files, filename = true, union_by_name = true) GROUP BY filename',
    { files: files.value },
    { files: files.type },
  );
  const seq = new Map(reader.getRows().map((row) => [String(row[0]), Number(row[1])]));
  const files2 = [...input.files].sort((a, b) => (seq.get(a) ?? 0) - (seq.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  return { ...input, files: files2 };
}

async function exportInputs(duck: Duck, inputs: readonly NationalInput[]): Promise<ExportInput[]> {
  const exports: ExportInput[] = [];
  for (const input of inputs) if (input.type === 'export') exports.push(await inExportOrder(duck, input));
  return exports;
}

/** Runs `sql` over one input; a file DuckDB cannot read is a usage error naming the input. */
async function onInput<T>(
  input: ExportInput,
  duck: Duck,
  run: (files: { files: Value }, types: { files: unknown }) => Promise<T>,
): Promise<T> {
  const files = duck.texts(input.files);
  try {
    return await run({ files: files.value }, { files: files.type });
  } catch (error) {
    throw new UsageError('usage/export-input', {
      path: `${input.path} (${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)})`,
    });
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : null);

function toRow(row: unknown[], idx: number): SourceRow {
  return {
    idx,
    ord: Number(row[1]),
    file: typeof row[2] === 'string' ? row[2] : '',
    key: typeof row[3] === 'string' ? row[3] : null,
    text: String(row[4]),
  };
}

/** How many buckets records are spread over by key: each is sorted on its own, in memory. */
const BUCKETS = 64;
/** Rows per row group of a bucket file. */
const ROW_GROUP = 2048;

/** One bucket's records: its basic-catalog rows (in place order), and its implementation rows by key. */
export interface Bucket {
  basic: SourceRow[];
  rows: AsyncGenerator<SourceRow>;
}

/**
 * Records by key, for compare. One pass spreads the records over BUCKETS Parquet files by the hash of
 * their basic code (compressed, in a temporary folder); then each bucket is read sorted by key (then
 * catalog, then place): no sort of the whole set, and at most one bucket in memory. The DuckDB that
 * spreads them is closed once they are written, and its memory with it: the buckets are read by readers
 * of their own (openBucketReader), on this thread or on worker threads.
 */
export interface KeyedSource {
  catalogs: SourceCatalog[];
  /** The files of each bucket that holds records, in bucket order. */
  parts: string[][];
  /** How many records each part holds (for progress). */
  records: number[];
  /** The folder of the buckets, removed on close; readers keep their temporary files there too. */
  folder: string;
  close(): void;
}

export async function openKeyedSource(inputs: readonly NationalInput[]): Promise<KeyedSource> {
  const folder = mkdtempSync(path.join(tmpdir(), 'tongban-buckets-'));
  track(folder);
  const close = () => {
    rmSync(folder, { recursive: true, force: true });
    release(folder);
  };
  try {
    const duck = await openDuck('1GB', { under: folder });
    try {
      const exports = await exportInputs(duck, inputs);
      for (const [n, input] of exports.entries())
        await onInput(input, duck, (values, types) =>
          duck.connection.run(
            // Records without a key take no part in a comparison: only their catalog is kept (bucket BUCKETS).
            // Small row groups: each bucket's writer holds a row group until it is full, and with the
            // default (122,880 rows, more than a bucket of 1M records) all of them were held at once,
            // spilling to disk and back past the memory limit (1M records: 19 -> 12 s of CPU).
            `COPY (SELECT ${COLUMNS.replace('text', 'CASE WHEN key IS NULL THEN NULL ELSE text END AS text')},
                CASE WHEN key IS NULL THEN ${BUCKETS} ELSE hash(split_part(key, '#', 1)) % ${BUCKETS} END AS bucket
              FROM (${scanSql(input.format, n)}))
              TO $out (FORMAT parquet, PARTITION_BY (bucket), COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP})`,
            { ...values, out: path.join(folder, String(n)) },
            { ...types, out: duck.varchar },
          ),
        );
      const all = exports.flatMap((_, n) => partFiles(path.join(folder, String(n))));
      const catalogs = await catalogsOf(
        duck,
        all.map((p) => p.file),
        (input, src) => exports[input]?.files[src - 1] ?? `#${input}`,
      );
      const byBucket = new Map<number, string[]>();
      for (const { bucket, file } of all) byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), file]);
      const parts = Array.from({ length: BUCKETS }, (_, bucket) => byBucket.get(bucket) ?? []).filter((f) => f.length);
      return { catalogs, parts, records: await recordCounts(duck, parts), folder, close };
    } finally {
      duck.close();
    }
  } catch (error) {
    close();
    throw error;
  }
}

/** Reads the buckets of a KeyedSource, one at a time. */
export interface BucketReader {
  read(files: readonly string[]): Promise<Bucket>;
  close(): void;
}

/**
 * A reader of a source's buckets (its `folder` is where its DuckDB keeps temporary files; the source
 * removes it). On this thread, a reader uses every core and DuckDB's 1 GB; readers on worker threads each
 * take one core and share that gigabyte (`threads`, `memoryLimit`).
 */
export async function openBucketReader(
  catalogs: readonly SourceCatalog[],
  folder: string,
  options: { threads?: number; memoryLimit?: string } = {},
): Promise<BucketReader> {
  const duck = await openDuck(options.memoryLimit ?? '1GB', { threads: options.threads, under: folder });
  const index = new Map(catalogs.map((c) => [c.dir, c]));
  const select = (files: readonly string[], where: string, order: string) => {
    const list = duck.texts(files);
    return duck.connection.stream(
      `SELECT dir, ord, file, key, text FROM read_parquet($files, union_by_name = true) WHERE ${where} ORDER BY ${order}`,
      { files: list.value },
      { files: list.type },
    );
  };
  return {
    async read(files) {
      const basic: SourceRow[] = [];
      for await (const chunk of (
        await select(files, "kind = 'basic' AND key IS NOT NULL", 'input, src, ord')
      ).yieldRows())
        for (const row of chunk) {
          const c = index.get(String(row[0]));
          if (c) basic.push(toRow(row, c.idx));
        }
      const rows = async function* () {
        for await (const chunk of (
          await select(files, "kind = 'implementation' AND key IS NOT NULL", 'key, input, src, seq, ord')
        ).yieldRows())
          for (const row of chunk) {
            const c = index.get(String(row[0]));
            if (c) yield toRow(row, c.idx);
          }
      };
      return { basic, rows: rows() };
    },
    close: () => duck.close(),
  };
}

/** The bucket files DuckDB wrote (`bucket=N/…parquet`), with their bucket. */
function partFiles(folder: string): { bucket: number; file: string }[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const match = /^bucket=(\d+)$/.exec(name);
    if (!match) return [];
    return readdirSync(path.join(folder, name))
      .sort()
      .map((file) => ({ bucket: Number(match[1]), file: path.join(folder, name, file) }));
  });
}

/**
 * A list is told apart from another by the folder it was exported from (`$catalog.dir`): the same label in
 * two export files is either the same list exported twice or two lists exported from folders of the same
 * name, and counting it once would merge them silently. A basic catalog exported with each region is fine.
 */
function sameLabelTwice(dir: string, files: readonly string[]): UsageError {
  return new UsageError('usage/export-same-catalog', { label: dir, files: files.join(', ') });
}

/** Each catalog once, in the order it first appears: by input, then by its place in its export. */
/** The records of each part, from the Parquet files' metadata (no rows are read). */
async function recordCounts(duck: Duck, parts: readonly string[][]): Promise<number[]> {
  const files = parts.flat();
  if (files.length === 0) return parts.map(() => 0);
  const list = duck.texts(files);
  const reader = await duck.connection.runAndReadAll(
    'SELECT file_name, sum(row_group_num_rows) FROM parquet_metadata($files) GROUP BY file_name',
    { files: list.value },
    { files: list.type },
  );
  const rows = new Map(reader.getRows().map((row) => [String(row[0]), Number(row[1])]));
  return parts.map((part) => part.reduce((sum, file) => sum + (rows.get(file) ?? 0), 0));
}

async function catalogsOf(
  duck: Duck,
  files: readonly string[],
  fileOf: (input: number, src: number) => string,
): Promise<SourceCatalog[]> {
  if (files.length === 0) return [];
  const list = duck.texts(files);
  const reader = await duck.connection.runAndReadAll(
    `SELECT dir, arg_min(kind, (input, src, seq)), arg_min(catalog_name, (input, src, seq)),
       arg_min(region, (input, src, seq)), arg_min(level, (input, src, seq)),
       min(input), arg_min(src, (input, src)), max(input), arg_max(src, (input, src))
     FROM read_parquet($files, union_by_name = true) WHERE dir IS NOT NULL GROUP BY dir ORDER BY min((input, src, seq)), dir`,
    { files: list.value },
    { files: list.type },
  );
  for (const row of reader.getRows()) {
    const [first, last] = [fileOf(Number(row[5]), Number(row[6])), fileOf(Number(row[7]), Number(row[8]))];
    if (row[1] !== 'basic' && first !== last) throw sameLabelTwice(String(row[0]), [first, last]);
  }
  return reader.getRows().map((row, idx) => ({
    idx,
    dir: String(row[0]),
    kind: row[1] === 'basic' ? 'basic' : 'implementation',
    name: text(row[2]),
    region: text(row[3]),
    level: text(row[4]),
  }));
}

/** A record with its catalog's metadata, for stats. */
export interface CatalogRow extends SourceRow {
  catalog: Omit<SourceCatalog, 'idx'>;
}

/**
 * Records catalog by catalog, for stats: in file order when the exports list each catalog's records
 * together (tongban's do), without any sort; `sorted` sorts them (for exports concatenated by hand).
 */
export async function* catalogRows(inputs: readonly NationalInput[], sorted: boolean): AsyncGenerator<CatalogRow> {
  const duck = await openDuck();
  try {
    const exports = await exportInputs(duck, inputs);
    const fileOfList = new Map<string, string>();
    for (const [n, input] of exports.entries()) {
      const result = await onInput(input, duck, (values, types) =>
        duck.connection.stream(
          `SELECT dir, ord, file, key, text, kind, catalog_name, region, level, src FROM (${scanSql(input.format, n)})
           WHERE dir IS NOT NULL
           ${sorted ? 'ORDER BY min((src, seq)) OVER (PARTITION BY dir), dir, ord' : ''}`,
          values,
          types,
        ),
      );
      for await (const chunk of result.yieldRows())
        for (const row of chunk) {
          // A list's records come from one export file (see sameLabelTwice).
          const dir = String(row[0]);
          const from = input.files[Number(row[9]) - 1] ?? `#${n}`;
          const seen = fileOfList.get(dir);
          if (seen === undefined) fileOfList.set(dir, from);
          else if (seen !== from && row[5] !== 'basic') throw sameLabelTwice(dir, [seen, from]);
          yield {
            ...toRow(row, -1),
            catalog: {
              dir: String(row[0]),
              kind: row[5] === 'basic' ? 'basic' : 'implementation',
              name: text(row[6]),
              region: text(row[7]),
              level: text(row[8]),
            },
          };
        }
    }
  } finally {
    duck.close();
  }
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
