/**
 * The programmatic API as a plain Node script uses it: `import … from 'tongban'` (the package installed
 * into node_modules by a link), every use case run on the sample catalogs. Needs the build (npm test builds).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const SCRIPT = `
import {
  openWorkspace, validate, checkCodes, explainCodes, assignCodes, retireCodes, diff, compare, buildGuides,
  importItems, exportItems, stats, REPORTERS, run,
} from 'tongban';

const workspace = await openWorkspace({ cwd: process.cwd() });
const context = { lang: 'zh-CN', color: false, version: 'script' };
const out = {};
out.validate = (await validate(workspace, { paths: ['catalogs'] })).diagnostics.length;
out.checkCodes = (await checkCodes(workspace, { paths: ['catalogs'] })).diagnostics.length;
out.explain = (await explainCodes(workspace, { codes: ['000100001000'] })).explanations[0].parts.map((p) => p.name);
out.assign = (await assignCodes(workspace, { paths: ['catalogs/national'], dryRun: true })).plans.length;
out.retire = (await retireCodes(workspace, { catalog: 'catalogs/national', codes: ['000100001000'], dryRun: true })).plans.length;
const changes = await diff(workspace, { left: 'catalogs/shenzhen', right: 'catalogs/wuhou' });
out.diff = changes.pairs.length;
out.diffMarkdown = (await REPORTERS.diff.markdown())(changes, context).startsWith('### ');
out.compare = (await compare(workspace, { paths: ['catalogs/shenzhen', 'catalogs/wuhou'] })).regions;
out.guides = (await buildGuides(workspace, { paths: ['catalogs/wuhou'], out: 'site', format: 'md' })).rendered.length;
const exported = await exportItems(workspace, { paths: ['catalogs/wuhou'] });
out.export = exported.records.length;
const { copyFileSync, mkdirSync, writeFileSync } = await import('node:fs');
writeFileSync('wuhou.csv', (await REPORTERS.export.csv())(exported, context));
mkdirSync('catalogs/again');
copyFileSync('catalogs/wuhou/catalog.yaml', 'catalogs/again/catalog.yaml');
out.import = (await importItems(workspace, { file: 'wuhou.csv', map: 'tongban', out: 'catalogs/again' })).written.length;
out.stats = (await stats(workspace, { paths: ['catalogs'] })).catalogs.length;
let text = '';
// The imported copy on its own: beside wuhou, its codes would be code/duplicate-catalog.
out.run = await run(['validate', 'catalogs/again'], { cwd: process.cwd(), env: {}, stdout: { write: (t) => (text += t) }, stderr: { write: () => {} } });
out.runText = text.trim();
console.log(JSON.stringify(out));
`;

describe("import … from 'tongban'", () => {
  it('a plain Node script does what the CLI does, on the samples', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tongban-api-'));
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(ROOT, path.join(dir, 'node_modules', 'tongban'), 'dir');
    cpSync(path.join(ROOT, 'catalogs'), path.join(dir, 'catalogs'), { recursive: true });
    // The script's own package, as in a user's project (and so that no package.json above the folder counts).
    writeFileSync(path.join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
    writeFileSync(path.join(dir, 'script.mjs'), SCRIPT);
    const result = spawnSync(process.execPath, ['script.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      validate: 0,
      checkCodes: 0,
      explain: ['origin', 'type', 'main', 'sub'],
      assign: 1,
      retire: 1,
      diff: 7,
      diffMarkdown: true,
      compare: ['catalogs/shenzhen', 'catalogs/wuhou'],
      // Ten item pages and the list's one 一件事 page.
      guides: 11,
      export: 10,
      import: 10,
      stats: 4,
      run: 0,
      runText: '✔ 1 catalog, 10 items checked: no problems',
    });
  });
});
