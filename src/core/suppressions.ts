/**
 * Inline suppressions in YAML comments:
 *
 *     # tongban-disable-next-line contact/area-code -- 内部专线，无区号
 *     phone: "83001117"
 *     hours: 全天  # tongban-disable-line conditions/*
 *     # tongban-disable-file result/sample-missing
 *
 * Codes may be globs; none means every code. Text after `--` is the reason and is ignored. A listed code
 * that suppresses nothing is itself reported, so stale suppressions do not pile up.
 */
import picomatch from 'picomatch';
import type { Finding } from './diagnostic.js';

export type SuppressionKind = 'next-line' | 'line' | 'file';

export interface Suppression {
  kind: SuppressionKind;
  /** Where the comment is (1-based). */
  line: number;
  column: number;
  /** Code globs; empty means all codes. */
  codes: string[];
}

const DIRECTIVE = /(?:^|\s)(#\s*tongban-disable-(next-line|line|file))(?=\s|$)(.*)$/;

export function parseSuppressions(text: string): Suppression[] {
  // Most files have none; skip the line scan for them.
  if (!text.includes('tongban-disable-')) return [];
  const out: Suppression[] = [];
  text.split('\n').forEach((content, index) => {
    const match = DIRECTIVE.exec(content);
    if (!match) return;
    const [, comment = '', kind, rest = ''] = match;
    const codes = (rest.split(' -- ')[0] ?? '').split(/[\s,]+/).filter(Boolean);
    out.push({ kind: kind as SuppressionKind, line: index + 1, column: content.indexOf(comment) + 1, codes });
  });
  return out;
}

interface Entry {
  suppression: Suppression;
  /** One per listed code (or one for "all"), so each can be reported unused on its own. */
  code: string | undefined;
  matches: (code: string) => boolean;
  used: boolean;
}

function appliesToLine(suppression: Suppression, line: number | undefined): boolean {
  if (suppression.kind === 'file') return true;
  if (line === undefined) return false;
  return suppression.kind === 'line' ? line === suppression.line : line === suppression.line + 1;
}

export interface SuppressionResult {
  kept: Finding[];
  suppressed: number;
  /** One `suppression/unused` finding per listed code that matched nothing. */
  unused: Finding[];
}

/** Drops suppressed findings. `suppressions` holds every checked file that has any, by display path. */
export function applySuppressions(
  findings: readonly Finding[],
  suppressions: ReadonlyMap<string, readonly Suppression[]>,
): SuppressionResult {
  const entriesByFile = new Map<string, Entry[]>();
  for (const [file, list] of suppressions) {
    entriesByFile.set(
      file,
      list.flatMap((suppression): Entry[] =>
        suppression.codes.length
          ? suppression.codes.map((code) => ({ suppression, code, matches: picomatch(code), used: false }))
          : [{ suppression, code: undefined, matches: () => true, used: false }],
      ),
    );
  }
  const kept: Finding[] = [];
  let suppressed = 0;
  for (const finding of findings) {
    const entries = entriesByFile.get(finding.file) ?? [];
    const hits = entries.filter(
      (e) => appliesToLine(e.suppression, finding.range?.start.line) && e.matches(finding.code),
    );
    for (const hit of hits) hit.used = true;
    if (hits.length) suppressed++;
    else kept.push(finding);
  }
  const unused: Finding[] = [];
  for (const [file, entries] of entriesByFile) {
    for (const { suppression, code, used } of entries) {
      if (used) continue;
      const start = { line: suppression.line, column: suppression.column };
      unused.push({
        code: 'suppression/unused',
        severity: 'warning',
        file,
        path: '',
        args: { rule: code ?? '*' },
        range: { start, end: start },
      });
    }
  }
  return { kept, suppressed, unused };
}
