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

  it('CSV for Excel and an HTML page of inline SVG bar charts', async () => {
    const result = await statsAt(ROOT, ['catalogs']);
    expect(statsCsv(result, ZH).startsWith('\uFEFF目录,层级,事项数,网上可办率')).toBe(true);
    const html = statsHtml(result, ZH);
    expect(html.match(/<svg /g)).toHaveLength(10);
    expect(html).toContain('fill="#c62828"');
    expect(html).not.toMatch(/https?:\/\/(?!schema\.org)/);
  });
});
