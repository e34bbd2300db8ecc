/**
 * `tongban code check`: the part of validation that is about codes (duplicates, ledger, USCC, code forms)
 * and the reader and schema problems that hide codes.
 */
import { topicOf, type FindingTopic } from '../core/finding-codes.js';
import type { Lang } from '../i18n/index.js';
import type { Workspace } from '../io/workspace.js';
import { validate, type ValidationResult } from './validate.js';

const CODE_TOPICS: ReadonlySet<FindingTopic> = new Set<FindingTopic>([
  'code',
  'ledger',
  'uscc',
  'yaml',
  'file',
  'schema',
]);

export interface CheckCodesOptions {
  paths?: readonly string[];
  lang?: Lang;
}

export async function checkCodes(workspace: Workspace, options: CheckCodesOptions = {}): Promise<ValidationResult> {
  const result = await validate(workspace, options);
  return { ...result, diagnostics: result.diagnostics.filter((d) => CODE_TOPICS.has(topicOf(d.code))) };
}
