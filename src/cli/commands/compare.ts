/** `tongban compare <catalogs...>`: N implementation lists as a consistency matrix. */
import { Option, type Command } from 'commander';
import { ENGINES, type Engine } from '../../app/shared/engines.js';
import { COMPARE_REPORTERS } from '../../reporters/compare/index.js';
import { EXIT_FINDINGS, EXIT_OK, type CommandContext } from '../context.js';

/** TONGBAN_WORKERS=n: how many worker threads compare on DuckDB uses (0: none); unset, or not a count: one per core. */
function workers(env: CommandContext['io']['env']): number | undefined {
  const value = env.TONGBAN_WORKERS;
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

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
    .addOption(new Option('--engine <name>', cli.t('option.engine')).choices(ENGINES).default('auto'))
    .action(async (paths: string[], flags: { color?: boolean; engine: Engine }) => {
      const outputs = targets();
      const workspace = await cli.workspace();
      // Exports, national sets and --engine duckdb: DuckDB (app/shared/national.ts); else in memory.
      const national = await import('../../app/shared/national.js');
      const { compare } = await import('../../app/compare.js');
      const result =
        national.chooseEngine(workspace, paths, flags.engine) === 'duckdb'
          ? await cli.withProgress('progress.compare', (onProgress) =>
              national.compareOnDuckDb(workspace, { paths, lang: cli.lang, workers: workers(cli.io.env), onProgress }),
            )
          : await cli.withProgress('progress.compare', (onProgress) =>
              compare(workspace, { paths, lang: cli.lang, onProgress }),
            );
      cli.problems(result.problems);
      await cli.report(result, COMPARE_REPORTERS, outputs, flags.color);
      cli.exitCode = result.problems.length ? EXIT_FINDINGS : EXIT_OK;
    });
}
