/** `tongban show <code|name> [catalogs...]`: one item readably (or as YAML or JSON); exit 2 when none matches. */
import type { Command } from 'commander';
import { SHOW_REPORTERS } from '../../reporters/show/index.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CommandContext } from '../context.js';

export function showCommand(program: Command, cli: CommandContext): void {
  const { command, targets } = cli.reportCommand(program, 'show', 'show.description', Object.keys(SHOW_REPORTERS));
  cli.examples(command, 'examples.show');
  command
    .argument('<code|name>', cli.t('show.query'))
    .argument('[catalogs...]', cli.t('arg.catalogs'))
    .action(async (query: string, paths: string[]) => {
      const outputs = targets();
      const { showItem } = await import('../../app/show-item.js');
      const result = await showItem(await cli.workspace(), { query, paths, lang: cli.lang });
      cli.problems(result.problems);
      if (result.items.length === 0) {
        // Not found is a usage error (exit 2, one line), which names the nearest items.
        const where = paths.length ? paths.join(' ') : '.';
        const names = result.suggestions
          .map((s) =>
            s.code === null ? s.name : cli.lang === 'en' ? `${s.name} (${s.code})` : `${s.name}（${s.code}）`,
          )
          .join(cli.lang === 'en' ? ', ' : '、');
        const similar = names ? cli.t('show.similar', { names }) : '';
        cli.err(cli.t('error.usage', { message: cli.t('show.notFound', { query, paths: where }) + similar }));
        cli.exitCode = EXIT_USAGE;
        return;
      }
      await cli.report(result, SHOW_REPORTERS, outputs);
      cli.exitCode = result.problems.length ? EXIT_FINDINGS : EXIT_OK;
    });
}
