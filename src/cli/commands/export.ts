/** `tongban export [catalogs...]`: items as CSV, JSON, JSON Lines or JSON-LD. */
import type { Command } from 'commander';
import { UsageError } from '../../io/errors.js';
import { EXPORT_REPORTERS } from '../../reporters/export/index.js';
import { EXIT_FINDINGS, EXIT_OK, type CommandContext } from '../context.js';

export function exportCommand(program: Command, cli: CommandContext): void {
  const { command, targets } = cli.reportCommand(
    program,
    'export',
    'export.description',
    Object.keys(EXPORT_REPORTERS),
  );
  command.argument('[catalogs...]', cli.t('validate.paths')).action(async (paths: string[]) => {
    const outputs = targets();
    const { exportItems } = await import('../../app/export-items.js');
    const result = await exportItems(await cli.workspace(), { paths, lang: cli.lang });
    if (result.kind === 'mixed' && outputs.some((t) => t.format === 'csv')) throw new UsageError('usage/export-mixed');
    cli.problems(result.problems);
    await cli.report(result, EXPORT_REPORTERS, outputs);
    cli.exitCode = result.problems.length ? EXIT_FINDINGS : EXIT_OK;
  });
}
