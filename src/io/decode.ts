/**
 * Bytes of a file → text, or a located finding saying why it cannot be read as a UTF-8 item file.
 * Catalog files from Windows editors are often GBK; name that, and say how to convert.
 */
import { isUtf8 } from 'node:buffer';
import type { Finding, FindingCode } from '../core/diagnostic.js';
import { positionAt } from '../core/position.js';

/** Far beyond any real item (~2 KB); refusing early keeps one bad file from exhausting memory. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Windows editors often start UTF-8 files with a byte-order mark. */
const BOM = '\uFEFF';

function looksLikeGb18030(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function pointFinding(
  file: string,
  code: FindingCode,
  text: string,
  offset: number,
  args: Finding['args'] = {},
): Finding {
  const start = positionAt(text, offset);
  return {
    code,
    severity: 'error',
    file,
    path: '',
    args,
    range: { start, end: { line: start.line, column: start.column + 1 } },
  };
}

export function decodeItemFile(bytes: Uint8Array, file: string): { text: string } | { finding: Finding } {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    const finding: Finding = {
      code: 'file/too-large',
      severity: 'error',
      file,
      path: '',
      args: { size: bytes.byteLength, limit: MAX_FILE_BYTES },
    };
    return { finding };
  }
  if (!isUtf8(bytes)) {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const encoding = looksLikeGb18030(bytes) ? 'GBK/GB18030' : '?';
    // The first replacement character marks the first byte that is not UTF-8.
    return { finding: pointFinding(file, 'file/encoding', lossy, Math.max(0, lossy.indexOf('\uFFFD')), { encoding }) };
  }
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.startsWith(BOM)) text = text.slice(1);
  const nul = text.indexOf('\0');
  if (nul !== -1) return { finding: pointFinding(file, 'file/nul-byte', text, nul) };
  return { text };
}
