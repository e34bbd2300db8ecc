/**
 * `tongban export -f parquet -o <folder>`: one Parquet file per catalog (a region's list), in Hive-style
 * folders by province (`province=440000/440305-3.parquet`; basic catalogs and lists without a region in
 * `province=__HIVE_DEFAULT_PARTITION__`), so that DuckDB, Spark, Trino or any Parquet reader can run the
 * same analysis. The folder is built next to the target and renamed into place: readers see the old
 * export or the new. An existing target is replaced only when it is empty or an earlier export
 * (`_tongban.json`). docs/national.md describes the columns.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CatalogMeta, ItemMeta } from '../core/national/records.js';
import { release, track } from './cleanup.js';
import { openDuck, type Duck, type DuckAppender } from './duckdb.js';
import { UsageError } from './errors.js';
import { tempNameFor } from './write-stream.js';

/** The marker of an export folder: what it is and which files it holds. */
export const EXPORT_MARKER = '_tongban.json';
export const NULL_PARTITION = '__HIVE_DEFAULT_PARTITION__';
export const PARQUET_VERSION = 1;

/** The columns of each file, in order (province is the folder). */
export const PARQUET_COLUMNS = [
  ['seq', 'INTEGER'],
  ['dir', 'VARCHAR'],
  ['kind', 'VARCHAR'],
  ['catalog_name', 'VARCHAR'],
  ['region', 'VARCHAR'],
  ['region_name', 'VARCHAR'],
  ['level', 'VARCHAR'],
  ['profile', 'VARCHAR'],
  ['ord', 'INTEGER'],
  ['file', 'VARCHAR'],
  ['key', 'VARCHAR'],
  ['code', 'VARCHAR'],
  ['basic_code', 'VARCHAR'],
  ['name', 'VARCHAR'],
  ['type', 'VARCHAR'],
  ['status', 'VARCHAR'],
  ['item', 'VARCHAR'],
] as const;

export interface ParquetSink {
  add(item: Record<string, unknown>, catalog: CatalogMeta, meta: ItemMeta): void;
  /** Writes the files and puts the folder in place. */
  commit(): Promise<void>;
  abort(): void;
}

/** Refuses a target that is not a folder this command may replace. */
function checkTarget(target: string, shown: string): void {
  if (!existsSync(target) && !isLink(target)) return;
  const stats = lstatSync(target);
  if (stats.isSymbolicLink()) throw new UsageError('usage/write-link', { path: shown });
  if (!stats.isDirectory()) throw new UsageError('usage/write-special', { path: shown });
  const entries = readdirSync(target);
  if (entries.length > 0 && !entries.includes(EXPORT_MARKER))
    throw new UsageError('usage/export-folder', { path: shown });
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : null);

export async function openParquetSink(folder: string, shown: string): Promise<ParquetSink> {
  const target = path.resolve(folder);
  checkTarget(target, shown);
  const duck: Duck = await openDuck();
  const { connection } = duck;
  await connection.run(`CREATE TABLE records (${PARQUET_COLUMNS.map(([n, t]) => `"${n}" ${t}`).join(', ')})`);
  const appender: DuckAppender = await connection.createAppender('records');
  const catalogs: CatalogMeta[] = [];
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    duck.close();
  };
  const put = (value: string | null) => (value === null ? appender.appendNull() : appender.appendVarchar(value));
  return {
    add(item, catalog, meta) {
      if (catalogs[catalog.seq] === undefined) catalogs[catalog.seq] = catalog;
      appender.appendInteger(catalog.seq);
      put(catalog.dir);
      put(catalog.kind);
      put(catalog.name);
      put(catalog.region);
      put(catalog.regionName);
      put(catalog.level);
      put(catalog.profile);
      appender.appendInteger(meta.ord);
      put(meta.file);
      put(meta.key);
      put(text(item.code));
      put(text(item.basicCode));
      put(text(item.name));
      put(text(item.type));
      put(text(item.status));
      put(JSON.stringify(item));
      appender.endRow();
    },
    async commit() {
      const temp = tempNameFor(target);
      track(temp);
      try {
        appender.flushSync();
        appender.closeSync();
        mkdirSync(temp);
        const files: { province: string | null; file: string; dir: string; region: string | null; kind: string }[] = [];
        for (const catalog of catalogs) {
          if (catalog === undefined) continue;
          const partition = `province=${catalog.province ?? NULL_PARTITION}`;
          mkdirSync(path.join(temp, partition), { recursive: true });
          const name = `${catalog.region !== null && /^\d{6}$/.test(catalog.region) ? catalog.region : catalog.kind}-${catalog.seq}.parquet`;
          await connection.run(
            'COPY (SELECT * FROM records WHERE seq = $seq ORDER BY ord) TO $file (FORMAT parquet, COMPRESSION zstd)',
            { seq: catalog.seq, file: path.join(temp, partition, name) },
          );
          files.push({
            province: catalog.province,
            file: `${partition}/${name}`,
            dir: catalog.dir,
            region: catalog.region,
            kind: catalog.kind,
          });
        }
        writeFileSync(
          path.join(temp, EXPORT_MARKER),
          JSON.stringify({ export: 'tongban-parquet', version: PARQUET_VERSION, files }, null, 2) + '\n',
        );
        close();
        // The old export (if any) moves aside, the new one in, the old one goes.
        const old = existsSync(target) ? tempNameFor(target) : undefined;
        if (old) {
          track(old);
          renameSync(target, old);
        }
        renameSync(temp, target);
        release(temp);
        if (old) {
          rmSync(old, { recursive: true, force: true });
          release(old);
        }
      } catch (error) {
        close();
        rmSync(temp, { recursive: true, force: true });
        release(temp);
        throw error;
      }
    },
    abort() {
      close();
    },
  };
}
