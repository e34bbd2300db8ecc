/** `tongban code assign [catalogs...]`: plan, then (unless --dry-run) write codes; exit 1 when a plan has problems. */
import type { Command } from 'commander';
import { PLAN_REPORTERS } from '../../reporters/plan/index.js';
import { EXIT_FINDINGS, EXIT_OK, type CommandContext } from '../context.js';

export function codeAssignCommand(code: Command, cli: CommandContext): void {
  const { command, targets } = cli.reportCommand(code, 'assign', 'code.assign', Object.keys(PLAN_REPORTERS));
  command
    .argument('[catalogs...]', cli.t('arg.catalogs'))
    .option('-n, --dry-run', cli.t('code.dryRun'))
    .addHelpText('after', `\n${cli.t('help.examples')}\n${cli.t('examples.assign')}`)
    .action(async (paths: string[], flags: { dryRun?: boolean }) => {
      const outputs = targets();
      const { assignCodes } = await import('../../app/assign-codes.js');
      const workspace = await cli.workspace();
      const result = await cli.withProgress('progress.assign', (onProgress) =>
        assignCodes(workspace, { paths, dryRun: flags.dryRun === true, lang: cli.lang, onProgress }),
      );
      await cli.report(result, PLAN_REPORTERS, outputs);
      cli.exitCode = result.diagnostics.length ? EXIT_FINDINGS : EXIT_OK;
    });
}
