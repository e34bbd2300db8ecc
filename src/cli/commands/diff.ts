/** `tongban diff <left> [right]`: two catalogs compared; exit 1 with --exit-code when standard elements differ. */
import type { Command } from 'commander';
import { DIFF_REPORTERS } from '../../reporters/diff/index.js';
import { EXIT_FINDINGS, EXIT_OK, type CommandContext } from '../context.js';

export function diffCommand(program: Command, cli: CommandContext): void {
  const { command, targets } = cli.reportCommand(program, 'diff', 'diff.description', Object.keys(DIFF_REPORTERS), {
    color: true,
  });
  cli.examples(command, 'examples.diff');
  command
    .argument('<left>', cli.t('diff.left'))
    .argument('[right]', cli.t('diff.right'))
    .option('--git <ref>', cli.t('diff.git'))
    .option('--exit-code', cli.t('diff.exitCode'))
    .action(
      async (left: string, right: string | undefined, flags: { git?: string; exitCode?: boolean; color?: boolean }) => {
        const outputs = targets();
        const { diff } = await import('../../app/diff.js');
        const workspace = await cli.workspace();
        const result = await cli.withProgress('progress.diff', (onProgress) =>
          diff(workspace, {
            left,
            ...(right !== undefined ? { right } : {}),
            ...(flags.git !== undefined ? { git: flags.git } : {}),
            lang: cli.lang,
            onProgress,
          }),
        );
        cli.problems(result.problems);
        await cli.report(result, DIFF_REPORTERS, outputs, flags.color);
        const differs = flags.exitCode === true && result.findings > 0;
        cli.exitCode = differs || result.problems.length ? EXIT_FINDINGS : EXIT_OK;
      },
    );
}
