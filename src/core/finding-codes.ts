/**
 * Every finding code tongban can report, with its default severity. This one table is the source of the
 * `FindingCode` type, so the compiler checks that every rule reports only codes listed here and that both
 * message catalogs word every code (src/i18n); config validation, SARIF rule metadata and
 * docs/findings.md are derived from it too. A code is `topic/name`; the topic groups related codes.
 */
import type { Severity } from './severity.js';

export const FINDING_CODES = {
  // Reading a file: it is not one UTF-8 YAML mapping document we can trust.
  'file/too-large': 'error',
  'file/encoding': 'error',
  'file/nul-byte': 'error',
  'file/unreadable': 'error',
  'file/link-outside': 'error',
  'file/link-edit': 'error',
  'yaml/too-deep': 'error',
  'yaml/syntax': 'error',
  'yaml/duplicate-key': 'error',
  'yaml/tab-indent': 'error',
  'yaml/warning': 'warning',
  'yaml/multi-document': 'error',
  'yaml/empty': 'error',
  'yaml/not-mapping': 'error',
  'yaml/alias-limit': 'error',

  // A catalog and the basic catalog it names.
  'catalog/basic-missing': 'error',
  'catalog/basic-kind': 'error',
  'catalog/basic-unusable': 'warning',
  'catalog/origin': 'error',
  'catalog/no-basic': 'info',
  'region/unknown': 'error',
  'region/retired': 'warning',

  // The JSON Schema of items, catalog.yaml, ledgers, configs, profiles, mappings and baselines.
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
  // A national element the item does not give: completeness, reported once per element and item.
  'element/missing': 'error',
  'element/missing-in-list': 'error',

  // Unified codes (基本编码, 实施编码) and the agency's USCC.
  'code/missing': 'info',
  'code/not-normalised': 'error',
  'code/basic-length': 'error',
  'code/basic-segment': 'error',
  'code/basic-origin': 'error',
  'code/basic-type': 'error',
  'code/impl-length': 'error',
  'code/impl-segment': 'error',
  'code/impl-shape': 'error',
  'code/impl-agency-check': 'error',
  'code/impl-agency-id': 'error',
  'code/impl-agency': 'error',
  'code/impl-basic': 'error',
  'code/impl-level': 'error',
  'code/duplicate': 'error',
  'code/duplicate-catalog': 'error',
  'code/parent-unknown': 'error',
  'code/parent-mismatch': 'error',
  'uscc/length': 'error',
  'uscc/character': 'error',
  'uscc/check-char': 'error',
  'uscc/org-check': 'error',
  'uscc/region-unknown': 'warning',
  'uscc/region-retired': 'info',

  // The code ledger: on its own, and against the items.
  'ledger/duplicate': 'error',
  'ledger/retired-undated': 'error',
  'ledger/active-retired': 'error',
  'ledger/active-replaced': 'error',
  'ledger/lineage-unknown': 'error',
  'ledger/lineage-one-sided': 'error',
  'ledger/unrecorded': 'warning',
  'ledger/vanished': 'error',
  'ledger/file-moved': 'warning',
  'ledger/file-mismatch': 'error',
  'ledger/retired-in-use': 'error',
  'ledger/issued-elsewhere': 'error',
  'ledger/interrupted': 'error',

  // An implementation item against its region, level and basic item.
  'agency/outside-region': 'warning',
  'agency/level-mismatch': 'warning',
  'basic/unknown-code': 'error',
  'basic/name-mismatch': 'error',
  'basic/type-mismatch': 'error',
  'basic/level-mismatch': 'error',
  'basic/cancelled': 'warning',

  // Cross-field audit rules (domain.md §5).
  'limit/promised-exceeds-statutory': 'error',
  'limit/unit-mismatch': 'warning',
  'limit/immediate-mismatch': 'error',
  'visits/full-online': 'error',
  'visits/reason-missing': 'error',
  'fee/items-missing': 'error',
  'fee/basis-missing': 'error',
  'fee/payment-without-fee': 'warning',
  'contact/missing': 'warning',
  'contact/same-phone': 'warning',
  'contact/not-a-phone': 'warning',
  'contact/area-code': 'warning',
  'process/licensing-steps': 'error',
  'result/sample-missing': 'warning',
  'conditions/catch-all': 'warning',

  // 一件事 (bundles): several items delivered as one matter, against the list's items (domain.md §7).
  'bundle/basic-catalog': 'error',
  'bundle/id-mismatch': 'error',
  'bundle/too-few-members': 'error',
  'bundle/member-unknown': 'error',
  'bundle/member-retired': 'error',
  'bundle/member-duplicate': 'error',
  'bundle/not-a-member': 'error',
  'bundle/agency-no-member': 'error',
  'bundle/agency-not-listed': 'warning',
  'bundle/material-missing': 'error',
  'bundle/material-unlinked': 'error',
  'bundle/material-duplicate': 'error',
  'bundle/material-not-needed': 'warning',
  'bundle/time-exceeds-members': 'error',
  'bundle/figures-contradict': 'error',
  'bundle/figures-mismatch': 'warning',
  // Commands that read bundles they need valid (guide, stats, compare, export): one that fails its schema is left out.
  'bundle/invalid': 'error',
  // `tongban import` of bundles: rows of one bundle that disagree.
  'import/bundle-mismatch': 'error',

  // Findings about findings, and about tongban's own configuration files.
  'suppression/unused': 'warning',
  'config/unknown-code': 'error',
  'config/glob-unsafe': 'error',
  'profile/pattern': 'error',
  'profile/pattern-unsafe': 'error',
  'profile/type-code': 'error',
  'mapping/pattern': 'error',
  'mapping/pattern-unsafe': 'error',
  'mapping/misspelt-key': 'error',
  'mapping/unknown-key': 'error',
  'mapping/constant': 'error',
  'mapping/unknown-list': 'error',

  // Commands that read items they need valid: an item that fails the schema is left out and said so.
  'item/invalid': 'error',
  'item/partial': 'warning',

  // `tongban code assign|retire|merge|split`: why a plan cannot be carried out.
  'assign/profile-unsupported': 'error',
  'assign/type-unknown': 'error',
  'assign/parent-unknown': 'error',
  'assign/exhausted': 'error',
  'assign/agency-invalid': 'error',
  'assign/level-unknown': 'error',
  'assign/element-missing': 'error',
  'assign/code-malformed': 'error',
  'assign/basic-invalid': 'error',
  'assign/impl-retired': 'error',
  'assign/impl-taken': 'error',
  'assign/rename-exists': 'error',
  'lifecycle/unknown-code': 'error',
  'lifecycle/already-retired': 'error',
  'lifecycle/target-missing': 'error',
  'lifecycle/target-coded': 'error',
  'edit/not-block-mapping': 'error',
  'edit/not-plain-scalar': 'error',
  'edit/unsafe': 'error',

  // `tongban guide`: templates and the fields they use.
  'guide/missing-field': 'error',
  'guide/raw-output': 'error',
  'guide/partial-name': 'error',
  'guide/partial-missing': 'error',
  'guide/template-syntax': 'error',

  // `tongban import`: cells and rows that cannot become items.
  'import/not-integer': 'error',
  'import/not-number': 'error',
  'import/not-boolean': 'error',
  'import/not-time-limit': 'error',
  'import/not-in-code-list': 'error',
  'import/not-json': 'error',
  'import/no-name': 'error',
  'import/duplicate-row': 'error',
  'import/cell-too-large': 'error',
  'import/too-deep': 'error',
  'import/not-object': 'error',
  'import/file-taken': 'error',
  'import/ambiguous-match': 'error',
  'import/not-phone': 'error',
  'import/not-materials': 'error',
  'import/material-element': 'error',
  'import/no-records': 'error',
  'import/time-limit-unit': 'error',
} as const satisfies Record<string, Severity>;

export type FindingCode = keyof typeof FINDING_CODES;

/** The part of a code before the slash: `uscc` for `uscc/check-char`. */
export type FindingTopic = FindingCode extends `${infer Topic}/${string}` ? Topic : never;

export const FINDING_CODE_LIST = Object.keys(FINDING_CODES) as readonly FindingCode[];

export function defaultSeverity(code: FindingCode): Severity {
  return FINDING_CODES[code];
}

export function topicOf(code: FindingCode): FindingTopic {
  return code.slice(0, code.indexOf('/')) as FindingTopic;
}
