/**
 * Cells are hostile input: text handling must stay linear in a cell's length. Each case here took tens of
 * seconds before (a trailing `[…]+$` or a `[ \t]*\n[ \t]*` regex retried at every position of a long run of spaces),
 * and a 1 MiB cell — the most import reads — would have taken close to an hour.
 */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/core/exchange/html-text.js';
import { splitEntries } from '../../src/core/exchange/split.js';
import { parsePhones } from '../../src/core/phones.js';

const SPACES = ' '.repeat(300_000);

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

describe('text handling in time linear in the cell', () => {
  it('a list cell with a long run of spaces inside', () => {
    const { value, ms } = timed(() => splitEntries(`a${SPACES}b\uff1bc`));
    expect(value).toEqual([`a${SPACES}b`, 'c']);
    expect(ms).toBeLessThan(1000);
  });

  it('an HTML cell with a long run of spaces and no line break', () => {
    const { value, ms } = timed(() => htmlToText(`<p>x${SPACES}y</p><p>z</p>`));
    expect(value).toBe(`x${SPACES}y\nz`);
    expect(ms).toBeLessThan(1000);
  });

  it('a phone cell with a long run of spaces before an extension', () => {
    const { value, ms } = timed(() => parsePhones(`a${SPACES}b 转1\uff1b0755-83001117`));
    expect(value.map((p) => p.ok)).toEqual([false, true]);
    expect(ms).toBeLessThan(1000);
  });
});
