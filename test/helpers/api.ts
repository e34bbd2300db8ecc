/**
 * The public API as tests call it most: a workspace opened at a folder (with or without a config), then
 * one use case. Errors of either step reject the one promise, so `.catch` sees both.
 */
import {
  assignCodes,
  buildGuides,
  compare,
  diff,
  exportItems,
  importItems,
  mergeCodes,
  openWorkspace,
  REPORTERS,
  retireCodes,
  splitCodes,
  stats,
  validate,
  type AssignCodesOptions,
  type GuideOptions,
  type ImportOptions,
  type MergeCodesOptions,
  type RetireCodesOptions,
  type SplitCodesOptions,
  type ValidateOptions,
  type Workspace,
} from '../../src/index.js';

type WithConfig<T> = T & { config?: string | false };

export function workspaceAt(cwd: string, config?: string | false): Promise<Workspace> {
  return openWorkspace({ cwd, ...(config !== undefined ? { config } : {}) });
}

export async function validateAt(cwd: string, paths: string[], options: WithConfig<ValidateOptions> = {}) {
  const { config, ...rest } = options;
  return validate(await workspaceAt(cwd, config), { paths, ...rest });
}

export async function diffAt(cwd: string, left: string, right?: string, git?: string) {
  return diff(await workspaceAt(cwd), { left, ...(right !== undefined ? { right } : {}), ...(git ? { git } : {}) });
}

export async function compareAt(cwd: string, paths: string[]) {
  return compare(await workspaceAt(cwd), { paths });
}

export async function statsAt(cwd: string, paths: string[]) {
  return stats(await workspaceAt(cwd), { paths });
}

export async function exportAt(cwd: string, paths: string[]) {
  return exportItems(await workspaceAt(cwd), { paths });
}

export async function importAt(cwd: string, options: ImportOptions) {
  return importItems(await workspaceAt(cwd), options);
}

export async function guidesAt(cwd: string, options: GuideOptions) {
  return buildGuides(await workspaceAt(cwd), options);
}

export async function assignAt(cwd: string, paths: string[], options: AssignCodesOptions = {}) {
  return assignCodes(await workspaceAt(cwd), { paths, ...options });
}

export async function retireAt(cwd: string, options: RetireCodesOptions) {
  return retireCodes(await workspaceAt(cwd), options);
}

export async function mergeAt(cwd: string, options: MergeCodesOptions) {
  return mergeCodes(await workspaceAt(cwd), options);
}

export async function splitAt(cwd: string, options: SplitCodesOptions) {
  return splitCodes(await workspaceAt(cwd), options);
}

/** Items exported in one format, as `tongban export -f <format>` writes them. */
export async function exportAs(cwd: string, paths: string[], format: keyof typeof REPORTERS.export): Promise<string> {
  const reporter = await REPORTERS.export[format]();
  return reporter(await exportAt(cwd, paths), { lang: 'en', color: false, version: 'test' });
}
