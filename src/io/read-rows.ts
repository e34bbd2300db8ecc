/**
 * The rows of an import file: CSV (UTF-8 or GBK, with or without a byte-order mark, any common delimiter,
 * cells spanning lines), a JSON array, or JSON Lines. Rows are streamed, so a 100k-row export need not fit
 * in memory; each comes with its spreadsheet row number (the header is row 1).
 */
import { closeSync, createReadStream, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Transform, type Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import type { RowProblem } from '../core/exchange/mapping.js';
import { UsageError } from './errors.js';

export type Row = Record<string, string | undefined>;

export interface ReadRow {
  row: number;
  values: Row;
  /** A row that could not be read at all (a JSON Lines line that is not JSON). */
  problem?: RowProblem;
}

export type Encoding = 'utf8' | 'gb18030';

/** The file to import must be there (`given` is how the user named it). */
export function checkImportFile(file: string, given: string): void {
  if (!existsSync(file)) throw new UsageError('usage/path-not-found', { path: given });
}

/** GBK from a Windows Excel "CSV" is common: detected when the first 64 KB are not UTF-8. */
export function detectEncoding(file: string): Encoding {
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

/** JSON entries: top-level values as cells (objects and arrays as JSON), like tongban's CSV. */
function flatten(entry: unknown): Row {
  const row: Row = {};
  for (const [key, value] of Object.entries((entry ?? {}) as Record<string, unknown>)) {
    row[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return row;
}

export async function* readRows(file: string, encoding: Encoding, shown: string): AsyncGenerator<ReadRow> {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.json') {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new UsageError('usage/import-json', { path: shown, detail: (error as Error).message });
    }
    if (!Array.isArray(data)) throw new UsageError('usage/import-json', { path: shown, detail: 'not an array' });
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
