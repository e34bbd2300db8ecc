/**
 * The items against their catalog's ledger (when it has one): every code in use is recorded, no active
 * code has lost its file (an item moved or renamed is not lost: its file is out of date in the ledger),
 * and no live item carries a retired code (a cancelled item keeps its own).
 */
import { catalogRule, type FileFinding } from './rule.js';
import { toPointer } from '../pointer.js';

export const ledger = catalogRule({
  id: 'ledger',
  scope: 'catalog',
  codes: ['ledger/unrecorded', 'ledger/vanished', 'ledger/file-moved', 'ledger/file-mismatch', 'ledger/retired-in-use'],
  check(catalog) {
    if (!catalog.ledger) return [];
    const { file: ledgerFile, data } = catalog.ledger;
    const prefix = catalog.dir === '.' ? '' : catalog.dir + '/';
    const byCode = new Map(data.entries.map((entry) => [entry.code, entry]));
    const codeOfFile = catalog.present;
    const fileOfCode = new Map([...catalog.present].map(([file, code]) => [code, file]));
    const out: FileFinding<
      'ledger/unrecorded' | 'ledger/vanished' | 'ledger/file-moved' | 'ledger/file-mismatch' | 'ledger/retired-in-use'
    >[] = [];
    for (const item of catalog.items) {
      if (item.code === undefined) continue;
      const entry = byCode.get(item.code);
      if (!entry) out.push({ file: item.file, code: 'ledger/unrecorded', path: '/code', args: { value: item.code } });
      else if (entry.state === 'retired' && item.status !== '取消')
        out.push({
          file: item.file,
          code: 'ledger/retired-in-use',
          path: '/code',
          args: { value: item.code, retired: entry.retired ?? '' },
        });
    }
    data.entries.forEach((entry, index) => {
      if (entry.state !== 'active' || entry.file === undefined) return;
      const shown = prefix + entry.file;
      const path = toPointer(['entries', index, 'file']);
      const movedTo = fileOfCode.get(entry.code);
      if (!codeOfFile.has(shown) && movedTo !== undefined)
        out.push({
          file: ledgerFile,
          code: 'ledger/file-moved',
          path,
          args: { value: entry.code, file: entry.file, actual: movedTo.slice(prefix.length) },
        });
      else if (!codeOfFile.has(shown))
        out.push({ file: ledgerFile, code: 'ledger/vanished', path, args: { value: entry.code, file: entry.file } });
      else if (codeOfFile.get(shown) !== entry.code)
        out.push({
          file: ledgerFile,
          code: 'ledger/file-mismatch',
          path,
          args: { value: entry.code, file: entry.file, actual: codeOfFile.get(shown) ?? '—' },
        });
    });
    return out;
  },
});
