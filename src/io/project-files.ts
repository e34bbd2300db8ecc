/** The files `tongban init` lays out in a project folder: which exist already, and writing the new ones. */
import { existsSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from './display-path.js';
import { UsageError } from './errors.js';
import { writeFileAtomic } from './write-file.js';

/** `relative` paths (with `/`) under `root` that exist already (a file, a folder or a link), as shown from `cwd`. */
export function existingFiles(cwd: string, root: string, relative: readonly string[]): string[] {
  return relative
    .map((file) => path.join(root, ...file.split('/')))
    .filter((absolute) => {
      try {
        lstatSync(absolute);
        return true;
      } catch {
        return false;
      }
    })
    .map((absolute) => displayPath(cwd, absolute));
}

/** The project folder: created when missing; a file of that name is refused. */
export function projectFolder(cwd: string, dir: string): string {
  const root = path.resolve(cwd, dir);
  if (existsSync(root) && !lstatSync(root).isDirectory()) throw new UsageError('usage/not-a-folder', { path: dir });
  return root;
}

/** Writes each file under `root` (folders made as needed); returns their paths as shown from `cwd`. */
export function writeProjectFiles(
  cwd: string,
  root: string,
  files: readonly { path: string; text: string }[],
): string[] {
  return files.map((file) => {
    const absolute = path.join(root, ...file.path.split('/'));
    const shown = displayPath(cwd, absolute);
    writeFileAtomic(absolute, file.text, shown);
    return shown;
  });
}
