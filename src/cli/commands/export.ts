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
  cli.examples(command, 'examples.export');
  command
    .argument('[catalogs...]', cli.t('export.catalogs'))
    .option('--bundles', cli.t('export.bundles'))
    .action(async (paths: string[], flags: { bundles?: boolean }) => {
      const outputs = targets();
      const { exportItems } = await import('../../app/export-items.js');
      const result = await exportItems(await cli.workspace(), {
        paths,
        lang: cli.lang,
        bundles: flags.bundles === true,
      });
      if (result.kind === 'mixed' && outputs.some((t) => t.format === 'csv')) {
        // Say which catalogs are of which kind, so the user can export each kind on its own.
        const dirs = (kind: string) =>
          [...new Set(result.records.filter((r) => r.catalog.kind === kind).map((r) => r.catalog.dir))].join(' ');
        throw new UsageError('usage/export-mixed', { basic: dirs('basic'), lists: dirs('implementation') });
      }
      cli.problems(result.problems);
      await cli.report(result, EXPORT_REPORTERS, outputs);
      cli.exitCode = result.problems.length ? EXIT_FINDINGS : EXIT_OK;
    });
}
