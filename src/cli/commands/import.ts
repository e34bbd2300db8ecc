/** `tongban import <file> --map <mapping> --out <catalog>`: exit 1 when rows could not be read, items conflict or fail validation. */
import { Option, type Command } from 'commander';
import { showTerminalTextDeep } from '../../core/control-chars.js';
import { IMPORT_REPORTERS } from '../../reporters/import/index.js';
import { EXIT_FINDINGS, EXIT_OK, type CommandContext } from '../context.js';

interface ImportFlags {
  map: string;
  out: string;
  encoding: 'auto' | 'utf8' | 'gbk';
  update?: boolean;
  kind?: 'basic' | 'implementation';
  name?: string;
  region?: string;
  level?: string;
  basic?: string;
  origin?: string;
}

export function importCommand(program: Command, cli: CommandContext): void {
  const { command, targets } = cli.reportCommand(
    program,
    'import',
    'import.description',
    Object.keys(IMPORT_REPORTERS),
  );
  cli.examples(command, 'examples.import');
  command
    .argument('<file>', cli.t('import.file'))
    .requiredOption('--map <mapping>', cli.t('import.map'))
    .requiredOption('--out <dir>', cli.t('import.out'))
    .addOption(
      new Option('--encoding <name>', cli.t('import.encoding')).choices(['auto', 'utf8', 'gbk']).default('auto'),
    )
    .option('--update', cli.t('import.update'))
    .addOption(new Option('--kind <kind>', cli.t('import.kind')).choices(['basic', 'implementation']))
    .option('--name <name>', cli.t('import.name'))
    .option('--region <code>', cli.t('import.region'))
    .option('--level <level>', cli.t('import.level'))
    .option('--basic <dir>', cli.t('import.basic'))
    .option('--origin <code>', cli.t('import.origin'))
    .action(async (file: string, flags: ImportFlags) => {
      const outputs = targets();
      const { importItems } = await import('../../app/import-items.js');
      const workspace = await cli.workspace();
      const result = await cli.withProgress('progress.import', (onProgress) =>
        importItems(workspace, {
          file,
          map: flags.map,
          out: flags.out,
          encoding: flags.encoding,
          ...(flags.update ? { update: true } : {}),
          catalog: catalogFlags(flags),
          lang: cli.lang,
          onProgress,
        }),
      );
      for (const r of result.rows) {
        // Cells and headers are the file's text: a line break in one must not print a line of its own.
        const words = showTerminalTextDeep({ file, row: r.row, column: r.column, message: r.message, code: r.code });
        // A nested JSON record is named by where it is, in the brackets of the language.
        cli.err(
          r.at ? cli.t('import.record', { ...words, at: showTerminalTextDeep(r.at) }) : cli.t('import.row', words),
        );
      }
      for (const c of result.conflicts) cli.err(cli.t('import.conflict', { row: c.row, file: c.file }));
      await cli.report(result, IMPORT_REPORTERS, outputs);
      const invalid = result.validation?.diagnostics.some((d) => d.severity === 'error') ?? false;
      cli.exitCode = result.rows.length || result.conflicts.length || invalid ? EXIT_FINDINGS : EXIT_OK;
    });
}

/** The catalog.yaml flags that were given (for a target folder that has none yet). */
function catalogFlags(flags: ImportFlags): Record<string, string> {
  const given: Record<string, string> = {};
  for (const key of ['kind', 'name', 'region', 'level', 'basic', 'origin'] as const) {
    const value = flags[key];
    if (value !== undefined) given[key] = value;
  }
  return given;
}
