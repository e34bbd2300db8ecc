/**
 * Hostile code profiles (security review): inherited object keys never reach a title or a level, keys
 * `__proto__`, `constructor` and `prototype` are refused, an `extends` chain has a limit, patterns that
 * backtrack are refused beyond what safe-regex2 sees, and a long code never runs through a pattern.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  checkImplementationCode,
  levelDigitFor,
  levelForDigit,
  profileProblems,
  typeCodeFor,
  typeCodesFor,
  type CodeProfile,
} from '../src/core/codes/profile.js';
import { mappingPatterns, type Mapping } from '../src/core/exchange/mapping.js';
import { isSafePattern, regexStructureProblem } from '../src/core/regex-structure.js';
import { BUILTIN_PROFILES, loadBuiltinProfile } from '../src/io/reference-files.js';
import { ROOT, tongban } from './helpers/cli.js';

const NATIONAL = readFileSync(path.join(ROOT, 'schemas/profiles/national.yaml'), 'utf8');

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-profile-safety-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** The national profile with a layout appended (`implementationCode` is its last part). */
function withLayout(pattern: string, groups: Record<string, string>): string {
  const lines = Object.entries(groups).map(([k, v]) => `        ${k}: ${v}`);
  return `${NATIONAL.replace('id: national', 'id: hostile')}  layouts:\n    - name: 连字符\n      pattern: '${pattern}'\n      groups:\n${lines.join('\n')}\n`;
}

describe('the regex structure check', () => {
  it('refuses alternation or a quantifier in a repeated group, and more than two unbounded quantifiers', () => {
    expect(regexStructureProblem('(?<agency>(?:[0-9A-Z]|[0-9])*)-(?<basic>[0-9]{12})')).toBe('repeated-alternation');
    expect(regexStructureProblem('(?:ab?)+')).toBe('repeated-quantifier');
    expect(regexStructureProblem('((a|b))*')).toBe('repeated-alternation');
    expect(regexStructureProblem('(?:[0-9]{2}){3}')).toBe('repeated-quantifier');
    expect(regexStructureProblem('.*a.*b.*c')).toBe('unbounded-quantifiers');
    expect(regexStructureProblem('a+b{2,}c*')).toBe('unbounded-quantifiers');
    // Safe: a bounded or single repetition, alternation not under repetition, escapes and classes read as one atom.
    expect(regexStructureProblem('(?:a|b)?c')).toBeUndefined();
    expect(regexStructureProblem('(a|b){1}')).toBeUndefined();
    expect(regexStructureProblem('.*a.*')).toBeUndefined();
    expect(regexStructureProblem('[(|*+]+\\(\\|\\)*')).toBeUndefined();
    expect(regexStructureProblem('G-[0-9]{6}-[0-9]{3}')).toBeUndefined();
    expect(regexStructureProblem('(?<=a)(?<n>b)\\k<n>\\p{L}{2}')).toBeUndefined();
    expect(isSafePattern('(a+)+')).toBe(false);
    expect(isSafePattern('(?:[0-9A-Z]|[0-9])*')).toBe(false);
    expect(isSafePattern('[0-9]{2}[0-9Y]')).toBe(true);
  });

  it('passes every pattern of the built-in profiles and mapping presets', () => {
    for (const id of BUILTIN_PROFILES) expect(profileProblems(loadBuiltinProfile(id)), id).toEqual([]);
    const dir = path.join(ROOT, 'schemas/mappings');
    const patterns = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .flatMap((file) => mappingPatterns(loadYaml(readFileSync(path.join(dir, file), 'utf8')) as Mapping))
      .map((p) => p.pattern);
    for (const pattern of patterns) expect(isSafePattern(pattern), pattern).toBe(true);
  });
});

describe('profile patterns that backtrack', () => {
  it('refuses the reviewer’s layout as profile/pattern-unsafe, quickly', async () => {
    const dir = folder({
      'p.yaml': withLayout('(?<agency>(?:[0-9A-Z]|[0-9])*)-(?<basic>[0-9]{12})', {
        agency: '实施主体',
        basic: '基本编码',
      }),
    });
    const started = Date.now();
    const run = await tongban(['code', 'explain', `${'1'.repeat(40)}!`, '--profile', 'p.yaml'], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('profile/pattern-unsafe');
  });

  it('refuses a pattern with three unbounded quantifiers', () => {
    const profile = loadYaml(withLayout('(?<basic>.+)-(?<agency>.+)-(?<level>.*)', {})) as CodeProfile;
    expect(profileProblems(profile).map((f) => [f.code, f.path])).toEqual([
      ['profile/pattern-unsafe', '/implementationCode/layouts/0/pattern'],
    ]);
  });

  it('never runs a code longer than 128 characters through a layout: a shape problem straight away', () => {
    const profile = loadYaml(
      withLayout('(?<basic>[0-9]{12})(?<rest>.+)', { basic: '基本编码', rest: '其余' }),
    ) as CodeProfile;
    expect(checkImplementationCode(`000100001000${'9'.repeat(100)}`, profile)).toBeUndefined();
    expect(checkImplementationCode(`000100001000${'9'.repeat(200)}`, profile)).toMatchObject({ kind: 'shape' });
  });
});

describe('profile keys from Object.prototype', () => {
  it('a layout group named constructor, not listed in groups, is titled by its name', async () => {
    const dir = folder({
      'p.yaml': withLayout('(?<constructor>[A-Z]{2})-(?<basic>[0-9]{12})', { basic: '基本编码' }),
    });
    for (const lang of ['en', 'zh-CN']) {
      const args = ['code', 'explain', 'AB-000100001000', '--profile', 'p.yaml', '--lang', lang];
      const run = await tongban(args, { cwd: dir });
      expect(run.stdout + run.stderr, lang).not.toContain('native code');
      expect(run.stdout, lang).toContain(lang === 'en' ? 'fixed part' : 'constructor');
    }
  });

  it('levelDigits and typeCodes are looked up as own keys only', () => {
    const profile = loadYaml(NATIONAL) as CodeProfile;
    expect(levelForDigit(profile, '2')).toBe('省级');
    expect(levelForDigit(profile, '9')).toBeUndefined();
    expect(levelDigitFor(profile, '省级')).toBe('2');
    expect(levelDigitFor(profile, 'toString')).toBeUndefined();
    expect(typeCodeFor(profile, undefined, 'constructor')).toBeUndefined();
    // Guangdong has a table by origin: an origin named like an Object.prototype key finds no table.
    const guangdong = loadBuiltinProfile('guangdong');
    expect(typeCodesFor(guangdong, 'toString')).toBe(guangdong.typeCodes);
    expect(typeCodeFor(guangdong, '__proto__', '公共服务')).toBe('20');
    expect(typeCodeFor(guangdong, '44', '公共服务')).toBe('21');
  });

  it('refuses keys __proto__, constructor and prototype in a profile', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const dir = folder({ 'p.yaml': NATIONAL.replace('    省级:', `    ${key}: '7'\n    省级:`) });
      const run = await tongban(['code', 'explain', '000100001000', '--profile', 'p.yaml'], { cwd: dir });
      expect(run.code, key).toBe(2);
      expect(run.stderr, key).toMatch(/p\.yaml:\d+:\d+/);
    }
  });
});

describe('profile extends chains', () => {
  it('a chain of 2,000 files is a clear error naming the chain, not a stack overflow', async () => {
    const files: Record<string, string> = { 'p0.yaml': NATIONAL };
    for (let i = 1; i <= 2000; i++) files[`p${i}.yaml`] = `id: p${i}\nname: 第${i}层\nextends: p${i - 1}.yaml\n`;
    const dir = folder(files);
    const run = await tongban(['code', 'explain', '000100001000', '--profile', 'p2000.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('internal error');
    expect(run.stderr).toContain('p2000.yaml');
    expect(run.stderr).toMatch(/32/);
  });

  it('a chain within the limit still loads', async () => {
    const files: Record<string, string> = { 'p0.yaml': NATIONAL };
    for (let i = 1; i <= 10; i++) files[`p${i}.yaml`] = `id: p${i}\nname: 第${i}层\nextends: p${i - 1}.yaml\n`;
    const dir = folder(files);
    const run = await tongban(['code', 'explain', '000100001000', '--profile', 'p10.yaml'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
