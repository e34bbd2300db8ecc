/**
 * The checks that need more than one catalog at a time, run over small summaries rather than items, so
 * that a single run and the merge of sharded runs (`validate --shard`, `merge-reports`) compute them the
 * same way from the same facts:
 *
 * - `code/duplicate-catalog`: an item holds a code that an item of another catalog holds (一事一码 across
 *   catalogs; within one catalog it is `code/duplicate`);
 * - `ledger/issued-elsewhere`: a ledger records a code that another catalog's ledger has already issued.
 *
 * Who keeps a code is decided from the summaries alone, so it is the same whatever order catalogs were found
 * or sharded in: the first catalog (in path order) that holds it and whose ledger records it, else the first
 * catalog in path order that holds it. So an item copied into another catalog is the one reported, not the
 * original its own ledger records.
 */
import { findingIn, type Finding } from './diagnostic.js';
import type { LedgerState } from './codes/ledger.js';
import { toPointer } from './pointer.js';

/** What the cross-catalog checks need of one catalog. */
export interface CatalogSummary {
  /** The catalog folder as shown. */
  dir: string;
  /** `[file, code]` of every item the schema accepted that holds a code, in file order. */
  codes: [file: string, code: string][];
  /** The catalog's ledger, when it has a valid one: each entry's code and state, in ledger order. */
  ledger?: { file: string; entries: [code: string, state: LedgerState][] };
}

/** The finding codes the cross-catalog checks report. */
export const CROSS_CATALOG_CODES = ['code/duplicate-catalog', 'ledger/issued-elsewhere'] as const;

const byDir = (a: CatalogSummary, b: CatalogSummary): number => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0);

/** Findings with their default severities; the caller applies the configuration, positions and scope. */
export function crossCatalogFindings(summaries: readonly CatalogSummary[]): Finding[] {
  const ordered = [...summaries].sort(byDir);
  const out: Finding[] = [];
  const recorded = new Map<string, Set<string>>();
  for (const { dir, ledger } of ordered) if (ledger) recorded.set(dir, new Set(ledger.entries.map(([code]) => code)));
  const keeper = new Map<string, { dir: string; file: string; recorded: boolean }>();
  for (const { dir, codes } of ordered)
    for (const [file, code] of codes) {
      const kept = keeper.get(code);
      const inLedger = recorded.get(dir)?.has(code) === true;
      if (kept === undefined || (inLedger && !kept.recorded)) keeper.set(code, { dir, file, recorded: inLedger });
    }
  for (const { dir, codes } of ordered)
    for (const [file, code] of codes) {
      const kept = keeper.get(code);
      if (kept !== undefined && kept.dir !== dir)
        out.push(
          findingIn(file, { code: 'code/duplicate-catalog', path: '/code', args: { value: code, other: kept.file } }),
        );
    }
  const issuer = new Map<string, { dir: string; file: string }>();
  for (const { dir, ledger } of ordered) {
    if (!ledger) continue;
    ledger.entries.forEach(([code], index) => {
      const first = issuer.get(code);
      if (first === undefined) issuer.set(code, { dir, file: ledger.file });
      else if (first.dir !== dir)
        out.push(
          findingIn(ledger.file, {
            code: 'ledger/issued-elsewhere',
            path: toPointer(['entries', index, 'code']),
            args: { value: code, other: first.file },
          }),
        );
    });
  }
  return out;
}
