/** `tongban import` and `tongban export`. */
import { exportCatalogs, type ExportFormat } from '../../exchange.js';
import { uiText, type Lang } from '../../i18n/index.js';
import { importFile } from '../../import.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { writeStderr, writeStdout } from '../../io/write-output.js';

export async function runImport(
  file: string,
  options: { lang: Lang; map: string; out: string; encoding: 'auto' | 'utf8' | 'gbk'; update?: boolean },
): Promise<void> {
  const result = await importFile(file, {
    lang: options.lang,
    map: options.map,
    out: options.out,
    encoding: options.encoding,
    ...(options.update ? { update: true } : {}),
  });
  for (const r of result.rows) writeStderr(`${file}: row ${r.row}, ${r.column}: ${r.message}  ${r.code}`);
  for (const c of result.conflicts) writeStderr(uiText(options.lang, 'import.conflict', { row: c.row, file: c.file }));
  for (const u of result.updated) writeStdout(`~ ${u.file}: ${u.fields.join(', ')}\n`);
  writeStdout(
    uiText(options.lang, 'import.summary', {
      written: result.written.length,
      updated: result.updated.length,
      unchanged: result.unchanged,
      rows: result.rows.length,
      conflicts: result.conflicts.length,
    }) + '\n',
  );
  if (result.validation) {
    const { REPORTERS } = await import('../../reporters/index.js');
    writeStdout((await REPORTERS.stylish())(result.validation, { lang: options.lang, color: false, version: '' }));
  }
  const invalid = result.validation?.diagnostics.some((d) => d.severity === 'error') ?? false;
  process.exitCode = result.rows.length || result.conflicts.length || invalid ? 1 : 0;
}

export async function runExport(
  paths: string[],
  options: { lang: Lang; format: ExportFormat; output?: string },
): Promise<void> {
  const text = await exportCatalogs(paths, options.format);
  if (options.output === undefined) writeStdout(text);
  else writeFileAtomic(options.output, text);
}
