/**
 * Command-line review findings: `-o -` is stdout, an output path that reads as an option is refused
 * (`./--help` is a file), `tongban import` takes --origin for a basic catalog it creates, and the error for
 * a refused mapping `catalog:` value names the mapping, not a flag that does not exist.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tongban } from '../helpers/cli.js';

function samples(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-flags-'));
  cpSync(path.join(ROOT, 'catalogs'), path.join(root, 'catalogs'), { recursive: true });
  return root;
}

describe('-o/--output', () => {
  it('-o - writes to stdout, and no file named -', async () => {
    const root = samples();
    const run = await tongban(['validate', 'catalogs/wuhou', '-f', 'json', '-o', '-'], { cwd: root });
    expect(run.code).toBe(0);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    expect(existsSync(path.join(root, '-'))).toBe(false);
    // Still one format on stdout at most.
    const two = await tongban(['validate', 'catalogs/wuhou', '-f', 'json', '-o', '-', '-f', 'stylish'], { cwd: root });
    expect(two.code).toBe(2);
  });

  it('an output path starting with - is refused, unless written ./--help', async () => {
    const root = samples();
    for (const output of ['--help', '-x']) {
      const run = await tongban(['validate', 'catalogs/wuhou', '-f', 'json', '-o', output], { cwd: root });
      expect(run.code, output).toBe(2);
      expect(run.stderr, output).toContain(`./${output}`);
      expect(existsSync(path.join(root, output)), output).toBe(false);
    }
    const run = await tongban(['validate', 'catalogs/wuhou', '-f', 'json', '-o', './--help'], { cwd: root });
    expect(run.code).toBe(0);
    expect(() => JSON.parse(readFileSync(path.join(root, '--help'), 'utf8'))).not.toThrow();
  });
});

describe('tongban import: flags for a new basic catalog', () => {
  async function basicCsv(root: string): Promise<string> {
    const run = await tongban(['export', 'catalogs/national', '-f', 'csv', '-o', 'national.csv'], { cwd: root });
    expect(run.code).toBe(0);
    return 'national.csv';
  }

  it('names --origin as missing, and takes it', async () => {
    const root = samples();
    const csv = await basicCsv(root);
    const missing = await tongban(['import', csv, '--map', 'tongban-basic', '--out', 'nb', '--name', '基本目录'], {
      cwd: root,
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--origin');
    const given = await tongban(
      ['import', csv, '--map', 'tongban-basic', '--out', 'nb', '--name', '基本目录', '--origin', '00'],
      { cwd: root },
    );
    expect(given.stderr).not.toMatch(/unknown option|internal error/);
    expect(readFileSync(path.join(root, 'nb', 'catalog.yaml'), 'utf8')).toMatch(/^origin: "?00"?$/m);
  });

  it('a refused value of the mapping’s catalog section is named as such, not as a flag', async () => {
    const root = samples();
    const csv = await basicCsv(root);
    const preset = readFileSync(path.join(ROOT, 'schemas/mappings/tongban-basic.yaml'), 'utf8');
    const cases: [string, string][] = [
      ['  name: 基本目录\n  origin: "00"\n  __proto__: { name: x }\n', '__proto__ {"name":"x"} in the catalog section'],
      ['  name: 基本目录\n  origin: 1\n', 'origin 1 in the catalog section'],
    ];
    for (const [section, said] of cases) {
      writeFileSync(path.join(root, 'map.yaml'), preset.replace('kind: basic\n', `kind: basic\ncatalog:\n${section}`));
      const run = await tongban(['import', csv, '--map', 'map.yaml', '--out', 'nb'], { cwd: root });
      expect(run.code, section).toBe(2);
      expect(run.stderr, section).not.toMatch(/--__proto__|--origin|\[object Object\]|internal error/);
      expect(run.stderr, section).toContain(said);
      expect(existsSync(path.join(root, 'nb', 'catalog.yaml')), section).toBe(false);
    }
    // A flag the schema refuses is still named as the flag.
    writeFileSync(path.join(root, 'map.yaml'), preset);
    const flag = await tongban(
      ['import', csv, '--map', 'map.yaml', '--out', 'nb', '--name', 'x', '--origin', '00', '--region', '44'],
      {
        cwd: root,
      },
    );
    expect(flag.stderr).toContain('--region "44"');
  });
});
