/** `tongban init [dir]`: a new project that validates clean; refuses to overwrite anything. */
import type { Command } from 'commander';
import { EXIT_OK, type CommandContext } from '../context.js';

export function initCommand(program: Command, cli: CommandContext): void {
  const command = program
    .command('init')
    .description(cli.t('init.description'))
    .argument('[dir]', cli.t('init.dir'))
    .addOption(cli.langOption())
    .helpOption('-h, --help', cli.t('option.help'));
  cli.examples(command, 'examples.init');
  command.action(async (dir: string | undefined) => {
    const { initProject } = await import('../../app/init-project.js');
    const result = await initProject(await cli.workspace({ config: false }), dir === undefined ? {} : { dir });
    for (const file of result.files) cli.out(cli.t('init.created', { file }) + '\n');
    const cd = result.dir === '.' ? '' : cli.t('init.cd', { dir: result.dir });
    cli.out('\n' + cli.t('init.next', { cd }) + '\n');
    cli.exitCode = EXIT_OK;
  });
}
