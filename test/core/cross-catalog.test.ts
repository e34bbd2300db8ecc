/** The cross-catalog checks depend on the catalogs' paths and ledgers, never on the order they were found or sharded in. */
import { describe, expect, it } from 'vitest';
import { crossCatalogFindings, type CatalogSummary } from '../../src/core/cross-catalog.js';

const SUMMARIES: CatalogSummary[] = [
  {
    dir: 'b',
    codes: [
      ['b/items/1.yaml', 'X'],
      ['b/items/2.yaml', 'Y'],
    ],
    ledger: { file: 'b/ledger.yaml', entries: [['X', 'active']] },
  },
  {
    dir: 'a',
    codes: [
      ['a/items/1.yaml', 'X'],
      ['a/items/2.yaml', 'X'],
    ],
    ledger: {
      file: 'a/ledger.yaml',
      entries: [
        ['Z', 'retired'],
        ['X', 'active'],
      ],
    },
  },
  { dir: 'c', codes: [['c/items/9.yaml', 'Y']], ledger: { file: 'c/ledger.yaml', entries: [['Z', 'active']] } },
];

describe('crossCatalogFindings', () => {
  it('reports every later holder of a code, against the first catalog in path order', () => {
    const found = crossCatalogFindings(SUMMARIES).map((f) => [f.code, f.file, f.path, f.args.other]);
    expect(found).toEqual([
      // A code twice within one catalog is code/duplicate's, not this check's.
      ['code/duplicate-catalog', 'b/items/1.yaml', '/code', 'a/items/1.yaml'],
      ['code/duplicate-catalog', 'c/items/9.yaml', '/code', 'b/items/2.yaml'],
      ['ledger/issued-elsewhere', 'b/ledger.yaml', '/entries/0/code', 'a/ledger.yaml'],
      ['ledger/issued-elsewhere', 'c/ledger.yaml', '/entries/0/code', 'a/ledger.yaml'],
    ]);
  });

  it('gives the same findings whatever order the summaries come in', () => {
    const expected = crossCatalogFindings(SUMMARIES);
    for (const order of [
      [0, 1, 2],
      [2, 1, 0],
      [1, 2, 0],
      [2, 0, 1],
    ])
      expect(crossCatalogFindings(order.map((i) => SUMMARIES[i] as CatalogSummary))).toEqual(expected);
  });

  it('reports the copy, not the original its own ledger records, whatever their paths', () => {
    const copy: CatalogSummary = { dir: 'a-copy', codes: [['a-copy/items/x.yaml', 'X']] };
    const original: CatalogSummary = {
      dir: 'z',
      codes: [['z/items/x.yaml', 'X']],
      ledger: { file: 'z/ledger.yaml', entries: [['X', 'active']] },
    };
    for (const order of [
      [copy, original],
      [original, copy],
    ])
      expect(crossCatalogFindings(order).map((f) => [f.file, f.args.other])).toEqual([
        ['a-copy/items/x.yaml', 'z/items/x.yaml'],
      ]);
  });

  it('finds nothing in one catalog alone', () => {
    expect(crossCatalogFindings([SUMMARIES[1] as CatalogSummary])).toEqual([]);
  });
});
