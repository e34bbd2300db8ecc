/** `tongban diff` and `tongban compare`: read → core → one report → stdout or a file. */
import { compare, diff } from '../../compare.js';
import type { Lang } from '../../i18n/index.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { useColour, writeStdout } from '../../io/write-output.js';
import { compareCsv } from '../../reporters/diff/compare-csv.js';
import { compareHtml } from '../../reporters/diff/compare-html.js';
import { compareStylish } from '../../reporters/diff/compare-stylish.js';
import { diffCsv } from '../../reporters/diff/diff-csv.js';
import { diffHtml } from '../../reporters/diff/diff-html.js';
import { diffMarkdown } from '../../reporters/diff/diff-markdown.js';
import { diffStylish } from '../../reporters/diff/diff-stylish.js';

export const DIFF_FORMATS = ['stylish', 'json', 'markdown', 'csv', 'html'] as const;
export const COMPARE_FORMATS = ['stylish', 'json', 'csv', 'html'] as const;

interface Options {
  lang: Lang;
  format: (typeof DIFF_FORMATS)[number];
  output?: string;
  color?: boolean;
}

function emit(text: string, output: string | undefined): void {
  if (output === undefined) writeStdout(text);
  else writeFileAtomic(output, text);
}

export async function runDiff(
  left: string,
  right: string | undefined,
  options: Options & { git?: string; exitCode?: boolean },
): Promise<void> {
  const result = await diff(left, right, options.git !== undefined ? { git: options.git } : {});
  const color = options.output === undefined && useColour(options.color, process.stdout, process.env);
  const render = {
    stylish: () => diffStylish(result, options.lang, color),
    json: () => JSON.stringify(result, null, 2) + '\n',
    markdown: () => diffMarkdown(result, options.lang),
    csv: () => diffCsv(result, options.lang),
    html: () => diffHtml(result, options.lang),
  }[options.format];
  emit(render(), options.output);
  process.exitCode = options.exitCode && result.findings > 0 ? 1 : 0;
}

export async function runCompare(
  paths: string[],
  options: Omit<Options, 'format'> & { format: (typeof COMPARE_FORMATS)[number] },
): Promise<void> {
  const result = await compare(paths);
  const color = options.output === undefined && useColour(options.color, process.stdout, process.env);
  const render = {
    stylish: () => compareStylish(result, options.lang, color),
    json: () => JSON.stringify(result, null, 2) + '\n',
    csv: () => compareCsv(result, options.lang),
    html: () => compareHtml(result, options.lang),
  }[options.format];
  emit(render(), options.output);
  process.exitCode = 0;
}
