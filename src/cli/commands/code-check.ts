/** `tongban code check [paths...]`: validation's code findings only; exit 1 on any error. */
import type { Command } from 'commander';
import { VALIDATE_REPORTERS } from '../../reporters/validate/index.js';
import { EXIT_FINDINGS, EXIT_OK, type CommandContext } from '../context.js';

export function codeCheckCommand(code: Command, cli: CommandContext): void {
  const { command, targets } = cli.reportCommand(code, 'check', 'code.check', Object.keys(VALIDATE_REPORTERS));
  cli.examples(command, 'examples.check');
  command.argument('[paths...]', cli.t('validate.paths')).action(async (paths: string[]) => {
    const outputs = targets();
    const { checkCodes } = await import('../../app/check-codes.js');
    const result = await checkCodes(await cli.workspace(), { paths, lang: cli.lang });
    await cli.report(result, VALIDATE_REPORTERS, outputs);
    cli.exitCode = result.diagnostics.some((d) => d.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
  });
}
