/**
 * `tongban code retire|merge|split <catalog> <codes...>`: a code retired, or merged or split into new
 * items named by --into; exit 1 when the change is refused.
 */
import type { Command } from 'commander';
import { UsageError } from '../../io/errors.js';
import { PLAN_REPORTERS } from '../../reporters/plan/index.js';
import { EXIT_FINDINGS, EXIT_OK, type CommandContext } from '../context.js';

interface LifecycleFlags {
  into?: string[];
  reason?: string;
  dryRun?: boolean;
  updateBundles?: boolean;
}

export function codeLifecycleCommands(code: Command, cli: CommandContext): void {
  for (const kind of ['retire', 'merge', 'split'] as const) {
    const { command, targets } = cli.reportCommand(code, kind, `code.${kind}`, Object.keys(PLAN_REPORTERS));
    command
      .argument('<catalog>', cli.t('code.catalog'))
      .argument('<codes...>', cli.t(`${kind}.codes`))
      .option('--into <files...>', cli.t('code.into'))
      .option('--reason <text>', cli.t('code.reason'))
      .option('-n, --dry-run', cli.t('code.dryRun'))
      .addHelpText('after', `\n${cli.t('help.examples')}\n${cli.t(`examples.${kind}`)}`)
      .option('--update-bundles', cli.t('code.updateBundles'))
      .action(async (catalog: string, codes: string[], flags: LifecycleFlags) => {
        const outputs = targets();
        const app = await import('../../app/change-codes.js');
        const workspace = await cli.workspace();
        const into = flags.into ?? [];
        const common = {
          catalog,
          dryRun: flags.dryRun === true,
          updateBundles: flags.updateBundles === true,
          lang: cli.lang,
          ...(flags.reason !== undefined ? { reason: flags.reason } : {}),
        };
        let result;
        if (kind === 'retire') {
          if (into.length) throw new UsageError('usage/retire-arguments');
          result = await app.retireCodes(workspace, { ...common, codes });
        } else if (kind === 'merge') {
          if (into.length !== 1) throw new UsageError('usage/merge-arguments');
          result = await app.mergeCodes(workspace, { ...common, codes, into: into[0] as string });
        } else {
          if (codes.length !== 1) throw new UsageError('usage/split-arguments');
          result = await app.splitCodes(workspace, { ...common, code: codes[0] as string, into });
        }
        await cli.report(result, PLAN_REPORTERS, outputs);
        cli.exitCode = result.diagnostics.length ? EXIT_FINDINGS : EXIT_OK;
      });
  }
}
