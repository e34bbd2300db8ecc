/** Inline suppressions: next-line, same-line and file-wide; globs; reasons; unused ones reported. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSuppressions } from '../src/core/suppressions.js';
import { validateAt } from './helpers/api.js';

const BASE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'validate', 'base');
const IMPL = 'impl/items/000100001000.yaml';

async function findings(edit: (item: string) => string) {
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-suppress-'));
  cpSync(BASE, root, { recursive: true });
  const item = path.join(root, IMPL);
  writeFileSync(item, edit(readFileSync(item, 'utf8')));
  const result = await validateAt(root, ['.'], { config: false });
  return {
    list: result.diagnostics.map(
      (d) =>
        `${d.range?.start.line}:${d.range?.start.column} ${d.code}${d.code === 'suppression/unused' ? ` ${d.args.rule}` : ''}`,
    ),
    suppressed: result.suppressedCount,
  };
}

const noAreaCode = (item: string) =>
  item.replace('consultation: { phone: 0755-83001117 }', 'consultation: { phone: "83001117" }');

describe('parseSuppressions', () => {
  it('reads kind, position, codes and ignores the reason; a # right after a quote is not a comment', () => {
    const text =
      'a: 1\n  # tongban-disable-next-line contact/area-code, limit/* -- 内部专线\nb: 2 # tongban-disable-line\n# tongban-disable-file result/sample-missing\nc: "# tongban-disable-line not-a-comment-start"\n';
    expect(parseSuppressions(text)).toEqual([
      { kind: 'next-line', line: 2, column: 3, codes: ['contact/area-code', 'limit/*'] },
      { kind: 'line', line: 3, column: 6, codes: [] },
      { kind: 'file', line: 4, column: 1, codes: ['result/sample-missing'] },
    ]);
  });
});

describe('suppressions', () => {
  it('the unsuppressed finding is there to begin with', async () => {
    expect((await findings(noAreaCode)).list).toEqual(['32:26 contact/area-code']);
  });

  it('next-line suppresses the finding on the following line', async () => {
    const result = await findings((item) =>
      noAreaCode(item).replace(
        '  consultation:',
        '  # tongban-disable-next-line contact/area-code -- 内部专线\n  consultation:',
      ),
    );
    expect(result).toEqual({ list: [], suppressed: 1 });
  });

  it('a same-line comment suppresses, and globs match codes', async () => {
    const result = await findings((item) =>
      noAreaCode(item).replace('phone: "83001117" }', 'phone: "83001117" }  # tongban-disable-line contact/*'),
    );
    expect(result).toEqual({ list: [], suppressed: 1 });
  });

  it('file-wide suppression', async () => {
    expect((await findings((item) => '# tongban-disable-file contact/area-code\n' + noAreaCode(item))).list).toEqual(
      [],
    );
  });

  it('a suppression for another code does not hide the finding, and is itself reported unused', async () => {
    const result = await findings((item) =>
      noAreaCode(item).replace('  consultation:', '  # tongban-disable-next-line fee/items-missing\n  consultation:'),
    );
    expect(result.list).toEqual(['32:3 suppression/unused fee/items-missing', '33:26 contact/area-code']);
  });

  it('an unused suppression in an otherwise clean file is reported, per listed code', async () => {
    const result = await findings(
      (item) => '# tongban-disable-file fee/items-missing, contact/area-code\n' + noAreaCode(item),
    );
    expect(result.list).toEqual(['1:1 suppression/unused fee/items-missing']);
  });
});
