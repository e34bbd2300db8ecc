/** `tongban merge-reports <files...>`: the shards of `validate --shard` → reports → exit code as validate's. */
import { Option, type Command } from 'commander';
import { CROSS_CATALOG_CODES } from '../../core/cross-catalog.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import { shouldFail, type FailOn } from '../../core/validation-report.js';
import { VALIDATE_REPORTERS } from '../../reporters/validate/index.js';
import { EXIT_FINDINGS, EXIT_OK, type CommandContext } from '../context.js';

const isCrossCatalogCode = (code: string) => (CROSS_CATALOG_CODES as readonly string[]).includes(code);

interface MergeReportsFlags {
  failOn?: FailOn;
  baseline?: string;
  color?: boolean;
}

export function mergeReportsCommand(program: Command, cli: CommandContext): void {
  const { command, targets } = cli.reportCommand(
    program,
    'merge-reports',
    'mergeReports.description',
    Object.keys(VALIDATE_REPORTERS),
    { color: true },
  );
  command
    .argument('<files...>', cli.t('mergeReports.files'))
    .addOption(
      new Option('--fail-on <severity>', cli.t('validate.failOn')).choices(['error', 'warning', 'info', 'none']),
    )
    .option('--baseline <file>', cli.t('validate.baseline'))
    .addHelpText('after', '\n' + cli.t('mergeReports.exitCodes'))
    .addHelpText('after', `\n${cli.t('help.examples')}\n${cli.t('examples.mergeReports')}`)
    .action(async (files: string[], flags: MergeReportsFlags) => {
      const outputs = targets();
      const { mergeReports } = await import('../../app/merge-reports.js');
      // Only the working folder and the text of files with cross-catalog findings are read: no config.
      const workspace = await cli.workspace({ config: false });
      const result = await mergeReports(workspace, {
        files,
        lang: cli.lang,
        ...(flags.baseline !== undefined ? { baseline: flags.baseline } : {}),
      });
      // Cross-catalog findings are placed by reading their files from the working folder: run from
      // elsewhere, they come without a line, which is said rather than left to be noticed.
      const unplaced = result.diagnostics.filter((d) => d.range === undefined && isCrossCatalogCode(d.code));
      if (unplaced.length)
        cli.err(cli.t('mergeReports.unplaced', { count: unplaced.length, file: (unplaced[0] as Diagnostic).file }));
      await cli.report(result, VALIDATE_REPORTERS, outputs, flags.color);
      const failOn = flags.failOn ?? result.config?.failOn ?? 'error';
      cli.exitCode = shouldFail(result.diagnostics, failOn) ? EXIT_FINDINGS : EXIT_OK;
    });
}
