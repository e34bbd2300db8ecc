/**
 * The command line as a function: `run(argv, io)` parses the arguments, runs one command against the
 * folder and streams in `io`, and returns the exit code: 0 success, 1 findings (or a report's problems),
 * 2 a usage, configuration or internal error. It never touches `process`, so tests run it in-process.
 */
import { Command, CommanderError } from 'commander';
import { showTerminalText } from '../core/control-chars.js';
import { detectLang, parseLang, type Lang } from '../i18n/index.js';
import { ConfigError, describeError } from '../io/errors.js';
import { VERSION } from '../io/package-files.js';
import { commanderMessage } from './commander-messages.js';
import { CommandContext, EXIT_OK, EXIT_USAGE } from './context.js';
import { codeAssignCommand } from './commands/code-assign.js';
import { codeCheckCommand } from './commands/code-check.js';
import { codeExplainCommand } from './commands/code-explain.js';
import { codeLifecycleCommands } from './commands/code-lifecycle.js';
import { codeRepairCommand } from './commands/code-repair.js';
import { compareCommand } from './commands/compare.js';
import { completionCommand } from './commands/completion.js';
import { diffCommand } from './commands/diff.js';
import { exportCommand } from './commands/export.js';
import { guideCommand } from './commands/guide.js';
import { helpTopicCommand } from './commands/help-topic.js';
import { importCommand } from './commands/import.js';
import { initCommand } from './commands/init.js';
import { mergeReportsCommand } from './commands/merge-reports.js';
import { showCommand } from './commands/show.js';
import { statsCommand } from './commands/stats.js';
import { validateCommand } from './commands/validate.js';
import { helpConfiguration } from './help.js';
import { helpWidth, useColour, type CliIo } from './io.js';

/** The language is needed before parsing, to write the help itself in it. */
function langFromArgv(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value !== undefined) return parseLang(value);
  }
  return undefined;
}

function buildProgram(cli: CommandContext): Command {
  const program = new Command('tongban')
    .description(cli.t('program.description'))
    .version(VERSION, '-V, --version', cli.t('option.version'))
    .helpOption('-h, --help', cli.t('option.help'))
    .helpCommand(false)
    .configureHelp(helpConfiguration(cli.lang))
    .configureOutput({
      writeOut: (text) => cli.io.stdout.write(text),
      writeErr: (text) => cli.io.stderr.write(text),
      // Commander's own errors (unknown option, missing argument…), in the user's language, on one line.
      outputError: (text, write) => write(commanderMessage(text, cli.lang)),
      getOutHelpWidth: () => helpWidth(cli.io.stdout),
      getErrHelpWidth: () => helpWidth(cli.io.stderr),
      getOutHasColors: () => useColour(undefined, cli.io),
      getErrHasColors: () => false,
    })
    .addOption(cli.langOption())
    .exitOverride()
    .showSuggestionAfterError();
  validateCommand(program, cli);
  mergeReportsCommand(program, cli);
  diffCommand(program, cli);
  compareCommand(program, cli);
  guideCommand(program, cli);
  statsCommand(program, cli);
  importCommand(program, cli);
  exportCommand(program, cli);
  const code = program
    .command('code')
    .description(cli.t('code.description'))
    .helpOption('-h, --help', cli.t('option.help'))
    .helpCommand(false);
  codeExplainCommand(code, cli);
  codeAssignCommand(code, cli);
  codeLifecycleCommands(code, cli);
  codeCheckCommand(code, cli);
  codeRepairCommand(code, cli);
  cli.examples(code, 'examples.code');
  initCommand(program, cli);
  showCommand(program, cli);
  completionCommand(program, cli);
  helpTopicCommand(program, cli);
  cli.examples(program, 'examples.program');
  return program;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = langFromArgv(argv) ?? detectLang(io.env);
  const cli = new CommandContext(io, lang, VERSION);
  try {
    await buildProgram(cli).parseAsync([...argv], { from: 'user' });
    return cli.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its own message. Help asked for and the version are successes; help shown
      // because something was missing (`tongban code` alone) is a usage error, like every other.
      const asked = error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
      return asked || (error.code === 'commander.help' && error.exitCode === 0) ? EXIT_OK : EXIT_USAGE;
    }
    const described = describeError(error, lang);
    // Each line names values from files (a glob, a path, a pattern): shown with their line breaks and bidi
    // controls escaped, so no value prints a line of its own.
    if (error instanceof ConfigError && described) {
      for (const line of described) cli.err(showTerminalText(line));
      return EXIT_USAGE;
    }
    if (described) {
      cli.err(cli.t('error.usage', { message: described.map(showTerminalText).join('\n') }));
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    cli.err(cli.t('error.internal', { message }));
    if (io.env.TONGBAN_DEBUG && error instanceof Error && error.stack) cli.err(error.stack);
    return EXIT_USAGE;
  }
}
