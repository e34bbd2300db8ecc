/** `tongban code explain <codes...>`: each code taken apart; exit 1 when any is wrong. */
import type { Command } from 'commander';
import { EXPLAIN_REPORTERS } from '../../reporters/explain/index.js';
import { EXIT_FINDINGS, EXIT_OK, type CommandContext } from '../context.js';

export function codeExplainCommand(code: Command, cli: CommandContext): void {
  const { command, targets } = cli.reportCommand(code, 'explain', 'code.explain', Object.keys(EXPLAIN_REPORTERS));
  command
    .argument('<codes...>', cli.t('explain.codes'))
    .option('--profile <profile>', cli.t('code.explainProfile'), 'auto')
    .addHelpText('after', `\n${cli.t('help.examples')}\n${cli.t('examples.explain')}`)
    .action(async (codes: string[], flags: { profile: string }) => {
      const outputs = targets();
      const { explainCodes } = await import('../../app/explain-codes.js');
      const result = await explainCodes(await cli.workspace(), { codes, profile: flags.profile });
      await cli.report(result, EXPLAIN_REPORTERS, outputs);
      cli.exitCode = result.explanations.some((e) => e.problem) ? EXIT_FINDINGS : EXIT_OK;
    });
}
