/** The progress bar appears only for a person at a terminal, only for long runs, and is cleared. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { shouldShowProgress, terminalProgress } from '../../src/cli/progress.js';

function fakeTerminal(isTTY: boolean): { stream: NodeJS.WriteStream; written: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY, columns: 80, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { stream, written: () => text };
}

describe('progress', () => {
  it('shows on a terminal outside CI only', () => {
    expect(shouldShowProgress({ stderr: fakeTerminal(true).stream, env: {} })).toBe(true);
    expect(shouldShowProgress({ stderr: fakeTerminal(true).stream, env: { CI: 'true' } })).toBe(false);
    expect(shouldShowProgress({ stderr: fakeTerminal(false).stream, env: {} })).toBe(false);
  });

  it('draws a bar for a long run and nothing for a short one', () => {
    {
      const long = fakeTerminal(true);
      const bar = terminalProgress('validating', { stderr: long.stream, env: {} });
      for (let done = 1; done <= 2000; done += 500) bar.update(done, 2000);
      bar.stop();
      expect(long.written()).toContain('validating');
      expect(long.written()).toMatch(/\d+\/2000/);

      const short = fakeTerminal(true);
      const quiet = terminalProgress('validating', { stderr: short.stream, env: {} });
      quiet.update(10, 20);
      quiet.stop();
      expect(short.written()).toBe('');
    }
  });
});
