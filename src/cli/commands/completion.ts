/** `tongban completion bash|zsh|fish`: a completion script, generated from this very program. */
import { Argument, type Command } from 'commander';
import { completionScript, SHELLS, type Shell } from '../completion.js';
import { EXIT_OK, type CommandContext } from '../context.js';

export function completionCommand(program: Command, cli: CommandContext): void {
  const command = program
    .command('completion')
    .description(cli.t('completion.description'))
    .addArgument(new Argument('<shell>', cli.t('completion.shell')).choices(SHELLS))
    .addOption(cli.langOption())
    .helpOption('-h, --help', cli.t('option.help'));
  cli.examples(command, 'examples.completion');
  command.action((shell: Shell) => {
    cli.out(completionScript(program, shell, cli.t('option.help')));
    cli.exitCode = EXIT_OK;
  });
}
