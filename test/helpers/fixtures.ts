/**
 * Fixture cases for `validate`: a base tree of valid catalogs plus a case folder whose files are laid over
 * it. A case states what it expects inside its own files, under the line the finding points at:
 *
 *     uscc: "114403000971908071"
 *     #     ^ uscc/check-char
 *
 * The caret's column is the expected column; `# @1 code/missing` names column 1 (which a caret cannot
 * reach). Several codes may share one marker. A case with no markers expects no findings at all.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Expected {
  file: string;
  line: number;
  column: number;
  code: string;
}

const MARKER = /^\s*#\s*(?:(\^)|@(\d+))\s+(\S.*)$/;

export function markersIn(file: string, text: string): Expected[] {
  const expected: Expected[] = [];
  let target = 0;
  text.split('\n').forEach((line, index) => {
    const match = MARKER.exec(line);
    if (!match) {
      target = index + 1;
      return;
    }
    const column = match[1] ? line.indexOf('^') + 1 : Number(match[2]);
    for (const code of (match[3] as string).trim().split(/\s+/)) expected.push({ file, line: target, column, code });
  });
  return expected;
}

function filesBelow(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(full).isDirectory() ? filesBelow(full, rel) : [rel];
  });
}

/** Copies the base catalogs and the case's files over them into a fresh folder; returns it and the markers. */
export function materialise(baseDir: string, caseDir: string): { root: string; expected: Expected[] } {
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-case-'));
  cpSync(baseDir, root, { recursive: true });
  cpSync(caseDir, root, { recursive: true });
  const expected = filesBelow(caseDir).flatMap((rel) => markersIn(rel, readFileSync(path.join(caseDir, rel), 'utf8')));
  return { root, expected };
}
