/**
 * Gives every finding that has only a JSON pointer its line and column. A file's syntax tree is built
 * once for its findings and released before the next file's, so 100k findings in 100k files cost time,
 * not 100k syntax trees in memory.
 */
import type { Finding } from '../core/diagnostic.js';
import { createLocator, type Locator } from './parse-yaml.js';

/**
 * `plainLengths`: files whose text had the plain shape when read, with its length then; a file read again
 * with the same length is taken to be the same text, and is not parsed again to learn its shape.
 */
export function locateFindings(
  findings: readonly Finding[],
  textOf: (file: string) => string | undefined,
  plainLengths?: ReadonlyMap<string, number>,
): Finding[] {
  const byFile = new Map<string, number[]>();
  findings.forEach((finding, index) => {
    if (finding.range) return;
    const list = byFile.get(finding.file);
    if (list) list.push(index);
    else byFile.set(finding.file, [index]);
  });
  const located = [...findings];
  for (const [file, indices] of byFile) {
    const text = textOf(file);
    if (text === undefined) continue;
    const locate: Locator = createLocator(text, { plain: plainLengths?.get(file) === text.length });
    for (const index of indices) {
      const finding = findings[index] as Finding;
      const range = locate(finding.path, finding.target);
      if (range) located[index] = { ...finding, range };
    }
  }
  return located;
}
