/** `tongban stats [catalogs...]`: the reform's measures; exit 1 when a target is missed. */
import { Option, type Command } from 'commander';
import { ENGINES, type Engine } from '../../app/shared/engines.js';
import { STATS_REPORTERS } from '../../reporters/stats/index.js';
import { EXIT_FINDINGS, EXIT_OK, type CommandContext } from '../context.js';

export function statsCommand(program: Command, cli: CommandContext): void {
  const { command, targets } = cli.reportCommand(program, 'stats', 'stats.description', Object.keys(STATS_REPORTERS), {
    color: true,
  });
  cli.examples(command, 'examples.stats');
  command
    .argument('[catalogs...]', cli.t('stats.catalogs'))
    .addOption(new Option('--engine <name>', cli.t('option.engine')).choices(ENGINES).default('auto'))
    .action(async (paths: string[], flags: { color?: boolean; engine: Engine }) => {
      const outputs = targets();
      const workspace = await cli.workspace();
      // Exports, national sets and --engine duckdb: DuckDB (app/shared/national.ts); else in memory.
      const national = await import('../../app/shared/national.js');
      const { stats } = await import('../../app/stats.js');
      const result =
        national.chooseEngine(workspace, paths.length ? paths : ['.'], flags.engine) === 'duckdb'
          ? await national.statsOnDuckDb(workspace, { paths, lang: cli.lang })
          : await cli.withProgress('progress.stats', (onProgress) =>
              stats(workspace, { paths, lang: cli.lang, onProgress }),
            );
      cli.problems(result.problems);
      await cli.report(result, STATS_REPORTERS, outputs, flags.color);
      const missed = result.catalogs.some((c) => c.targets.some((t) => !t.met));
      cli.exitCode = missed || result.problems.length ? EXIT_FINDINGS : EXIT_OK;
    });
}
