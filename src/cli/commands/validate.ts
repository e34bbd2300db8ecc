/** `tongban validate`: read → core → reporters → outputs → exit code. */
import { saveBaseline, validate, shouldFail, type FailOn } from '../../index.js';
import { uiText, type Lang } from '../../i18n/index.js';
import { REPORTERS } from '../../reporters/index.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { useColour, writeStderr, writeStdout } from '../../io/write-output.js';
import { terminalProgress } from '../../io/progress.js';
import { resolveTargets, type OutputTarget } from '../output-targets.js';

const EXIT_USAGE = 2;

export interface ValidateCommandOptions {
  targets: OutputTarget[];
  failOn?: FailOn;
  /** A config file, false for none (--no-config), or undefined to look for one. */
  config?: string | false;
  baseline?: string;
  baselineWrite?: string;
  cache?: boolean;
  cacheLocation: string;
  /** true for `--changed` alone (meaning HEAD), or the ref given. */
  changed?: string | boolean;
  color?: boolean;
  lang: Lang;
  version: string;
}

export async function runValidate(paths: string[], options: ValidateCommandOptions): Promise<void> {
  const targets = resolveTargets(options.targets);
  if ('error' in targets) {
    writeStderr(uiText(options.lang, 'error.usage', { message: uiText(options.lang, 'error.targets') }));
    process.exitCode = EXIT_USAGE;
    return;
  }
  const progress = terminalProgress(uiText(options.lang, 'progress.validating'));
  let report: Awaited<ReturnType<typeof validate>>;
  try {
    report = await validate(paths, {
      lang: options.lang,
      onProgress: (done, total) => progress.update(done, total),
      ...(options.cache ? { cache: options.cacheLocation } : {}),
      ...(options.changed !== undefined
        ? { changed: options.changed === true ? 'HEAD' : String(options.changed) }
        : {}),
      ...(options.config !== undefined ? { config: options.config } : {}),
      // Writing a baseline records every current finding, so it is not compared with an old one.
      ...(options.baseline !== undefined && options.baselineWrite === undefined ? { baseline: options.baseline } : {}),
    });
  } finally {
    progress.stop();
  }
  if (options.baselineWrite !== undefined) {
    const count = saveBaseline(report, options.baselineWrite);
    writeStderr(uiText(options.lang, 'baseline.written', { file: options.baselineWrite, count }));
    process.exitCode = 0;
    return;
  }
  for (const { format, output } of targets) {
    const reporter = await REPORTERS[format]();
    // Files never get colour; stdout gets it on a terminal (or when asked).
    const color = output === undefined && useColour(options.color, process.stdout, process.env);
    const text = reporter(report, { lang: options.lang, color, version: options.version });
    if (output === undefined) writeStdout(text);
    else writeFileAtomic(output, text);
  }
  const failOn = options.failOn ?? report.config?.failOn ?? 'error';
  process.exitCode = shouldFail(report.diagnostics, failOn) ? 1 : 0;
}
