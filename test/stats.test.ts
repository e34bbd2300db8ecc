/** tongban stats on the sample catalogs, against figures counted by hand from the item files. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { csv as statsCsv } from '../src/reporters/stats/csv.js';
import { html as statsHtml } from '../src/reporters/stats/html.js';
import { statsAt } from './helpers/api.js';

const ZH = { lang: 'zh-CN', color: false, version: 'test' } as const;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('tongban stats', () => {
  it('measures 广东省 as counted by hand', async () => {
    const result = await statsAt(ROOT, ['catalogs/guangdong']);
    // Depths 3,4,4,4,2; visits 1,0,0,0,1; materials 4+3+3+2+2 = 14 of which 3 e-licences; one fee;
    // promised/statutory 60/90, 20/30, 7/15, 10/20, 30/60; one uncounted 专家评审 of 30 working days.
    expect(result.catalogs[0]?.measures).toEqual({
      items: 5,
      onlineRate: 0.8,
      fullyOnlineRate: 0.6,
      zeroVisitRate: 0.6,
      atMostOneVisitRate: 1,
      immediateRate: 0,
      materialsPerItem: 2.8,
      eLicenceRate: 0.214,
      timeCompression: 0.44,
      uncountedTimeShare: 0.122,
      feeRate: 0.2,
      // Every item states what every measure needs (14 materials for the e-licence share).
      known: {
        onlineRate: 5,
        fullyOnlineRate: 5,
        zeroVisitRate: 5,
        atMostOneVisitRate: 5,
        immediateRate: 5,
        materialsPerItem: 5,
        eLicenceRate: 14,
        timeCompression: 5,
        uncountedTimeShare: 5,
        feeRate: 5,
      },
    });
    // A province must reach 90% online (2019 target): 80% misses it.
    expect(result.catalogs[0]?.targets).toEqual([
      { measure: 'onlineRate', value: 0.9, levels: ['国家级', '省级'], actual: 0.8, met: false },
    ]);
  });

  it('groups by level and takes targets from the config', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tongban-stats-'));
    writeFileSync(
      path.join(root, 'tongban.config.yaml'),
      'stats:\n  targets:\n    - { measure: feeRate, value: 0.1, atMost: true }\n',
    );
    const result = await statsAt(root, [path.join(ROOT, 'catalogs')]);
    expect(result.byLevel.map((l) => [l.level, l.measures.items])).toEqual([
      ['省级', 5],
      ['市级', 12],
      ['县级', 10],
    ]);
    expect(result.catalogs.map((c) => c.targets.map((t) => t.met))).toEqual([[false], [true], [true]]);
  });

  it('CSV for Excel and an HTML page of bar charts with data tables', async () => {
    const result = await statsAt(ROOT, ['catalogs']);
    expect(statsCsv(result, ZH).startsWith('\uFEFF目录,层级,事项数,网上可办率')).toBe(true);
    const html = statsHtml(result, ZH);
    // A chart per measure (bars per catalog and per level, a data table under it), misses in red.
    expect(html.match(/<figure class="chart">/g)).toHaveLength(10);
    // A data table under each chart, and the 一件事 table of the samples' bundles.
    expect(html.match(/<table class="data">/g)).toHaveLength(11);
    expect(html).toContain('.bar.missed{background:#c62828}');
    expect(html).toMatch(/<span class="bar missed" style="width:\d/);
    expect(html).not.toMatch(/https?:\/\/(?!schema\.org)/);
  });
});

describe('tongban stats on incomplete items', () => {
  it('counts each measure over the items that state what it needs, and says so; unknown is never 0', async () => {
    const { measure } = await import('../src/core/stats/measures.js');
    const measures = measure([
      { online: { depth: 4 }, visits: 0, fee: { charged: false } },
      { online: { depth: 2 }, visits: 2 },
      { name: '什么都没说的事项' },
    ]);
    expect(measures).toMatchObject({ items: 3, onlineRate: 0.5, zeroVisitRate: 0.5, feeRate: 0 });
    expect(measures.known).toMatchObject({ onlineRate: 2, zeroVisitRate: 2, feeRate: 1, immediateRate: 0 });
    // Nobody states a handling type or limits: unknown, not 0%.
    expect(measures.immediateRate).toBeUndefined();
    expect(measures.timeCompression).toBeUndefined();
    expect(measures.materialsPerItem).toBeUndefined();
  });
});
