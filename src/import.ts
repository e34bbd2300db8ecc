/**
 * `tongban import`: rows of a spreadsheet or platform export → one YAML item per row. Rows that cannot
 * be read are reported with their row and column, the rest are imported; an existing item that differs
 * is a conflict (nothing is written) unless `update` merges the imported elements into it. Files are
 * streamed, so a 100k-row export does not have to fit in memory; the catalog is validated afterwards.
 */
import { createReadStream, existsSync, mkdirSync, openSync, readSync, closeSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Transform, type Readable } from 'node:stream';
import { isDeepStrictEqual } from 'node:util';
import { parse as parseCsv } from 'csv-parse';
import { COLUMNS } from './core/exchange/columns.js';
import { fileNameOf, mapRow, type Mapping, type RowProblem } from './core/exchange/mapping.js';
import type { CodeListLookup } from './core/exchange/transforms.js';
import { formatMessage, type Lang } from './i18n/index.js';
import { validate, type ValidationResult } from './index.js';
import { environment } from './io/environment.js';
import { ConfigError, UsageError } from './io/errors.js';
import { displayPath } from './io/load-catalogs.js';
import { loadSchemaSet, SCHEMAS_DIR_FOR_MAPPINGS } from './io/load-reference.js';
import { readCheckedYaml } from './io/read-checked-yaml.js';
import { writeFileAtomic } from './io/write-file.js';
import { createRequire } from 'node:module';

export interface ImportOptions {
  cwd?: string;
  lang?: Lang;
  /** A preset name (national, tongban, tongban-basic) or the path of a mapping file. */
  map: string;
  out: string;
  encoding?: 'auto' | 'utf8' | 'gbk';
  /** Merge imported elements into existing items instead of reporting conflicts. */
  update?: boolean;
}

export interface ImportResult {
  written: string[];
  updated: { file: string; fields: string[] }[];
  unchanged: number;
  conflicts: { row: number; file: string }[];
  /** Rows (1 = the header) that could not be read, by column. */
  rows: { row: number; column: string; code: string; message: string }[];
  validation?: ValidationResult;
}

type Row = Record<string, string | undefined>;

/** The code lists as transforms need them: each value (a name, or the online depth's number) by its name and national code. */
function codeLists(): Map<string, CodeListLookup> {
  const lists = new Map<string, CodeListLookup>();
  for (const [key, schema] of Object.entries(loadSchemaSet().shared)) {
    if (!key.startsWith('codelists/')) continue;
    const entries = (schema as { oneOf?: { const: unknown; 'x-code': string; title: string }[] }).oneOf ?? [];
    lists.set(key.slice('codelists/'.length, -'.json'.length), {
      byName: new Map(
        entries.flatMap(
          (e) =>
            [
              [String(e.const), e.const],
              [e.title, e.const],
            ] as [string, unknown][],
        ),
      ),
      byCode: new Map(entries.map((e) => [String(e['x-code']), e.const])),
    });
  }
  return lists;
}

async function readMapping(map: string, cwd: string): Promise<Mapping> {
  const preset = path.join(SCHEMAS_DIR_FOR_MAPPINGS, `${map}.yaml`);
  const file = /^[\w-]+$/.test(map) && existsSync(preset) ? preset : path.resolve(cwd, map);
  if (!existsSync(file)) throw new UsageError('usage/path-not-found', { path: map });
  const schemas = await environment.schemas();
  const result = readCheckedYaml<Mapping>(file, displayPath(cwd, file), [(data) => schemas.mapping(data)]);
  if ('findings' in result) throw new ConfigError(result.findings);
  return result.data;
}

/** GBK from a Windows Excel "CSV" is common: detected when the first 64 KB are not UTF-8. */
function detectEncoding(file: string): 'utf8' | 'gb18030' {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(65536);
  const length = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, length), { stream: true });
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

function decoding(encoding: string): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
}

/** The delimiter of a CSV header line: the most frequent of , ; tab | (Excel in some locales uses ;). */
function sniffDelimiter(headerLine: string): string {
  const counts = [',', ';', '\t', '|'].map((d) => [d, headerLine.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
}

/** Rows with their spreadsheet row numbers (the header is row 1); a JSON line that does not parse is a problem of its row. */
async function* rowsOf(
  file: string,
  encoding: 'utf8' | 'gb18030',
): AsyncGenerator<{ row: number; values: Row; problem?: RowProblem }> {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.json') {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new UsageError('usage/import-json', { path: file, detail: (error as Error).message });
    }
    if (!Array.isArray(data)) throw new UsageError('usage/import-json', { path: file, detail: 'not an array' });
    for (const [index, entry] of data.entries()) yield { row: index + 1, values: flatten(entry) };
    return;
  }
  if (extension === '.jsonl' || extension === '.ndjson') {
    let row = 0;
    for await (const line of createInterface({ input: createReadStream(file, 'utf8') })) {
      row++;
      if (!line.trim()) continue;
      try {
        yield { row, values: flatten(JSON.parse(line)) };
      } catch {
        yield {
          row,
          values: {},
          problem: { column: '—', code: 'import/not-json', args: { value: line.slice(0, 40) } },
        };
      }
    }
    return;
  }
  const text: Readable = createReadStream(file).pipe(decoding(encoding));
  const firstLine = await new Promise<string>((resolve) => {
    const stream = createReadStream(file, { end: 65535 });
    let head = '';
    stream
      .pipe(decoding(encoding))
      .on('data', (chunk: string) => (head += chunk))
      .on('end', () => resolve(head.split(/\r?\n/)[0] ?? ''));
  });
  const parser = text.pipe(
    parseCsv({
      bom: true,
      columns: true,
      delimiter: sniffDelimiter(firstLine),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }),
  );
  for await (const record of parser as AsyncIterable<{ record: Row; info: { records: number } }>) {
    yield { row: record.info.records + 1, values: record.record };
  }
}

/** JSON entries: top-level values as cells (objects and arrays as JSON), like tongban's CSV. */
function flatten(entry: unknown): Row {
  const row: Row = {};
  for (const [key, value] of Object.entries((entry ?? {}) as Record<string, unknown>))
    row[key] = typeof value === 'string' ? value : JSON.stringify(value);
  return row;
}

/** Elements in schema order, so imported files read like hand-written ones. */
function ordered(kind: Mapping['kind'], item: Record<string, unknown>): Record<string, unknown> {
  const order = COLUMNS[kind];
  return Object.fromEntries(
    Object.entries(item).sort(([a], [b]) => (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999)),
  );
}

export async function importFile(input: string, options: ImportOptions): Promise<ImportResult> {
  const cwd = options.cwd ?? process.cwd();
  const lang = options.lang ?? 'en';
  const file = path.resolve(cwd, input);
  if (!existsSync(file)) throw new UsageError('usage/path-not-found', { path: input });
  const mapping = await readMapping(options.map, cwd);
  const out = path.resolve(cwd, options.out);
  if (!existsSync(path.join(out, 'catalog.yaml')) && !mapping.catalog)
    throw new UsageError('usage/import-catalog', { path: options.out });
  const encoding = options.encoding === 'gbk' ? 'gb18030' : options.encoding === 'utf8' ? 'utf8' : detectEncoding(file);
  const lists = codeLists();
  const {
    parse: parseYaml,
    stringify,
    parseDocument,
  } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  const result: ImportResult = { written: [], updated: [], unchanged: 0, conflicts: [], rows: [] };
  const report = (row: number, p: RowProblem) =>
    result.rows.push({
      row,
      column: p.column,
      code: p.code,
      message: formatMessage(lang, p.code, { ...p.args, column: p.column }),
    });

  // Pass 1: read every row, and find conflicts with items already there, writing nothing.
  const seen = new Map<string, number>();
  const existing = (name: string) => path.join(out, 'items', `${name}.yaml`);
  for await (const { row, values, problem } of rowsOf(file, encoding)) {
    if (problem) {
      report(row, problem);
      continue;
    }
    const { item, problems } = mapRow(values, mapping, lists);
    problems.forEach((p) => report(row, p));
    if (problems.length) continue;
    const name = fileNameOf(item, mapping);
    if (name === undefined) {
      report(row, { column: mapping.fileName ?? 'code', code: 'import/no-name', args: {} });
      continue;
    }
    if (seen.has(name)) {
      report(row, {
        column: mapping.fileName ?? 'code',
        code: 'import/duplicate-row',
        args: { other: String(seen.get(name)) },
      });
      continue;
    }
    seen.set(name, row);
    if (!options.update && existsSync(existing(name))) {
      const current = parseYaml(readFileSync(existing(name), 'utf8')) as Record<string, unknown>;
      if (!isDeepStrictEqual(current, item)) result.conflicts.push({ row, file: displayPath(cwd, existing(name)) });
    }
  }
  if (result.conflicts.length) return result;

  // Pass 2: write (or merge) each readable row.
  if (!existsSync(path.join(out, 'catalog.yaml'))) {
    mkdirSync(out, { recursive: true });
    writeFileAtomic(path.join(out, 'catalog.yaml'), stringify(mapping.catalog));
  }
  mkdirSync(path.join(out, 'items'), { recursive: true });
  for await (const { row, values, problem } of rowsOf(file, encoding)) {
    if (problem) continue;
    const { item, problems } = mapRow(values, mapping, lists);
    const name = problems.length ? undefined : fileNameOf(item, mapping);
    if (name === undefined || seen.get(name) !== row) continue;
    const target = existing(name);
    const shown = displayPath(cwd, target);
    if (!existsSync(target)) {
      writeFileAtomic(
        target,
        `# tongban import: ${path.basename(file)} row ${row}\n` +
          stringify(ordered(mapping.kind, item), { lineWidth: 0 }),
      );
      result.written.push(shown);
      continue;
    }
    const doc = parseDocument(readFileSync(target, 'utf8'));
    const current = doc.toJS() as Record<string, unknown>;
    const fields = Object.keys(item).filter((key) => !isDeepStrictEqual(current[key], item[key]));
    if (!fields.length) {
      result.unchanged++;
      continue;
    }
    // Only the imported elements change; the author's comments and other elements stay.
    for (const key of fields) doc.set(key, item[key]);
    writeFileAtomic(target, doc.toString({ lineWidth: 0 }));
    result.updated.push({ file: shown, fields });
  }
  result.validation = await validate([out], { cwd, lang, config: false });
  return result;
}
