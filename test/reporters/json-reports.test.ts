/**
 * Every JSON report has a documented, versioned shape (schemas/report-*.schema.json): each is produced
 * here from real results — clean ones and ones with problems — and checked against its schema.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tongban } from '../helpers/cli.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const SCHEMAS = path.join(ROOT, 'schemas');

function reportValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addVocabulary(['x-code', 'x-en', 'x-aliases', 'x-matter', 'x-sources']);
  for (const name of readdirSync(SCHEMAS).filter((f) => f.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(path.join(SCHEMAS, name), 'utf8')) as { $id?: string };
    ajv.addSchema(schema, schema.$id ?? name);
  }
  for (const name of readdirSync(path.join(SCHEMAS, 'codelists')).filter((f) => f.endsWith('.json'))) {
    ajv.addSchema(
      JSON.parse(readFileSync(path.join(SCHEMAS, 'codelists', name), 'utf8')) as object,
      `codelists/${name}`,
    );
  }
  return (report: string, text: string) => {
    const check = ajv.getSchema(`report-${report}.schema.json`);
    if (!check) throw new Error(`no schema for ${report}`);
    const data = JSON.parse(text) as { report?: string };
    const valid = check(data);
    return { valid, report: data.report, errors: ajv.errorsText(check.errors) };
  };
}

let conforms: ReturnType<typeof reportValidator>;
let broken: string;

beforeAll(() => {
  conforms = reportValidator();
  // The samples with one unreadable item, one wrong check character and a sub-standard online rate.
  broken = mkdtempSync(path.join(tmpdir(), 'tongban-json-'));
  cpSync(path.join(ROOT, 'catalogs'), broken, { recursive: true });
  writeFileSync(path.join(broken, 'shenzhen', 'items', 'broken.yaml'), 'name: 甲\nname: 乙\n');
  const file = path.join(broken, 'wuhou', 'items', '000100001000.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/uscc: "(\w{17})\w"/, 'uscc: "$10"'));
});

const cases: { report: string; args: string[]; clean?: boolean }[] = [
  { report: 'validate', args: ['validate', '.', '-f', 'json'] },
  { report: 'validate', args: ['code', 'check', '.', '-f', 'json'] },
  { report: 'diff', args: ['diff', 'shenzhen', 'wuhou', '-f', 'json'] },
  { report: 'diff', args: ['diff', 'national', 'shenzhen', '-f', 'json'] },
  { report: 'compare', args: ['compare', 'national', 'guangdong', 'shenzhen', 'wuhou', '-f', 'json'] },
  { report: 'stats', args: ['stats', '.', '-f', 'json'] },
  {
    report: 'explain',
    args: ['code', 'explain', '00010000300Y', '0001000O1000', '11440232MB2D06811W4000117051000', '-f', 'json'],
  },
  { report: 'plan', args: ['code', 'assign', '.', '--dry-run', '-f', 'json'] },
  { report: 'show', args: ['show', '000100001000', '.', '-f', 'json'] },
];

describe('JSON reports', () => {
  for (const { report, args } of cases) {
    it(`${args.slice(0, 2).join(' ')} … conforms to report-${report}.schema.json`, async () => {
      const run = await tongban(args, { cwd: broken });
      const result = conforms(report, run.stdout);
      expect(result.errors).toBe('No errors');
      expect(result.valid).toBe(true);
      expect(result.report).toBe(report);
    });
  }

  it('import and guide reports conform too', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'tongban-json-out-'));
    cpSync(path.join(ROOT, 'catalogs'), out, { recursive: true });
    const csv = await tongban(['export', 'wuhou', '-f', 'csv', '-o', 'wuhou.csv'], { cwd: out });
    expect(csv.code).toBe(0);
    const imported = await tongban(['import', 'wuhou.csv', '--map', 'tongban', '--out', 'wuhou', '-f', 'json'], {
      cwd: out,
    });
    expect(conforms('import', imported.stdout)).toMatchObject({ valid: true, report: 'import' });
    const { json } = await import('../../src/reporters/guide/json.js');
    const { guidesAt } = await import('../helpers/api.js');
    const built = await guidesAt(out, { paths: ['wuhou'], out: 'site', format: 'md' });
    expect(conforms('guide', json(built, { lang: 'en', color: false, version: '1' }))).toMatchObject({ valid: true });
  });

  it('the check can fail: a report with a field of the wrong type is rejected', async () => {
    const run = await tongban(['stats', '.', '-f', 'json'], { cwd: broken });
    const data = JSON.parse(run.stdout) as { catalogs: { measures: { items: unknown } }[] };
    (data.catalogs[0] as { measures: { items: unknown } }).measures.items = 'five';
    expect(conforms('stats', JSON.stringify(data)).valid).toBe(false);
  });
});
