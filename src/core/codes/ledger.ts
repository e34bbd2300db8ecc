/**
 * The code ledger: every code a catalog ever issued, so that none is issued twice, even after its item
 * file is deleted. Codes are never edited or removed from it: they are retired, with lineage.
 */
import type { RuleFinding } from '../diagnostic.js';
import { toPointer } from '../pointer.js';

export type LedgerState = 'active' | 'retired';

export interface LedgerEntry {
  code: string;
  state: LedgerState;
  /** Item file of an active code, relative to the catalog folder. */
  file?: string;
  issued: string;
  retired?: string;
  reason?: string;
  replaces?: string[];
  replacedBy?: string[];
}

export interface Ledger {
  version: 1;
  entries: LedgerEntry[];
}

export const EMPTY_LEDGER: Ledger = { version: 1, entries: [] };

/** Problems a hand edit can introduce that the schema cannot see, located in the ledger. */
export function ledgerProblems(ledger: Ledger): RuleFinding[] {
  const out: RuleFinding[] = [];
  const byCode = new Map<string, number>();
  ledger.entries.forEach((entry, index) => {
    const at = (...rest: (string | number)[]) => toPointer(['entries', index, ...rest]);
    const first = byCode.get(entry.code);
    if (first !== undefined)
      out.push({ code: 'ledger/duplicate', path: at('code'), args: { value: entry.code, other: first + 1 } });
    else byCode.set(entry.code, index);
    if (entry.state === 'retired' && entry.retired === undefined)
      out.push({ code: 'ledger/retired-undated', path: at('state'), args: { value: entry.code } });
    if (entry.state === 'active' && entry.retired !== undefined)
      out.push({ code: 'ledger/active-retired', path: at('retired'), args: { value: entry.code } });
    if (entry.state === 'active' && entry.replacedBy?.length)
      out.push({ code: 'ledger/active-replaced', path: at('replacedBy'), args: { value: entry.code } });
  });
  // Lineage must point at codes the ledger knows, both ways.
  ledger.entries.forEach((entry, index) => {
    for (const [field, back] of [
      ['replaces', 'replacedBy'],
      ['replacedBy', 'replaces'],
    ] as const) {
      (entry[field] ?? []).forEach((other, position) => {
        const target = byCode.get(other);
        const path = toPointer(['entries', index, field, position]);
        if (target === undefined)
          out.push({ code: 'ledger/lineage-unknown', path, args: { value: entry.code, other } });
        else if (!(ledger.entries[target]?.[back] ?? []).includes(entry.code))
          out.push({ code: 'ledger/lineage-one-sided', path, args: { value: entry.code, other, field: back } });
      });
    }
  });
  return out;
}

export function ledgerIndex(ledger: Ledger): Map<string, LedgerEntry> {
  return new Map(ledger.entries.map((entry) => [entry.code, entry]));
}
