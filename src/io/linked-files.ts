/**
 * Which files of a catalog are reached through a symbolic link — the file itself, or a folder on its way
 * (`items/` linked elsewhere). Code commands edit items and bundles in place; the safe writer refuses to
 * write through a link, so they ask first and refuse the catalog before anything is written, instead of
 * stopping halfway through a change.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';

export function linkedFiles(catalogDir: string, absolutes: readonly string[]): string[] {
  let realDir: string;
  try {
    realDir = realpathSync(catalogDir);
  } catch {
    return [];
  }
  const linked: string[] = [];
  for (const absolute of absolutes) {
    const expected = path.join(realDir, path.relative(catalogDir, absolute));
    try {
      if (realpathSync(absolute) !== expected) linked.push(absolute);
    } catch {
      // Gone or unreadable: the reader reports it.
    }
  }
  return linked;
}
