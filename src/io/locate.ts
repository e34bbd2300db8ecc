/** Gives every finding that has only a JSON pointer its line and column, parsing each file at most once more. */
import type { Finding } from '../core/diagnostic.js';
import { createLocator, type Locator } from './parse-yaml.js';

export function locateFindings(findings: readonly Finding[], textOf: (file: string) => string | undefined): Finding[] {
  const locators = new Map<string, Locator>();
  return findings.map((finding) => {
    if (finding.range) return finding;
    const text = textOf(finding.file);
    if (text === undefined) return finding;
    let locate = locators.get(finding.file);
    if (!locate) {
      locate = createLocator(text);
      locators.set(finding.file, locate);
    }
    const range = locate(finding.path, finding.target);
    return range ? { ...finding, range } : finding;
  });
}
