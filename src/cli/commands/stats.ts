/** `tongban stats`: measures → one report → stdout or a file; exit 1 when a target is missed. */
import type { Lang } from '../../i18n/index.js';
import { writeFileAtomic } from '../../io/write-file.js';
import { useColour, writeStdout } from '../../io/write-output.js';
import { statsCsv } from '../../reporters/stats/stats-csv.js';
import { statsHtml } from '../../reporters/stats/stats-html.js';
import { statsText } from '../../reporters/stats/stats-text.js';
import { stats } from '../../stats.js';

export async function runStats(
  paths: string[],
  options: { lang: Lang; format: 'stylish' | 'json' | 'csv' | 'html'; output?: string; color?: boolean },
): Promise<void> {
  const result = await stats(paths);
  const color = options.output === undefined && useColour(options.color, process.stdout, process.env);
  const text = {
    stylish: () => statsText(result, options.lang, color),
    json: () => JSON.stringify(result, null, 2) + '\n',
    csv: () => statsCsv(result, options.lang),
    html: () => statsHtml(result, options.lang),
  }[options.format]();
  if (options.output === undefined) writeStdout(text);
  else writeFileAtomic(options.output, text);
  process.exitCode = result.catalogs.some((c) => c.targets.some((t) => !t.met)) ? 1 : 0;
}
