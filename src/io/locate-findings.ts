/**
 * Gives every finding that has only a JSON pointer its line and column. A file's syntax tree is built
 * once for its findings and released before the next file's, so 100k findings in 100k files cost time,
 * not 100k syntax trees in memory.
 */
import type { Finding } from '../core/diagnostic.js';
import { createLocator, type Locator } from './parse-yaml.js';

export function locateFindings(findings: readonly Finding[], textOf: (file: string) => string | undefined): Finding[] {
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
    const locate: Locator = createLocator(text);
    for (const index of indices) {
      const finding = findings[index] as Finding;
      const range = locate(finding.path, finding.target);
      if (range) located[index] = { ...finding, range };
    }
  }
  return located;
}
