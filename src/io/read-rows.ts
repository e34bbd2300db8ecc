/**
 * The rows of an import file: CSV (UTF-8, GBK or UTF-16, with or without a byte-order mark, any common
 * delimiter, any mix of CR, LF and CRLF line ends, cells spanning lines), a JSON array, or JSON Lines.
 * Rows are streamed, so a 100k-row export need not fit in memory; each comes with its spreadsheet row
 * number (the header is row 1). Whatever is not such a file is a usage error naming it, never a crash.
 */
import { closeSync, createReadStream, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { pipeline, Transform, type Readable } from 'node:stream';
import { CsvError, parse as parseCsv } from 'csv-parse';
import { MAX_VALUE_DEPTH, nestingExceeds, utf8Length } from '../core/exchange/limits.js';
import type { RowProblem } from '../core/exchange/mapping.js';
import { walkRecords, type RecordsSpec } from '../core/exchange/records.js';
import { MAX_FILE_BYTES } from './decode.js';
import { UsageError } from './errors.js';

export type Row = Record<string, string | undefined>;

export interface ReadRow {
  row: number;
  values: Row;
  /** For a nested JSON record: where it was found (`departments[1].items[3]`). */
  at?: string;
  /** A row that could not be read at all (a JSON Lines line that is not JSON, an entry that is no object). */
  problem?: RowProblem;
  /** Cells that could not be read (nested too deep): left out, the rest of the row is read. */
  problems?: RowProblem[];
}

export type Encoding = 'utf8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export type ImportFormat = 'csv' | 'json' | 'jsonl';

const FORMATS: Record<string, ImportFormat> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** What a file holds, by its extension; undefined for anything import does not read. */
export function importFormatOf(file: string): ImportFormat | undefined {
  return FORMATS[path.extname(file).toLowerCase()];
}

/** The file to import must be there, be a file, and be CSV, JSON or JSON Lines (`given` is how the user named it). */
export function checkImportFile(file: string, given: string): ImportFormat {
  if (!existsSync(file)) throw new UsageError('usage/path-not-found', { path: given });
  if (!statSync(file).isFile()) throw new UsageError('usage/import-not-file', { path: given });
  const format = importFormatOf(file);
  if (!format) throw new UsageError('usage/import-format', { path: given });
  return format;
}

function readHead(file: string, size: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(size);
    return head.subarray(0, readSync(fd, head, 0, size, 0));
  } finally {
    closeSync(fd);
  }
}

/** Whether the whole file decodes in `encoding`: a fatal decoder fed chunk by chunk (linear, little memory). */
function decodesAs(file: string, encoding: Encoding): boolean {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const chunk = Buffer.alloc(1024 * 1024);
  const fd = openSync(file, 'r');
  try {
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      decoder.decode(chunk.subarray(0, read), { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

const startsWith = (bytes: Buffer, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** Zip (.xlsx) and OLE (.xls) workbooks renamed to .csv. */
const WORKBOOK_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0xd0, 0xcf, 0x11, 0xe0],
];

/**
 * UTF-16 without a byte-order mark, from where its NUL bytes fall: ASCII (digits, commas, line ends) has
 * a zero high byte, odd positions in little-endian, even in big-endian. Binary data has NULs at both.
 */
function nulPattern(head: Buffer): Encoding | 'binary' | undefined {
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  const units = Math.floor(head.length / 2);
  if (odd * 10 >= units && even * 4 <= odd && odd > 0) return 'utf-16le';
  if (even * 10 >= units && odd * 4 <= even && even > 0) return 'utf-16be';
  return (even + odd) * 10 >= units && even + odd > 0 ? 'binary' : undefined;
}

/**
 * The encoding of an import file: a byte-order mark says it; else UTF-16 is recognised by its NUL bytes;
 * else the whole file is checked as UTF-8 (GBK from Windows Excel often has only ASCII in its first
 * rows), then as GB18030. Anything else (a workbook, binary data) is a usage error.
 */
export function detectEncoding(file: string, shown: string = file): Encoding {
  const head = readHead(file, 4096);
  const refuse = () => new UsageError('usage/import-encoding', { path: shown });
  const checked = (encoding: Encoding) => {
    if (!decodesAs(file, encoding)) throw refuse();
    return encoding;
  };
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return 'utf8';
  if (startsWith(head, [0xff, 0xfe])) return checked('utf-16le');
  if (startsWith(head, [0xfe, 0xff])) return checked('utf-16be');
  if (WORKBOOK_SIGNATURES.some((signature) => startsWith(head, signature))) throw refuse();
  const byNuls = nulPattern(head);
  if (byNuls === 'binary') throw refuse();
  if (byNuls) return checked(byNuls);
  if (decodesAs(file, 'utf8')) return 'utf8';
  return checked('gb18030');
}

function decoding(encoding: Encoding): Transform {
  // A byte-order mark is dropped by the decoder (ignoreBOM is false).
  const decoder = new TextDecoder(encoding);
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
}

/** The file as text chunks; a read error ends the iteration with that error (no unhandled stream error). */
function textOf(file: string, encoding: Encoding): Readable {
  return pipeline(createReadStream(file), decoding(encoding), () => {});
}

/** The delimiter of a CSV header line: the most frequent of , ; tab | (Excel in some locales uses ;). */
function sniffDelimiter(headerLine: string): string {
  const counts = [',', ';', '\t', '|'].map((d) => [d, headerLine.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
}

const NOT_OBJECT: RowProblem = { column: '—', code: 'import/not-object', args: {} };

/**
 * A JSON entry as cells: text as it is, numbers and booleans as text, objects and arrays as JSON (like
 * tongban's CSV); null is no cell. A value nested too deep to write out (JSON.stringify recurses) is
 * left out and reported; the rest of the entry is read.
 */
function flatten(entry: unknown): { values: Row; problem?: RowProblem; problems?: RowProblem[] } {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return { values: {}, problem: NOT_OBJECT };
  // No prototype: a key such as "__proto__" or "toString" is just a column.
  const values = Object.create(null) as Row;
  const problems: RowProblem[] = [];
  for (const [key, value] of Object.entries(entry as Record<string, unknown>)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'string') {
      values[key] = value;
      continue;
    }
    if (typeof value !== 'object') {
      values[key] = String(value);
      continue;
    }
    const cell = cellOf(value);
    if (cell === TOO_DEEP) {
      problems.push({ column: key, code: 'import/too-deep', args: { limit: String(MAX_VALUE_DEPTH) } });
      continue;
    }
    values[key] = cell;
  }
  return problems.length ? { values, problems } : { values };
}

const TOO_DEEP = Symbol('too deep');
/**
 * An object's cell, worked out once per object: a parent's fields are carried down to each of its records,
 * and a large one (a long list beside the items) would otherwise be written out again for every record.
 */
const cells = new WeakMap<object, string | typeof TOO_DEEP>();

function cellOf(value: object): string | typeof TOO_DEEP {
  let cell = cells.get(value);
  if (cell === undefined) {
    cell = nestingExceeds(value, MAX_VALUE_DEPTH) ? TOO_DEEP : JSON.stringify(value);
    cells.set(value, cell);
  }
  return cell;
}

/** A records path whose first step the document does not have: a usage error naming what is there. */
function recordsMisfit(data: unknown, records: RecordsSpec, found: string, shown: string): UsageError {
  const fields =
    data !== null && typeof data === 'object' && !Array.isArray(data)
      ? Object.keys(data)
          .slice(0, 8)
          .map((k) => JSON.stringify(k).slice(0, 40))
          .join(', ')
      : '—';
  return new UsageError('usage/import-records', { path: shown, field: records.path[0] ?? '', found, fields });
}

/** The records of a parsed JSON document: the top-level array, or where the mapping's `records` says. */
function* recordsOf(data: unknown, records: RecordsSpec | undefined, shown: string): Generator<ReadRow> {
  if (!records) {
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
      const fields = Object.keys(data)
        .slice(0, 8)
        .map((k) => JSON.stringify(k).slice(0, 40))
        .join(', ');
      throw new UsageError('usage/import-json-object', { path: shown, fields });
    }
    if (!Array.isArray(data)) throw new UsageError('usage/import-json', { path: shown, detail: 'not an array' });
    for (const [index, entry] of data.entries()) yield { row: index + 1, ...flatten(entry) };
    return;
  }
  let row = 0;
  for (const found of walkRecords(data, records)) {
    row++;
    // The path does not fit the file at all (its first step is not there): nothing is imported, and no
    // validation of an unchanged catalog follows as if all were well.
    if ('problem' in found && found.at === '') throw recordsMisfit(data, records, found.found, shown);
    if ('problem' in found) {
      const problem: RowProblem =
        found.problem === 'not-object'
          ? NOT_OBJECT
          : { column: found.field ?? '—', code: 'import/no-records', args: { at: found.at } };
      yield { row, at: found.at, values: {}, problem };
      continue;
    }
    yield { row, at: found.at, ...flatten(found.fields) };
  }
}

/**
 * Lines of a text stream ended by LF, CRLF or CR. A line longer than `maxBytes` is not kept in memory:
 * it comes as its length only.
 */
async function* linesOf(text: AsyncIterable<string>, maxBytes: number): AsyncGenerator<string | { bytes: number }> {
  let parts: string[] = [];
  let bytes = 0;
  let afterCr = false;
  const add = (piece: string) => {
    if (piece === '') return;
    bytes += utf8Length(piece);
    if (bytes <= maxBytes) parts.push(piece);
    else parts = [];
  };
  const end = () => {
    const line = bytes > maxBytes ? { bytes } : parts.join('');
    parts = [];
    bytes = 0;
    return line;
  };
  for await (const chunk of text as AsyncIterable<string>) {
    if (chunk === '') continue;
    // A CR that ended the previous chunk and the LF that starts this one are one line end.
    let start: number = afterCr && chunk.startsWith('\n') ? 1 : 0;
    afterCr = false;
    const breaks = /\r\n|\n|\r/g;
    breaks.lastIndex = start;
    for (let match = breaks.exec(chunk); match; match = breaks.exec(chunk)) {
      add(chunk.slice(start, match.index));
      yield end();
      start = match.index + match[0].length;
      afterCr = match[0] === '\r' && start === chunk.length;
    }
    add(chunk.slice(start));
  }
  if (bytes > 0) yield end();
}

const QUOTE_ERRORS = new Set(['CSV_QUOTE_NOT_CLOSED', 'INVALID_OPENING_QUOTE', 'CSV_INVALID_CLOSING_QUOTE']);

/** A CSV that cannot be parsed: a located usage error (nothing is imported from a file read wrong). */
function csvError(error: CsvError, shown: string, last: { lines: number; emptyLines: number }): UsageError {
  const header = error.header === true;
  const row = header ? 1 : Number(error.records ?? 0) + 2;
  const lines = Number(error.lines ?? 0);
  if (QUOTE_ERRORS.has(error.code)) {
    // An unclosed quote is noticed only at the end of the file: it opened in the record after the last one read.
    const line =
      error.code !== 'CSV_QUOTE_NOT_CLOSED'
        ? lines
        : header
          ? 1
          : last.lines + (Number(error.empty_lines ?? 0) - last.emptyLines) + 1;
    return new UsageError('usage/import-csv-quote', { path: shown, row, line });
  }
  return new UsageError('usage/import-csv', { path: shown, row, line: lines, detail: error.message });
}

/** A web page saved with a .csv or .txt name: said as such, not read as one odd column. */
const HTML_START = /^\s*(?:<!doctype\s+html|<html[\s>]|<table[\s>]|<head[\s>]|<body[\s>]|<\?xml)/i;

export async function* readRows(
  file: string,
  encoding: Encoding,
  shown: string,
  records?: RecordsSpec,
): AsyncGenerator<ReadRow> {
  const format = importFormatOf(file) ?? 'csv';
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(new TextDecoder(encoding).decode(readFileSync(file)));
    } catch (error) {
      throw new UsageError('usage/import-json', { path: shown, detail: (error as Error).message });
    }
    yield* recordsOf(data, records, shown);
    return;
  }
  if (format === 'jsonl') {
    let row = 0;
    for await (const line of linesOf(textOf(file, encoding), MAX_FILE_BYTES)) {
      row++;
      if (typeof line !== 'string') {
        const args = { size: String(line.bytes), limit: String(MAX_FILE_BYTES) };
        yield { row, values: {}, problem: { column: '—', code: 'import/cell-too-large', args } };
        continue;
      }
      if (!line.trim()) continue;
      let entry: unknown;
      try {
        entry = JSON.parse(line);
      } catch {
        yield {
          row,
          values: {},
          problem: { column: '—', code: 'import/not-json', args: { value: line.slice(0, 40) } },
        };
        continue;
      }
      if (!records) {
        yield { row, ...flatten(entry) };
        continue;
      }
      // Each line is a document of its own; its records are numbered by line.
      for (const found of recordsOf(entry, records, shown)) yield { ...found, row };
    }
    return;
  }
  const head = new TextDecoder(encoding).decode(readHead(file, 65536));
  if (HTML_START.test(head.replace(/^\uFEFF/, ''))) throw new UsageError('usage/import-html', { path: shown });
  const last = { lines: 0, emptyLines: 0 };
  const parser = pipeline(
    createReadStream(file),
    decoding(encoding),
    parseCsv({
      bom: true,
      columns: true,
      delimiter: sniffDelimiter(head.split(/\r\n|\n|\r/)[0] ?? ''),
      // Files edited on several systems mix line ends; a bare CR (old Mac Excel) ends a row too.
      record_delimiter: ['\r\n', '\n', '\r'],
      // No row of an item comes near this; past it a quote is almost certainly unbalanced.
      max_record_size: MAX_FILE_BYTES,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      on_record: (record, context) => {
        last.lines = context.lines;
        last.emptyLines = context.empty_lines;
        return record;
      },
    }),
    () => {},
  );
  try {
    for await (const record of parser as AsyncIterable<{ record: Row; info: { records: number } }>) {
      yield { row: record.info.records + 1, values: record.record };
    }
  } catch (error) {
    if (error instanceof CsvError) throw csvError(error, shown, last);
    throw error;
  }
}
