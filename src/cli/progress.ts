/**
 * A progress bar on stderr for long runs, only where a person is watching: a terminal, not CI, not a
 * pipe. It is cleared before results are printed, so output is the same with or without it.
 */
import { createRequire } from 'node:module';
import type { CliIo } from './io.js';

export const PROGRESS_THRESHOLD = 1000;

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const NONE: Progress = { update: () => {}, stop: () => {} };

export function shouldShowProgress(io: Pick<CliIo, 'stderr' | 'env'>): boolean {
  return io.stderr.isTTY === true && !io.env.CI;
}

/** A bar that appears once a run turns out to be long (`total` ≥ threshold). */
export function terminalProgress(label: string, io: Pick<CliIo, 'stderr' | 'env'>): Progress {
  if (!shouldShowProgress(io)) return NONE;
  let bar: import('cli-progress').SingleBar | undefined;
  return {
    update(done, total) {
      if (total < PROGRESS_THRESHOLD) return;
      if (!bar) {
        const { SingleBar, Presets } = createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');
        bar = new SingleBar(
          {
            stream: io.stderr as NodeJS.WritableStream,
            format: `${label} {bar} {value}/{total} {eta_formatted}`,
            clearOnComplete: true,
            hideCursor: true,
          },
          Presets.shades_classic,
        );
        bar.start(total, done);
      } else bar.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
