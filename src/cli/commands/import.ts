/** `tongban import <file> --map <mapping> --out <catalog>`: exit 1 when rows could not be read, items conflict or fail validation. */
import { Option, type Command } from 'commander';
import { IMPORT_REPORTERS } from '../../reporters/import/index.js';
import { EXIT_FINDINGS, EXIT_OK, type CommandContext } from '../context.js';

interface ImportFlags {
  map: string;
  out: string;
  encoding: 'auto' | 'utf8' | 'gbk';
  update?: boolean;
}

export function importCommand(program: Command, cli: CommandContext): void {
  const { command, targets } = cli.reportCommand(
    program,
    'import',
    'import.description',
    Object.keys(IMPORT_REPORTERS),
  );
  command
    .argument('<file>', cli.t('validate.paths'))
    .requiredOption('--map <mapping>', cli.t('import.map'))
    .requiredOption('--out <dir>', cli.t('import.out'))
    .addOption(
      new Option('--encoding <name>', cli.t('import.encoding')).choices(['auto', 'utf8', 'gbk']).default('auto'),
    )
    .option('--update', cli.t('import.update'))
    .action(async (file: string, flags: ImportFlags) => {
      const outputs = targets();
      const { importItems } = await import('../../app/import-items.js');
      const result = await importItems(await cli.workspace(), {
        file,
        map: flags.map,
        out: flags.out,
        encoding: flags.encoding,
        ...(flags.update ? { update: true } : {}),
        lang: cli.lang,
      });
      for (const r of result.rows)
        cli.err(cli.t('import.row', { file, row: r.row, column: r.column, message: r.message, code: r.code }));
      for (const c of result.conflicts) cli.err(cli.t('import.conflict', { row: c.row, file: c.file }));
      await cli.report(result, IMPORT_REPORTERS, outputs);
      const invalid = result.validation?.diagnostics.some((d) => d.severity === 'error') ?? false;
      cli.exitCode = result.rows.length || result.conflicts.length || invalid ? EXIT_FINDINGS : EXIT_OK;
    });
}
