/**
 * The guide templates: tongban's defaults (templates/), each file overridden by a publisher's folder of
 * the same layout (`--templates`). Only files inside those folders are ever read.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TemplateSet } from '../core/guide/render.js';
import { UsageError } from './errors.js';
import { displayPath } from './display-path.js';
import { PACKAGE_ROOT } from './package-files.js';

export const DEFAULT_TEMPLATES = path.join(PACKAGE_ROOT, 'templates');

const isFolder = (file: string) => statSync(file, { throwIfNoEntry: false })?.isDirectory() === true;
const isFile = (file: string) => statSync(file, { throwIfNoEntry: false })?.isFile() === true;

/** The `.hbs` files of `dir` (none when it is not a folder; a folder named `x.hbs` is not a template). */
function filesIn(dir: string): string[] {
  return isFolder(dir) ? readdirSync(dir).filter((f) => f.endsWith('.hbs') && isFile(path.join(dir, f))) : [];
}

/** A file of `dir` read only if it really lies inside `dir` (a link out of it is refused). */
function readInside(dir: string, file: string, cwd: string): { file: string; source: string } {
  const absolute = path.join(dir, file);
  const real = realpathSync(absolute);
  if (!real.startsWith(realpathSync(dir) + path.sep))
    throw new UsageError('usage/template-outside', { path: displayPath(cwd, absolute) });
  return { file: displayPath(cwd, absolute), source: readFileSync(real, 'utf8') };
}

export function loadTemplates(cwd: string, custom?: string): TemplateSet {
  const set: TemplateSet = { templates: {}, partials: {} };
  const dirs = [DEFAULT_TEMPLATES, ...(custom ? [path.resolve(cwd, custom)] : [])];
  if (custom && !existsSync(dirs[1] as string)) throw new UsageError('usage/path-not-found', { path: custom });
  if (custom && !isFolder(dirs[1] as string)) throw new UsageError('usage/not-a-folder', { path: custom });
  for (const dir of dirs) {
    for (const file of filesIn(dir)) set.templates[file.slice(0, -'.hbs'.length)] = readInside(dir, file, cwd);
    for (const file of filesIn(path.join(dir, 'partials')))
      set.partials[file.slice(0, -'.hbs'.length)] = readInside(path.join(dir, 'partials'), file, cwd);
  }
  return set;
}
