/** `tongban stats [catalogs...]`: the reform's measures; exit 1 when a target is missed. */
import type { Command } from 'commander';
import { STATS_REPORTERS } from '../../reporters/stats/index.js';
import { EXIT_FINDINGS, EXIT_OK, type CommandContext } from '../context.js';

export function statsCommand(program: Command, cli: CommandContext): void {
  const { command, targets } = cli.reportCommand(program, 'stats', 'stats.description', Object.keys(STATS_REPORTERS), {
    color: true,
  });
  cli.examples(command, 'examples.stats');
  command
    .argument('[catalogs...]', cli.t('stats.catalogs'))
    .action(async (paths: string[], flags: { color?: boolean }) => {
      const outputs = targets();
      const { stats } = await import('../../app/stats.js');
      const result = await stats(await cli.workspace(), { paths, lang: cli.lang });
      cli.problems(result.problems);
      await cli.report(result, STATS_REPORTERS, outputs, flags.color);
      const missed = result.catalogs.some((c) => c.targets.some((t) => !t.met));
      cli.exitCode = missed || result.problems.length ? EXIT_FINDINGS : EXIT_OK;
    });
}
