/** `tongban validate [paths...]`: findings → reports → exit 1 when any reaches --fail-on. */
import { Option, type Command } from 'commander';
import { shouldFail, type FailOn } from '../../core/validation-report.js';
import { VALIDATE_REPORTERS } from '../../reporters/validate/index.js';
import { EXIT_FINDINGS, EXIT_OK, type CommandContext } from '../context.js';
import { parseShard } from '../../core/shard.js';
import { UsageError } from '../../io/errors.js';
import { PARTIAL_REPORTERS } from '../../reporters/partial/index.js';
import type { OutputTarget } from '../output-targets.js';

interface ValidateFlags {
  failOn?: FailOn;
  /** A config file, false for none (--no-config), or undefined to look for one. */
  config?: string | false;
  baseline?: string;
  baselineWrite?: string;
  cache?: boolean;
  cacheLocation: string;
  /** true for `--changed` alone (meaning HEAD), or the ref given. */
  changed?: string | boolean;
  color?: boolean;
  /** Every --shard given (more than one is refused). */
  shard?: string[];
}

export function validateCommand(program: Command, cli: CommandContext): void {
  const { command, targets } = cli.reportCommand(
    program,
    'validate',
    'validate.description',
    Object.keys(VALIDATE_REPORTERS),
    {
      color: true,
    },
  );
  command
    .argument('[paths...]', cli.t('validate.paths'))
    .addOption(
      new Option('--fail-on <severity>', cli.t('validate.failOn')).choices(['error', 'warning', 'info', 'none']),
    )
    .option('-c, --config <file>', cli.t('validate.config'))
    .option('--no-config', cli.t('validate.noConfig'))
    .option('--baseline <file>', cli.t('validate.baseline'))
    .option('--baseline-write <file>', cli.t('validate.baselineWrite'))
    .option('--changed [ref]', cli.t('validate.changed'))
    .option('--cache', cli.t('validate.cache'))
    .option('--cache-location <dir>', cli.t('validate.cacheLocation'), '.tongban-cache')
    .option('--shard <i/n>', cli.t('validate.shard'), (value: string, given: string[] = []) => [...given, value])
    .addHelpText('after', '\n' + cli.t('validate.exitCodes'))
    .addHelpText('after', `\n${cli.t('help.examples')}\n${cli.t('examples.validate')}`)
    .action(async (paths: string[], flags: ValidateFlags) => {
      const outputs = targets();
      if (flags.shard !== undefined) {
        await validateShardCommand(cli, paths, flags, outputs);
        return;
      }
      const { validate, saveBaseline } = await import('../../app/validate.js');
      const workspace = await cli.workspace(flags.config !== undefined ? { config: flags.config } : {});
      const result = await cli.withProgress('progress.validating', (onProgress) =>
        validate(workspace, {
          paths,
          lang: cli.lang,
          onProgress,
          ...(flags.cache ? { cache: flags.cacheLocation } : {}),
          ...(flags.changed !== undefined ? { changed: flags.changed === true ? 'HEAD' : String(flags.changed) } : {}),
          // Writing a baseline records every current finding, so it is not compared with an old one.
          ...(flags.baseline !== undefined && flags.baselineWrite === undefined ? { baseline: flags.baseline } : {}),
        }),
      );
      if (flags.baselineWrite !== undefined) {
        const count = saveBaseline(workspace, result, flags.baselineWrite);
        cli.err(cli.t('baseline.written', { file: flags.baselineWrite, count }));
        cli.exitCode = EXIT_OK;
        return;
      }
      await cli.report(result, VALIDATE_REPORTERS, outputs, flags.color);
      const failOn = flags.failOn ?? result.config?.failOn ?? 'error';
      cli.exitCode = shouldFail(result.diagnostics, failOn) ? EXIT_FINDINGS : EXIT_OK;
    });
}

/** `--shard i/n`: one shard's partial report, to -o or stdout; formats and --fail-on belong to merge-reports. */
async function validateShardCommand(
  cli: CommandContext,
  paths: string[],
  flags: ValidateFlags,
  outputs: OutputTarget[],
): Promise<void> {
  const given = flags.shard ?? [];
  if (given.length > 1) throw new UsageError('usage/shard-repeated', { values: given.join(', ') });
  const shard = parseShard(given[0] as string);
  if (!shard) throw new UsageError('usage/shard-argument', { value: given[0] as string });
  const conflicting = [
    flags.failOn !== undefined && '--fail-on',
    flags.baseline !== undefined && '--baseline',
    flags.baselineWrite !== undefined && '--baseline-write',
    flags.changed !== undefined && '--changed',
    flags.cache && '--cache',
    (outputs.length > 1 || outputs[0]?.format !== 'stylish') && '--format',
  ].find(Boolean);
  if (conflicting) throw new UsageError('usage/shard-options', { option: conflicting });
  const { validateShard } = await import('../../app/validate-shard.js');
  const workspace = await cli.workspace(flags.config !== undefined ? { config: flags.config } : {});
  const report = await cli.withProgress('progress.validating', (onProgress) =>
    validateShard(workspace, { paths, shard, onProgress }),
  );
  const output = outputs[0]?.output;
  await cli.report(report, PARTIAL_REPORTERS, [{ format: 'json', ...(output !== undefined ? { output } : {}) }]);
  cli.exitCode = EXIT_OK;
}
