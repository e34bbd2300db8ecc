/** `tongban validate`: read → core → reporter → exit code. */
import { validate, shouldFail, type FailOn } from '../../index.js';
import type { Lang } from '../../i18n/index.js';
import { REPORTERS, type ReporterName } from '../../reporters/index.js';
import { useColour, writeStdout } from '../../io/write-output.js';

export interface ValidateCommandOptions {
  format: ReporterName;
  failOn: FailOn;
  color?: boolean;
  lang: Lang;
}

export async function runValidate(paths: string[], options: ValidateCommandOptions): Promise<void> {
  const report = await validate(paths, { lang: options.lang });
  const reporter = await REPORTERS[options.format]();
  const color = useColour(options.color, process.stdout, process.env);
  writeStdout(reporter(report, { lang: options.lang, color }));
  process.exitCode = shouldFail(report.diagnostics, options.failOn) ? 1 : 0;
}
