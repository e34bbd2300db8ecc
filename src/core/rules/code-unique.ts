/** 一事一码: within one catalog no two items share a code. */
import type { CatalogRule, RuleFinding } from './rule.js';

export const codeUnique: CatalogRule = {
  id: 'code-unique',
  scope: 'catalog',
  codes: { 'code/duplicate': 'error' },
  check(catalog) {
    const firstFile = new Map<string, string>();
    const out: (RuleFinding & { file: string })[] = [];
    for (const item of catalog.items) {
      const code = item.code;
      if (code === undefined) continue;
      const first = firstFile.get(code);
      if (first === undefined) firstFile.set(code, item.file);
      else out.push({ file: item.file, code: 'code/duplicate', path: '/code', args: { value: code, other: first } });
    }
    return out;
  },
};
