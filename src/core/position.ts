import type { Position } from './diagnostic.js';

/** 1-based line and column of a string offset. Used where no YAML parse gives positions (encoding, NUL bytes). */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
