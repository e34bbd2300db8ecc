/**
 * `tongban init [dir]`: a new project that validates clean — a basic catalog and an implementation list
 * with one commented example item each, tongban.config.yaml and a CI workflow. Nothing is overwritten:
 * when any of these files exists, nothing is written and the usage error names them.
 */
import path from 'node:path';
import { SCAFFOLD_BASIC, SCAFFOLD_LIST, scaffoldFiles } from '../core/init/scaffold.js';
import { displayPath } from '../io/display-path.js';
import { UsageError } from '../io/errors.js';
import { existingFiles, projectFolder, writeProjectFiles } from '../io/project-files.js';
import type { Workspace } from '../io/workspace.js';

export interface InitOptions {
  /** The project folder (created when missing); default: the working folder. */
  dir?: string;
}

export interface InitResult {
  /** The project folder as shown ('.' for the working folder). */
  dir: string;
  /** The files written, as shown. */
  files: string[];
  /** The implementation list and the basic catalog made, as shown. */
  list: string;
  basic: string;
}

export async function initProject(workspace: Workspace, options: InitOptions = {}): Promise<InitResult> {
  const root = projectFolder(workspace.cwd, options.dir ?? '.');
  const files = scaffoldFiles();
  const taken = existingFiles(
    workspace.cwd,
    root,
    files.map((f) => f.path),
  );
  if (taken.length) throw new UsageError('usage/init-exists', { files: taken.join(' ') });
  const written = writeProjectFiles(workspace.cwd, root, files);
  const shown = (relative: string) => displayPath(workspace.cwd, path.join(root, relative));
  return {
    dir: displayPath(workspace.cwd, root),
    files: written,
    list: shown(SCAFFOLD_LIST),
    basic: shown(SCAFFOLD_BASIC),
  };
}
