/**
 * The lifecycle of codes (山东 DB37/T 2561 distinguishes new, cancelled, merged and split items): a code is
 * never deleted or reused; it is retired, and merges and splits record lineage both ways.
 */
import type { RuleFinding } from '../diagnostic.js';
import type { Ledger, LedgerEntry } from './ledger.js';

export type LifecycleKind = 'retire' | 'merge' | 'split';

export interface Retirement {
  codes: readonly string[];
  date: string;
  reason: string;
  /** New codes that take the retired ones' place (merge: one; split: several). */
  replacedBy?: readonly string[];
}

/** The ledger after retiring `codes`, or why that is not allowed. */
export function retireInLedger(
  ledger: Ledger,
  retirement: Retirement,
): { ledger: Ledger } | { problems: RuleFinding[] } {
  const problems: RuleFinding[] = [];
  const byCode = new Map(ledger.entries.map((e, index) => [e.code, { entry: e, index }]));
  for (const code of retirement.codes) {
    const known = byCode.get(code);
    if (!known) problems.push({ code: 'lifecycle/unknown-code', path: '', args: { value: code } });
    else if (known.entry.state === 'retired')
      problems.push({
        code: 'lifecycle/already-retired',
        // At the ledger's entry for the code, which says when it was retired.
        path: `/entries/${known.index}/state`,
        args: { value: code, date: known.entry.retired ?? '' },
      });
  }
  for (const code of retirement.replacedBy ?? []) {
    if (!byCode.has(code)) problems.push({ code: 'lifecycle/unknown-code', path: '', args: { value: code } });
  }
  if (problems.length) return { problems };
  const retiring = new Set(retirement.codes);
  const replacing = new Set(retirement.replacedBy ?? []);
  const entries = ledger.entries.map((entry): LedgerEntry => {
    if (retiring.has(entry.code)) {
      const { file: _file, ...rest } = entry;
      return {
        ...rest,
        state: 'retired',
        retired: retirement.date,
        reason: retirement.reason,
        ...(retirement.replacedBy?.length ? { replacedBy: [...retirement.replacedBy] } : {}),
      };
    }
    if (replacing.has(entry.code))
      return { ...entry, replaces: [...new Set([...(entry.replaces ?? []), ...retirement.codes])] };
    return entry;
  });
  return { ledger: { version: 1, entries } };
}
