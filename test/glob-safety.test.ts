/**
 * Globs in tongban.config.yaml (security review): picomatch compiles `*` to a lazy loop, so a glob with
 * many wildcards backtracks for minutes on one long file name. Globs with more than three wildcards are a
 * config finding, and a path longer than what a glob is ever matched against matches none.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileConfig, globProblem, MAX_GLOB_SUBJECT, MAX_GLOB_WILDCARDS } from '../src/core/config.js';
import { ROOT, tongban } from './helpers/cli.js';

function samples(config: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-globs-'));
  cpSync(path.join(ROOT, 'catalogs'), path.join(root, 'catalogs'), { recursive: true });
  writeFileSync(path.join(root, 'tongban.config.yaml'), config);
  return root;
}

describe('glob wildcards', () => {
  it('counts * runs and ** and refuses more than three, and repeating extglobs', () => {
    expect(MAX_GLOB_WILDCARDS).toBe(3);
    expect(globProblem('catalogs/**/items/*.yaml')).toBeUndefined();
    expect(globProblem('**/archive/**')).toBeUndefined();
    expect(globProblem('**/test/**/*.yaml')).toBeUndefined();
    expect(globProblem('catalogs/wuhou/items/000?00001000.yaml')).toBeUndefined();
    expect(globProblem('**/*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*z')).toEqual({ wildcards: 22 });
    expect(globProblem('**/a/**/a/**/a/**/z')).toEqual({ wildcards: 4 });
    expect(globProblem('*a*a*a*z')).toEqual({ wildcards: 4 });
    expect(globProblem('+(a|aa)z')).toEqual({ wildcards: 4 });
    expect(globProblem('*(a)')).toEqual({ wildcards: 4 });
    // An escaped star is a literal.
    expect(globProblem('\\*\\*\\*\\*.yaml')).toBeUndefined();
  });

  it('a path longer than MAX_GLOB_SUBJECT matches no glob', () => {
    const config = compileConfig({ ignore: ['**/*.yaml'] });
    expect(config.isIgnored('a/b.yaml')).toBe(true);
    expect(config.isIgnored(`${'a/'.repeat(MAX_GLOB_SUBJECT)}b.yaml`)).toBe(false);
  });
});

describe('tongban.config.yaml globs through the CLI', () => {
  it('the reviewer’s ignore glob is a config finding, in well under a second', async () => {
    const root = samples('ignore: ["**/*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*z"]\n');
    writeFileSync(path.join(root, 'catalogs/wuhou/items', `${'a'.repeat(200)}.yaml`), 'name: x\n');
    const started = Date.now();
    const run = await tongban(['validate', 'catalogs/wuhou'], { cwd: root });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('config/glob-unsafe');
    expect(run.stderr).toContain('tongban.config.yaml:1');
  });

  it('overrides and catalogs globs are checked too; a glob of three wildcards still works', async () => {
    const bad = samples(
      'overrides:\n  - files: ["**/*x*y*z"]\n    rules: { contact/area-code: off }\ncatalogs:\n  - { path: "*a*b*c*d", profile: national }\n',
    );
    const run = await tongban(['validate', 'catalogs/wuhou'], { cwd: bad });
    expect(run.code).toBe(2);
    expect(run.stderr.match(/config\/glob-unsafe/g)).toHaveLength(2);

    const good = samples('ignore: ["**/items/*.yaml"]\n');
    const ok = await tongban(['validate', 'catalogs/wuhou'], { cwd: good });
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain('0 items');
  });
});
