/**
 * One progress bar for every long command (validate, guide, export, import, diff, compare, stats, code
 * assign): on stderr, only where a person is watching — a terminal, not CI, never a pipe — with items
 * done of total, items per second and the time left. It appears once a run turns out to be long and is
 * cleared before results are printed, so output is the same with or without it.
 *
 * `TONGBAN_PROGRESS=off` turns it off; `TONGBAN_PROGRESS=always` shows it for short runs too (still only
 * on a terminal outside CI).
 */
import { createRequire } from 'node:module';
import type { CliIo } from './io.js';

/** Runs of fewer items than this finish before a bar would help. */
export const PROGRESS_THRESHOLD = 1000;

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** What the app layer is given: `onProgress(done, total)` as items are read. */
export type OnProgress = (done: number, total: number) => void;

const NONE: Progress = { update: () => {}, stop: () => {} };

export function shouldShowProgress(io: Pick<CliIo, 'stderr' | 'env'>): boolean {
  return io.stderr.isTTY === true && !io.env.CI && io.env.TONGBAN_PROGRESS !== 'off';
}

/**
 * A bar labelled `label`. `line` is the bar's layout in the user's language, with cli-progress's
 * placeholders ({bar}, {value}, {total}, {eta_formatted}) and {speed}, items per second.
 */
export function terminalProgress(
  label: string,
  io: Pick<CliIo, 'stderr' | 'env'>,
  line = '{label} {bar} {value}/{total}  {speed} items/s  ETA {eta_formatted}',
  now: () => number = Date.now,
): Progress {
  if (!shouldShowProgress(io)) return NONE;
  const threshold = io.env.TONGBAN_PROGRESS === 'always' ? 1 : PROGRESS_THRESHOLD;
  let bar: import('cli-progress').SingleBar | undefined;
  const started = now();
  const speed = (done: number) => {
    const seconds = (now() - started) / 1000;
    return { speed: seconds > 0 ? Math.round(done / seconds) : '…' };
  };
  return {
    update(done, total) {
      if (total < threshold) return;
      if (!bar) {
        const { SingleBar, Presets } = createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');
        bar = new SingleBar(
          {
            stream: io.stderr as NodeJS.WritableStream,
            format: line.replace('{label}', label),
            clearOnComplete: true,
            hideCursor: true,
            etaBuffer: 50,
          },
          Presets.shades_classic,
        );
        bar.start(total, done, speed(done));
      } else {
        if (total !== bar.getTotal()) bar.setTotal(total);
        bar.update(done, speed(done));
      }
    },
    stop() {
      bar?.stop();
    },
  };
}
