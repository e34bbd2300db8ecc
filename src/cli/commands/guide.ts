/** `tongban guide`: build the guides, report what was rendered, skipped and deleted, or what stopped it. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildGuides, type GuideFormat } from '../../guides.js';
import { uiText, type Lang } from '../../i18n/index.js';
import { UsageError } from '../../io/errors.js';
import { writeStderr, writeStdout } from '../../io/write-output.js';

export async function runGuide(
  paths: string[],
  options: { lang: Lang; out?: string; format: GuideFormat; templates?: string; item?: string; stdout?: boolean },
): Promise<void> {
  if (options.stdout && (options.item === undefined || options.format !== 'md'))
    throw new UsageError('usage/guide-stdout', {});
  if (!options.stdout && options.out === undefined) throw new UsageError('usage/guide-out', {});
  // --stdout builds in a fresh temporary folder: nothing of the user's is touched.
  const out = options.out ?? mkdtempSync(path.join(tmpdir(), 'tongban-guide-'));
  const result = await buildGuides(paths, {
    lang: options.lang,
    out,
    format: options.format,
    ...(options.templates ? { templates: options.templates } : {}),
    ...(options.item ? { item: options.item } : {}),
  });
  for (const d of result.diagnostics) {
    const where = d.range ? `${d.file}:${d.range.start.line}:${d.range.start.column}` : d.file;
    writeStderr(`${where}  ${d.message}  ${d.code}`);
  }
  if (options.stdout) {
    if (result.single === undefined) throw new UsageError('usage/guide-item', { code: options.item ?? '' });
    writeStdout(result.single);
  } else {
    writeStdout(
      uiText(options.lang, 'guide.summary', {
        rendered: result.rendered.length,
        unchanged: result.unchanged,
        deleted: result.deleted.length,
        out: options.out ?? '',
      }) + '\n',
    );
  }
  process.exitCode = result.diagnostics.length ? 1 : 0;
}
