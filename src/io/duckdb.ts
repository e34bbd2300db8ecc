/**
 * DuckDB (`@duckdb/node-api`), an optional dependency: loaded only when a command asks for it, so tongban
 * starts as fast without it and installs where it has no build. When it is absent, asking for it is a
 * usage error that says how to install it. Values always travel as parameters, never inside SQL text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { release, track } from './cleanup.js';
import { UsageError } from './errors.js';

/** The few parts of @duckdb/node-api tongban uses (typed here, so tongban builds without the module). */
export type Value = string | number | boolean | null | bigint | object;
type Params = Record<string, Value>;
type Types = Record<string, unknown>;

export interface DuckResult {
  yieldRows(): AsyncIterableIterator<Value[][]>;
}
export interface DuckReader {
  getRows(): Value[][];
}
export interface DuckAppender {
  appendVarchar(value: string): void;
  appendInteger(value: number): void;
  appendNull(): void;
  endRow(): void;
  flushSync(): void;
  closeSync(): void;
}
export interface DuckConnection {
  run(sql: string, values?: Params, types?: Types): Promise<unknown>;
  runAndReadAll(sql: string, values?: Params, types?: Types): Promise<DuckReader>;
  stream(sql: string, values?: Params, types?: Types): Promise<DuckResult>;
  createAppender(table: string): Promise<DuckAppender>;
  closeSync(): void;
}
interface DuckInstance {
  connect(): Promise<DuckConnection>;
  closeSync(): void;
}
interface DuckModule {
  DuckDBInstance: { create(path?: string, options?: Record<string, string>): Promise<DuckInstance> };
  LIST(type: unknown): unknown;
  VARCHAR: unknown;
  listValue(items: readonly Value[]): Value;
}

const MODULE = '@duckdb/node-api';
let loaded: Promise<DuckModule> | undefined;

/** The module, or a usage error (`usage/duckdb-missing`) when it is not installed or cannot load here. */
export function loadDuckDb(): Promise<DuckModule> {
  loaded ??= (import(MODULE) as Promise<DuckModule>).catch((error: unknown) => {
    loaded = undefined;
    throw new UsageError('usage/duckdb-missing', { reason: error instanceof Error ? error.message : String(error) });
  });
  return loaded;
}

/** Whether DuckDB can be loaded here (tests skip what needs it when it cannot). */
export async function duckDbAvailable(): Promise<boolean> {
  try {
    await loadDuckDb();
    return true;
  } catch {
    return false;
  }
}

export interface Duck {
  connection: DuckConnection;
  /** The database's own temporary folder (removed on close): for files made on the way. */
  spill: string;
  /** A list of texts as one parameter (file lists for read_json_objects / read_parquet). */
  texts(values: readonly string[]): { value: Value; type: unknown };
  varchar: unknown;
  close(): void;
}

/**
 * An in-memory database that spills to a temporary folder of its own (removed on close and on every way
 * out), within `memoryLimit`, on all cores unless `threads` says how many. `under` puts that folder inside
 * another temporary folder, whose owner removes it on every way out (a worker thread cannot catch the
 * process's signals to remove its own).
 */
export async function openDuck(memoryLimit = '1GB', options: { threads?: number; under?: string } = {}): Promise<Duck> {
  const duckdb = await loadDuckDb();
  const spill = mkdtempSync(path.join(options.under ?? tmpdir(), 'tongban-duckdb-'));
  if (!options.under) track(spill);
  const instance = await duckdb.DuckDBInstance.create(':memory:', {
    memory_limit: memoryLimit,
    temp_directory: spill,
    ...(options.threads ? { threads: String(options.threads) } : {}),
    // Results come back in the order asked for; nothing is read from the network or autoloaded.
    preserve_insertion_order: 'true',
    autoinstall_known_extensions: 'false',
    enable_external_access: 'true',
  });
  const connection = await instance.connect();
  return {
    connection,
    spill,
    texts: (values) => ({ value: duckdb.listValue([...values]), type: duckdb.LIST(duckdb.VARCHAR) }),
    varchar: duckdb.VARCHAR,
    close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(spill, { recursive: true, force: true });
      if (!options.under) release(spill);
    },
  };
}
