/**
 * Builds the command line. Command modules are imported only when their command runs, so
 * `tongban --version` and `--help` load commander and the message catalogs and nothing else.
 */
import { createRequire } from 'node:module';
import { Command, CommanderError, Option } from 'commander';
import { detectLang, formatMessage, LANGS, parseLang, uiText, type Lang } from '../i18n/index.js';
import { ConfigError, UsageError } from '../io/errors.js';
import { exitQuietlyOnClosedPipe, writeStderr } from '../io/write-output.js';
import { helpConfiguration } from './help.js';
import { REPORTER_NAMES } from '../reporters/index.js';
import { outputTargetParsers } from './output-targets.js';

const EXIT_USAGE = 2;

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** The language is needed before parsing, to write the help itself in it. */
function langFromArgv(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value !== undefined) return parseLang(value);
  }
  return undefined;
}

function buildProgram(lang: Lang): Command {
  const t = (key: Parameters<typeof uiText>[1]) => uiText(lang, key);
  const langOption = () => new Option('--lang <lang>', t('option.lang')).choices(LANGS);
  const program = new Command('tongban')
    .description(t('program.description'))
    .version(version, '-V, --version', t('option.version'))
    .helpOption('-h, --help', t('option.help'))
    .helpCommand(false)
    .configureHelp(helpConfiguration(lang))
    .addOption(langOption())
    .exitOverride()
    .showSuggestionAfterError();

  const outputs = outputTargetParsers();
  program
    .command('validate')
    .description(t('validate.description'))
    .argument('[paths...]', t('validate.paths'))
    .addOption(
      new Option('-f, --format <name>', `${t('validate.format')}: ${REPORTER_NAMES.join(', ')}`).argParser(
        outputs.parseFormat,
      ),
    )
    .addOption(new Option('-o, --output <file>', t('validate.output')).argParser(outputs.parseOutput))
    .addOption(new Option('--fail-on <severity>', t('validate.failOn')).choices(['error', 'warning', 'info', 'none']))
    .option('-c, --config <file>', t('validate.config'))
    .option('--no-config', t('validate.noConfig'))
    .option('--baseline <file>', t('validate.baseline'))
    .option('--baseline-write <file>', t('validate.baselineWrite'))
    .option('--changed [ref]', t('validate.changed'))
    .option('--cache', t('validate.cache'))
    .option('--cache-location <dir>', t('validate.cacheLocation'), '.tongban-cache')
    .option('--color', t('validate.color'))
    .option('--no-color', t('validate.noColor'))
    .addOption(langOption())
    .helpOption('-h, --help', t('option.help'))
    .addHelpText('after', '\n' + t('validate.exitCodes'))
    .action(async (paths: string[], options) => {
      const { runValidate } = await import('./commands/validate.js');
      await runValidate(paths, { ...options, targets: outputs.targets, lang, version });
    });
  /**
   * A command that prints one report: its formats (the first is the default), and, for text reports,
   * an output file and colour switches. Every command takes --lang and -h.
   */
  const reportCommand = (
    parent: Command,
    name: string,
    description: Parameters<typeof uiText>[1],
    formats: readonly string[],
    options: { output?: boolean; color?: boolean } = {},
  ) => {
    const command = parent
      .command(name)
      .description(t(description))
      .addOption(new Option('-f, --format <name>', t('validate.format')).choices(formats).default(formats[0]));
    if (options.output) command.option('-o, --output <file>', t('validate.output'));
    if (options.color) command.option('--color', t('validate.color')).option('--no-color', t('validate.noColor'));
    return command.addOption(langOption()).helpOption('-h, --help', t('option.help'));
  };

  reportCommand(program, 'diff', 'diff.description', ['stylish', 'json', 'markdown', 'csv', 'html'], {
    output: true,
    color: true,
  })
    .argument('<left>', t('validate.paths'))
    .argument('[right]', t('validate.paths'))
    .option('--git <ref>', t('diff.git'))
    .option('--exit-code', t('diff.exitCode'))
    .action(async (left: string, right: string | undefined, options) =>
      (await import('./commands/diff.js')).runDiff(left, right, { ...options, lang }),
    );
  reportCommand(program, 'compare', 'compare.description', ['stylish', 'json', 'csv', 'html'], {
    output: true,
    color: true,
  })
    .argument('<catalogs...>', t('validate.paths'))
    .action(async (paths: string[], options) =>
      (await import('./commands/diff.js')).runCompare(paths, { ...options, lang }),
    );
  reportCommand(program, 'guide', 'guide.description', ['html', 'md'])
    .argument('[catalogs...]', t('validate.paths'))
    .option('--out <dir>', t('guide.out'))
    .option('--templates <dir>', t('guide.templates'))
    .option('--item <code>', t('guide.item'))
    .option('--stdout', t('guide.stdout'))
    .action(async (paths: string[], options) =>
      (await import('./commands/guide.js')).runGuide(paths, { ...options, lang }),
    );
  reportCommand(program, 'stats', 'stats.description', ['stylish', 'json', 'csv', 'html'], {
    output: true,
    color: true,
  })
    .argument('[catalogs...]', t('validate.paths'))
    .action(async (paths: string[], options) =>
      (await import('./commands/stats.js')).runStats(paths, { ...options, lang }),
    );
  program
    .command('import')
    .description(t('import.description'))
    .argument('<file>', t('validate.paths'))
    .requiredOption('--map <mapping>', t('import.map'))
    .requiredOption('--out <dir>', t('import.out'))
    .addOption(new Option('--encoding <name>', t('import.encoding')).choices(['auto', 'utf8', 'gbk']).default('auto'))
    .option('--update', t('import.update'))
    .addOption(langOption())
    .helpOption('-h, --help', t('option.help'))
    .action(async (file: string, options) =>
      (await import('./commands/exchange.js')).runImport(file, { ...options, lang }),
    );
  reportCommand(program, 'export', 'export.description', ['csv', 'json', 'jsonl', 'jsonld'], { output: true })
    .argument('[catalogs...]', t('validate.paths'))
    .action(async (paths: string[], options) =>
      (await import('./commands/exchange.js')).runExport(paths, { ...options, lang }),
    );

  const code = program.command('code').description(t('code.description')).helpOption('-h, --help', t('option.help'));
  const codeCommand = (name: string, description: Parameters<typeof uiText>[1]) =>
    reportCommand(code, name, description, ['stylish', 'json']);
  codeCommand('explain', 'code.explain')
    .argument('<codes...>', t('code.codes'))
    .option('--profile <profile>', t('code.profile'), 'national')
    .action(async (codes: string[], options) =>
      (await import('./commands/code.js')).runExplain(codes, { ...options, lang }),
    );
  codeCommand('assign', 'code.assign')
    .argument('[catalogs...]', t('validate.paths'))
    .option('-n, --dry-run', t('code.dryRun'))
    .action(async (paths: string[], options) =>
      (await import('./commands/code.js')).runAssign(paths, { ...options, lang }),
    );
  for (const kind of ['retire', 'merge', 'split'] as const) {
    codeCommand(kind, `code.${kind}`)
      .argument('<catalog>', t('code.catalog'))
      .argument('<codes...>', t('code.codes'))
      .option('--into <files...>', t('code.into'))
      .option('--reason <text>', t('code.reason'))
      .option('-n, --dry-run', t('code.dryRun'))
      .action(async (catalog: string, codes: string[], options) =>
        (await import('./commands/code.js')).runLifecycle(kind, catalog, codes, { ...options, lang }),
      );
  }
  codeCommand('check', 'code.check')
    .argument('[paths...]', t('validate.paths'))
    .action(async (paths: string[], options) =>
      (await import('./commands/code.js')).runCheck(paths, { ...options, lang }),
    );
  return program;
}

async function main(argv: string[]): Promise<void> {
  const lang = langFromArgv(argv) ?? detectLang(process.env);
  try {
    await buildProgram(lang).parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its own message; help and version are successes, everything else is usage.
      const ok = error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
      process.exitCode = ok ? 0 : EXIT_USAGE;
    } else if (error instanceof ConfigError) {
      for (const f of error.findings) {
        const where = f.range ? `${f.file}:${f.range.start.line}:${f.range.start.column}` : f.file;
        writeStderr(`${where}: ${formatMessage(lang, f.code, f.args)} (${f.code})`);
      }
      process.exitCode = EXIT_USAGE;
    } else if (error instanceof UsageError) {
      writeStderr(uiText(lang, 'error.usage', { message: formatMessage(lang, error.messageCode, error.args) }));
      process.exitCode = EXIT_USAGE;
    } else {
      const message = error instanceof Error ? error.message : String(error);
      writeStderr(uiText(lang, 'error.internal', { message }));
      if (process.env.TONGBAN_DEBUG && error instanceof Error && error.stack) writeStderr(error.stack);
      process.exitCode = EXIT_USAGE;
    }
  }
}

exitQuietlyOnClosedPipe();
await main(process.argv);
