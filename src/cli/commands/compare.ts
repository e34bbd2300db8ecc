/** `tongban compare <catalogs...>`: N implementation lists as a consistency matrix. */
import type { Command } from 'commander';
import { COMPARE_REPORTERS } from '../../reporters/compare/index.js';
import { EXIT_FINDINGS, EXIT_OK, type CommandContext } from '../context.js';

export function compareCommand(program: Command, cli: CommandContext): void {
  const { command, targets } = cli.reportCommand(
    program,
    'compare',
    'compare.description',
    Object.keys(COMPARE_REPORTERS),
    {
      color: true,
    },
  );
  cli.examples(command, 'examples.compare');
  command
    .argument('<catalogs...>', cli.t('compare.catalogs'))
    .action(async (paths: string[], flags: { color?: boolean }) => {
      const outputs = targets();
      const { compare } = await import('../../app/compare.js');
      const result = await compare(await cli.workspace(), { paths, lang: cli.lang });
      cli.problems(result.problems);
      await cli.report(result, COMPARE_REPORTERS, outputs, flags.color);
      cli.exitCode = result.problems.length ? EXIT_FINDINGS : EXIT_OK;
    });
}
