/**
 * `tongban help [command...]` shows a command's help like `--help`; `tongban help templates` lists every
 * field a guide template can use (from the view models, so it cannot drift).
 */
import type { Command } from 'commander';
import { UsageError } from '../../io/errors.js';
import { EXIT_OK, type CommandContext } from '../context.js';
import { HELP_TOPICS, templatesHelp } from '../help-topics.js';

export function helpTopicCommand(program: Command, cli: CommandContext): void {
  const command = program
    .command('help')
    .description(cli.t('help.description'))
    .argument('[topic...]', cli.t('help.topic'))
    .addOption(cli.langOption())
    .helpOption('-h, --help', cli.t('option.help'));
  cli.examples(command, 'examples.help');
  command.action((topic: string[]) => {
    if (topic.length === 1 && topic[0] === 'templates') {
      cli.out(templatesHelp(cli.lang));
      cli.exitCode = EXIT_OK;
      return;
    }
    let target: Command = program;
    for (const name of topic) {
      const next = target.commands.find((c) => c.name() === name);
      if (!next) throw new UsageError('usage/help-topic', { topic: topic.join(' '), topics: HELP_TOPICS.join(', ') });
      target = next;
    }
    target.outputHelp();
    cli.exitCode = EXIT_OK;
  });
}
