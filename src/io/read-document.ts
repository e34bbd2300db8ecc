/** One file → its data, its reader findings and its suppression comments. */
import { readFileSync } from 'node:fs';
import type { Finding } from '../core/diagnostic.js';
import type { ItemRead } from '../core/model.js';
import { parseSuppressions, type Suppression } from '../core/suppressions.js';
import { decodeItemFile } from './decode.js';
import { parseItemYaml } from './parse-yaml.js';

/** A file as read: its data (when it holds a YAML mapping), the reader's findings, its suppression comments. */
export interface DocumentRead extends ItemRead {
  suppressions: Suppression[];
}

function readBytes(absolute: string, file: string): Uint8Array | Finding {
  try {
    return readFileSync(absolute);
  } catch (error) {
    return {
      code: 'file/unreadable',
      severity: 'error',
      file,
      path: '',
      args: { reason: (error as NodeJS.ErrnoException).code ?? String(error) },
    };
  }
}

export function readTextFile(absolute: string, file: string): { text: string } | { finding: Finding } {
  const bytes = readBytes(absolute, file);
  return bytes instanceof Uint8Array ? decodeItemFile(bytes, file) : { finding: bytes };
}

export function readDocumentFile(absolute: string, file: string): DocumentRead {
  const bytes = readBytes(absolute, file);
  return bytes instanceof Uint8Array
    ? readDocumentFromBytes(bytes, file)
    : { file, findings: [bytes], suppressions: [] };
}

/** The document in `bytes`; undefined bytes mean the file could not be read. */
export function readDocumentFromBytes(bytes: Uint8Array | undefined, file: string): DocumentRead {
  if (bytes === undefined)
    return {
      file,
      findings: [{ code: 'file/unreadable', severity: 'error', file, path: '', args: { reason: 'read failed' } }],
      suppressions: [],
    };
  const decoded = decodeItemFile(bytes, file);
  if ('finding' in decoded) return { file, findings: [decoded.finding], suppressions: [] };
  const parsed = parseItemYaml(decoded.text, file);
  const read: DocumentRead = { file, findings: parsed.findings, suppressions: parseSuppressions(decoded.text) };
  if (parsed.data !== undefined) read.data = parsed.data;
  return read;
}
