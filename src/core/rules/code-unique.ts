/** 一事一码: within one catalog no two items share a code. */
import { catalogRule, type FileFinding } from './rule.js';

export const codeUnique = catalogRule({
  id: 'code-unique',
  scope: 'catalog',
  codes: ['code/duplicate'],
  check(catalog) {
    const firstFile = new Map<string, string>();
    const out: FileFinding<'code/duplicate'>[] = [];
    for (const item of catalog.items) {
      const code = item.code;
      if (code === undefined) continue;
      const first = firstFile.get(code);
      if (first === undefined) firstFile.set(code, item.file);
      else out.push({ file: item.file, code: 'code/duplicate', path: '/code', args: { value: code, other: first } });
    }
    return out;
  },
});
