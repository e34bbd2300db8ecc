/** `tongban export [catalogs...]`: items as CSV, JSON, JSON Lines, JSON-LD or Parquet. */
import { Option, type Command } from 'commander';
import type { CsvHeaders, ExportPlan, ExportRecord } from '../../app/export-items.js';
import { UsageError } from '../../io/errors.js';
import { EXPORT_REPORTERS } from '../../reporters/export/index.js';
import { EXIT_FINDINGS, EXIT_OK, type CommandContext } from '../context.js';
import type { OutputTarget } from '../output-targets.js';

/** Formats written record by record, never holding the items all at once. */
const STREAMED = new Set(['csv', 'jsonl', 'parquet']);

export function exportCommand(program: Command, cli: CommandContext): void {
  const { command, targets } = cli.reportCommand(program, 'export', 'export.description', [
    ...Object.keys(EXPORT_REPORTERS),
    'parquet',
  ]);
  cli.examples(command, 'examples.export');
  command
    .argument('[catalogs...]', cli.t('export.catalogs'))
    .option('--bundles', cli.t('export.bundles'))
    .addOption(new Option('--headers <kind>', cli.t('export.headers')).choices(['titles', 'keys']).default('titles'))
    .action(async (paths: string[], flags: { bundles?: boolean; headers: CsvHeaders }) => {
      const outputs = targets();
      const parquet = outputs.find((t) => t.format === 'parquet');
      if (parquet && (parquet.output === undefined || flags.bundles === true))
        throw new UsageError('usage/parquet-output');
      const app = await import('../../app/export-items.js');
      const workspace = await cli.workspace();
      if (flags.bundles !== true && outputs.every((t) => STREAMED.has(t.format))) {
        // Records streamed to the terminal would be drawn over by a bar: it shows only when files are written.
        const progress = outputs.every((t) => t.output !== undefined) ? cli.progress('progress.export') : undefined;
        const plan = app.planExport(workspace, {
          paths,
          lang: cli.lang,
          ...(progress ? { onProgress: (done: number, total: number) => progress.update(done, total) } : {}),
        });
        checkMixed(plan.kind, plan.catalogs, outputs);
        try {
          await streamExport(cli, plan, outputs, flags.headers);
        } finally {
          progress?.stop();
        }
        const problems = plan.problems();
        cli.problems(problems);
        cli.exitCode = problems.length ? EXIT_FINDINGS : EXIT_OK;
        return;
      }
      const result = await cli.withProgress('progress.export', (onProgress) =>
        app.exportItems(workspace, {
          paths,
          lang: cli.lang,
          bundles: flags.bundles === true,
          headers: flags.headers,
          onProgress,
        }),
      );
      checkMixed(result.kind, result.records, outputs);
      cli.problems(result.problems);
      await cli.report(result, EXPORT_REPORTERS, outputs);
      cli.exitCode = result.problems.length ? EXIT_FINDINGS : EXIT_OK;
    });
}

/** A CSV holds one kind of catalog: say which catalogs are of which kind, so each kind can be exported alone. */
function checkMixed(
  kind: string,
  catalogs: readonly { catalog: { dir: string; kind: string | undefined } }[],
  outputs: readonly OutputTarget[],
): void {
  if (kind !== 'mixed' || !outputs.some((t) => t.format === 'csv')) return;
  const dirs = (of: string) => [...new Set(catalogs.filter((c) => c.catalog.kind === of).map((c) => c.catalog.dir))];
  throw new UsageError('usage/export-mixed', {
    basic: dirs('basic').join(' '),
    lists: dirs('implementation').join(' '),
  });
}

interface Sink {
  add(record: ExportRecord): void;
  commit(): Promise<void> | void;
  abort(): void;
}

/** Reads the items once, writing each record to every output as it comes (files replaced atomically at the end). */
async function streamExport(
  cli: CommandContext,
  plan: ExportPlan,
  outputs: readonly OutputTarget[],
  headers: CsvHeaders,
): Promise<void> {
  const { csvColumns, csvHeader, csvRow } = await import('../../reporters/export/csv.js');
  const { jsonlLine } = await import('../../reporters/export/jsonl.js');
  const sinks: Sink[] = [];
  try {
    for (const { format, output } of outputs) {
      if (format === 'parquet') {
        const { openParquetSink } = await import('../../io/parquet-export.js');
        const sink = await openParquetSink(cli.resolve(output as string), output as string);
        sinks.push({
          add: (r) => sink.add(r.item, r.meta, r.itemMeta),
          commit: () => sink.commit(),
          abort: sink.abort,
        });
        continue;
      }
      const { openStreamWriter } = await import('../../io/write-stream.js');
      const writer =
        output === undefined
          ? { write: (text: string) => cli.out(text), commit: () => undefined, abort: () => undefined }
          : openStreamWriter(cli.resolve(output), { shown: output });
      if (format === 'csv') {
        const columns = csvColumns(plan.kind);
        writer.write(csvHeader(plan.kind, headers));
        sinks.push({
          add: (r) => writer.write(csvRow(columns, r, headers)),
          commit: writer.commit,
          abort: writer.abort,
        });
      } else sinks.push({ add: (r) => writer.write(jsonlLine(r)), commit: writer.commit, abort: writer.abort });
    }
    for (const record of plan.records()) for (const sink of sinks) sink.add(record);
    for (const sink of sinks) await sink.commit();
  } catch (error) {
    for (const sink of sinks) sink.abort();
    throw error;
  }
}
