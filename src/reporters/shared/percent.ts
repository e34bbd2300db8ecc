/**
 * A share as a percentage, rounded down so that only a unanimous score reads 100%: 999 of 1000 is
 * 99.9%, 0.97 is 97%. Nothing to score is shown as —.
 */
export function percent(score: number | undefined): string {
  if (score === undefined) return '—';
  if (score >= 1) return '100%';
  return `${Math.floor(score * 1000) / 10}%`;
}
