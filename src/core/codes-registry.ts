/**
 * Every finding code tongban can report, with its default severity. Rules declare their own codes;
 * the reader's and the schema adapter's are listed here. Config severities, SARIF rule metadata and
 * the message-catalog test all read this one list.
 */
import type { Severity } from './diagnostic.js';
import { RULES } from './rules/index.js';

/** Problems of reading a file: it is not a single UTF-8 YAML mapping document we can trust. */
export const READER_CODES: Record<string, Severity> = {
  'file/too-large': 'error',
  'file/encoding': 'error',
  'file/nul-byte': 'error',
  'file/unreadable': 'error',
  'yaml/too-deep': 'error',
  'yaml/syntax': 'error',
  'yaml/duplicate-key': 'error',
  'yaml/tab-indent': 'error',
  'yaml/warning': 'warning',
  'yaml/multi-document': 'error',
  'yaml/empty': 'error',
  'yaml/not-mapping': 'error',
  'yaml/alias-limit': 'error',
  'catalog/basic-missing': 'error',
  'catalog/basic-kind': 'error',
  'catalog/basic-unusable': 'warning',
};

/** What the ajv adapter reports. */
export const SCHEMA_CODES: Record<string, Severity> = {
  'schema/required': 'error',
  'schema/unknown-property': 'error',
  'schema/type': 'error',
  'schema/type-quote': 'error',
  'schema/enum': 'error',
  'schema/format': 'error',
  'schema/pattern': 'error',
  'schema/range': 'error',
  'schema/empty': 'error',
  'schema/length': 'error',
  'schema/items-count': 'error',
  'schema/unique-items': 'error',
  'schema/invalid': 'error',
};

/** A catalog's ledger.yaml checked on its own (see core/codes/ledger.ts). */
export const LEDGER_CODES: Record<string, Severity> = {
  'ledger/duplicate': 'error',
  'ledger/retired-undated': 'error',
  'ledger/active-retired': 'error',
  'ledger/active-replaced': 'error',
  'ledger/lineage-unknown': 'error',
  'ledger/lineage-one-sided': 'error',
};

/** Findings about findings: suppressions that no longer match anything. */
export const META_CODES: Record<string, Severity> = {
  'suppression/unused': 'warning',
};

export function allCodes(): Record<string, Severity> {
  const codes: Record<string, Severity> = { ...READER_CODES, ...SCHEMA_CODES, ...LEDGER_CODES, ...META_CODES };
  for (const rule of RULES) Object.assign(codes, rule.codes);
  return codes;
}
