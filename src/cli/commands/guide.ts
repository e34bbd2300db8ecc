/**
 * `tongban guide [catalogs...] -f html|md -o <folder>`: 办事指南 for every item; each -f/-o pair builds one
 * format into one folder (`--out` names the folder of a single format). `--stdout` prints one item's page.
 */
import type { Command } from 'commander';
import { UsageError } from '../../io/errors.js';
import { GUIDE_REPORTERS } from '../../reporters/guide/index.js';
import { EXIT_FINDINGS, EXIT_OK, type CommandContext } from '../context.js';
import type { OutputTarget } from '../output-targets.js';

const SITE_FORMATS = ['html', 'md'] as const;

interface GuideFlags {
  out?: string;
  templates?: string;
  item?: string;
  baseUrl?: string;
  stdout?: boolean;
}

/** Each format with its folder: `--out` serves a format given without `-o`. */
function sites(targets: OutputTarget[], flags: GuideFlags): { format: 'html' | 'md'; out?: string }[] {
  return targets.map((t) => {
    const out = t.output ?? flags.out;
    return { format: t.format as 'html' | 'md', ...(out !== undefined ? { out } : {}) };
  });
}

export function guideCommand(program: Command, cli: CommandContext): void {
  const { command, given } = cli.reportCommand(program, 'guide', 'guide.description', SITE_FORMATS, {
    outputHelp: 'guide.out',
  });
  cli.examples(command, 'examples.guide');
  command
    .argument('[catalogs...]', cli.t('arg.catalogs'))
    .option('--out <dir>', cli.t('guide.out'))
    .option('--templates <dir>', cli.t('guide.templates'))
    .option('--item <code>', cli.t('guide.item'))
    .option('--base-url <url>', cli.t('guide.baseUrl'))
    .option('--stdout', cli.t('guide.stdout'))
    .action(async (paths: string[], flags: GuideFlags) => {
      const targets = given();
      // --out serves the formats given without -o: with none such, it would be ignored without a word.
      if (flags.out !== undefined && targets.every((t) => t.output !== undefined))
        throw new UsageError('usage/guide-out-unused', { out: flags.out });
      const builds = sites(targets, flags);
      if (flags.stdout && (flags.item === undefined || builds.length !== 1 || builds[0]?.format !== 'md')) {
        throw new UsageError('usage/guide-stdout');
      }
      if (!flags.stdout && builds.some((b) => b.out === undefined)) throw new UsageError('usage/guide-out');
      // Each build deletes the pages its folder no longer needs, so two formats cannot share one.
      const folders = builds.map((b) => cli.resolve(b.out ?? ''));
      if (!flags.stdout && new Set(folders).size < folders.length) throw new UsageError('usage/guide-folders');
      const { buildGuides } = await import('../../app/build-guides.js');
      const workspace = await cli.workspace();
      const summary = await GUIDE_REPORTERS.stylish();
      let failed = false;
      for (const build of builds) {
        const result = await cli.withProgress('progress.guide', (onProgress) =>
          buildGuides(workspace, {
            paths,
            format: build.format,
            // --stdout renders without writing anything.
            ...(flags.stdout ? {} : { out: build.out }),
            ...(flags.templates ? { templates: flags.templates } : {}),
            ...(flags.item ? { item: flags.item } : {}),
            ...(flags.baseUrl !== undefined ? { baseUrl: flags.baseUrl } : {}),
            lang: cli.lang,
            onProgress,
          }),
        );
        cli.problems(result.diagnostics);
        failed ||= result.diagnostics.length > 0;
        if (!flags.stdout) cli.out(summary(result, { lang: cli.lang, color: false, version: cli.version }));
        else if ((result.matches?.length ?? 0) > 1)
          // A basic code names every handling item of it: which one is for the user to say.
          throw new UsageError('usage/guide-item-several', {
            code: flags.item ?? '',
            codes: (result.matches ?? []).join(', '),
          });
        else if (result.single === undefined) throw new UsageError('usage/guide-item', { code: flags.item ?? '' });
        else cli.out(result.single);
      }
      cli.exitCode = failed ? EXIT_FINDINGS : EXIT_OK;
    });
}
