/** `tongban code repair [catalogs...]`: codes and ledger back in agreement after an interruption; exit 1 when something stops it. */
import type { Command } from 'commander';
import { PLAN_REPORTERS } from '../../reporters/plan/index.js';
import { EXIT_FINDINGS, EXIT_OK, type CommandContext } from '../context.js';

export function codeRepairCommand(code: Command, cli: CommandContext): void {
  const { command, targets } = cli.reportCommand(code, 'repair', 'code.repair', Object.keys(PLAN_REPORTERS));
  command
    .argument('[catalogs...]', cli.t('arg.catalogs'))
    .option('-n, --dry-run', cli.t('code.dryRun'))
    .addHelpText('after', `\n${cli.t('help.examples')}\n${cli.t('examples.repair')}`)
    .action(async (paths: string[], flags: { dryRun?: boolean }) => {
      const outputs = targets();
      const { repairCodes } = await import('../../app/repair-codes.js');
      const result = await repairCodes(await cli.workspace(), { paths, dryRun: flags.dryRun === true, lang: cli.lang });
      await cli.report(result, PLAN_REPORTERS, outputs);
      cli.exitCode = result.diagnostics.length ? EXIT_FINDINGS : EXIT_OK;
    });
}
