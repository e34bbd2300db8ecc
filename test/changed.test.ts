/** --changed: findings of changed files and of the items the change affects, and nothing else. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/index.js';
import { validateAt } from './helpers/api.js';

const BASE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'validate', 'base');
const IMPL = 'impl/items/000100001000.yaml';
const BASIC = 'basic/items/000100001000.yaml';
const PENALTY = 'basic/items/000200001000.yaml';

function git(root: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], {
    cwd: root,
    stdio: 'ignore',
  });
}

/** The base fixture committed, with one old finding (a basic item without levels it needs) left in place. */
function repository(): { root: string; edit: (file: string, change: (text: string) => string) => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-changed-'));
  cpSync(BASE, root, { recursive: true });
  const edit = (file: string, change: (text: string) => string) =>
    writeFileSync(path.join(root, file), change(readFileSync(path.join(root, file), 'utf8')));
  edit(PENALTY, (t) => t.replace('code: "000200001000"', 'code: "000200001000"\nstatus: 已废止'));
  git(root, 'init', '-q');
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'catalogs');
  return { root, edit };
}

async function reported(root: string, ref = 'HEAD') {
  const result = await validateAt(root, ['.'], { config: false, changed: ref });
  return result.diagnostics.map((d) => `${d.file} ${d.code}`);
}

describe('--changed', () => {
  it('reports nothing when nothing changed, though old findings exist', async () => {
    const { root } = repository();
    expect((await validateAt(root, ['.'], { config: false })).diagnostics.map((d) => d.code)).toEqual(['schema/enum']);
    expect(await reported(root)).toEqual([]);
  });

  it('reports a changed file', async () => {
    const { root, edit } = repository();
    edit(IMPL, (t) => t.replace('promisedLimit: { value: 5,', 'promisedLimit: { value: 50,'));
    expect(await reported(root)).toEqual([`${IMPL} limit/promised-exceeds-statutory`]);
  });

  it('a renamed basic item reaches the unchanged items that implement it', async () => {
    const { root, edit } = repository();
    edit(BASIC, (t) => t.replace('name: 食品经营许可', 'name: 食品经营许可证核发'));
    expect(await reported(root)).toEqual([`${IMPL} basic/name-mismatch`]);
  });

  it('a renumbered basic item reaches the items that implement its old code', async () => {
    const { root, edit } = repository();
    edit(BASIC, (t) => t.replace('"000100001000"', '"000100007000"'));
    expect(await reported(root)).toEqual([`${IMPL} basic/unknown-code`]);
  });

  it('a new item duplicating an old code reaches the old item', async () => {
    const { root } = repository();
    writeFileSync(path.join(root, 'basic/items/000000000000.yaml'), readFileSync(path.join(root, BASIC), 'utf8'));
    expect(await reported(root)).toEqual([`${BASIC} code/duplicate`]);
  });

  it('a changed catalog.yaml brings in its whole catalog', async () => {
    const { root, edit } = repository();
    edit('basic/catalog.yaml', (t) => t + 'version: "2"\n');
    expect(await reported(root)).toEqual([`${PENALTY} schema/enum`]);
  });

  it('compares with any ref', async () => {
    const { root, edit } = repository();
    edit(IMPL, (t) => t.replace('promisedLimit: { value: 5,', 'promisedLimit: { value: 50,'));
    git(root, 'commit', '-q', '-am', 'later');
    expect(await reported(root)).toEqual([]);
    expect(await reported(root, 'HEAD~1')).toEqual([`${IMPL} limit/promised-exceeds-statutory`]);
  });

  it('a ref that does not exist is a usage error', async () => {
    const { root } = repository();
    const error = await validateAt(root, ['.'], { changed: 'no-such-branch' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).messageCode).toBe('usage/git');
  });
});
