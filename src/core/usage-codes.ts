/**
 * Every way a call of tongban itself can be wrong (exit code 2): a path that is not there, arguments that
 * do not fit together, a catalog locked by another run. Each has words in both message catalogs, which the
 * compiler checks against this list.
 */
export const USAGE_CODES = [
  'usage/path-not-found',
  'usage/no-catalogs',
  'usage/not-yaml',
  'usage/not-in-catalog',
  'usage/not-a-catalog',
  'usage/one-catalog',
  'usage/config-not-found',
  'usage/profile-not-found',
  'usage/baseline-not-found',
  'usage/git',
  'usage/locked',
  'usage/journal-unreadable',
  'usage/journal-conflict',
  'usage/journal-pending',
  'usage/output-targets',
  'usage/cannot-write',
  'usage/write-link',
  'usage/write-special',
  'usage/merge-arguments',
  'usage/split-arguments',
  'usage/retire-arguments',
  'usage/diff-arguments',
  'usage/compare-arguments',
  'usage/compare-basics',
  'usage/import-json',
  'usage/import-catalog',
  'usage/import-not-file',
  'usage/import-format',
  'usage/import-encoding',
  'usage/import-csv-quote',
  'usage/import-csv',
  'usage/export-mixed',
  'usage/stats-no-lists',
  'usage/template-outside',
  'usage/not-a-folder',
  'usage/guide-outside',
  'usage/guide-stdout',
  'usage/guide-out',
  'usage/guide-folders',
  'usage/guide-item',
] as const;

export type UsageCode = (typeof USAGE_CODES)[number];
