/**
 * A baseline accepts today's findings so that CI fails only on new ones. Entries are identities (see
 * fingerprint.ts) with a count, so two identical findings need two entries' worth of budget, and a
 * finding that moves to another line is still the same finding.
 */
import type { Finding } from './diagnostic.js';
import { findingIdentity, type FindingIdentity } from './fingerprint.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry extends FindingIdentity {
  count: number;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  entries: BaselineEntry[];
}

/** Identities use file paths relative to the baseline file, so the baseline works from any folder. */
export type BaselinePath = (file: string) => string;

function key(identity: FindingIdentity): string {
  return [identity.code, identity.file, identity.path, identity.value].join('\u0000');
}

function identityOf(finding: Finding, toBaselinePath: BaselinePath): FindingIdentity {
  return findingIdentity({ ...finding, file: toBaselinePath(finding.file) });
}

export function createBaseline(findings: readonly Finding[], toBaselinePath: BaselinePath): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    const identity = identityOf(finding, toBaselinePath);
    const entry = entries.get(key(identity));
    if (entry) entry.count++;
    else entries.set(key(identity), { ...identity, count: 1 });
  }
  const sorted = [...entries.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return { version: BASELINE_VERSION, entries: sorted };
}

export interface BaselineComparison {
  /** Not in the baseline: these decide the exit code. */
  fresh: Finding[];
  /** Covered by the baseline. */
  known: number;
  /** Baseline entries (or part of their count) no longer found. */
  fixed: BaselineEntry[];
}

export function compareWithBaseline(
  findings: readonly Finding[],
  baseline: Baseline,
  toBaselinePath: BaselinePath,
): BaselineComparison {
  const budget = new Map(baseline.entries.map((entry) => [key(entry), { entry, left: entry.count }]));
  const fresh: Finding[] = [];
  let known = 0;
  for (const finding of findings) {
    const slot = budget.get(key(identityOf(finding, toBaselinePath)));
    if (slot && slot.left > 0) {
      slot.left--;
      known++;
    } else fresh.push(finding);
  }
  const fixed = [...budget.values()]
    .filter((slot) => slot.left > 0)
    .map(({ entry, left }) => ({ ...entry, count: left }));
  return { fresh, known, fixed };
}
