/**
 * The plain-shape YAML reader (src/io/plain-yaml.ts) against js-yaml: whatever it reads, it reads as
 * js-yaml does (on every YAML file of the repository, the benchmark's items and generated text); what it
 * cannot read it leaves to js-yaml.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parsePlainYaml } from '../src/io/plain-yaml.js';
// @ts-expect-error: a plain ES module without types
import { implementationItem, richImplementationItem } from '../bench/generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function jsYaml(text: string): { value: unknown } | { error: true } {
  try {
    return { value: load(text, { schema: CORE_SCHEMA, maxDepth: 100 }) };
  } catch {
    return { error: true };
  }
}

/** When the plain reader returns something, js-yaml returns the same (same keys in the same order). */
function agrees(text: string): boolean {
  const plain = parsePlainYaml(text);
  if (plain === undefined) return false;
  const reference = jsYaml(text);
  expect(reference, text).toHaveProperty('value');
  if ('value' in reference) {
    expect(plain, text).toStrictEqual(reference.value);
    expect(JSON.stringify(plain), text).toBe(JSON.stringify(reference.value));
  }
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name) && !e.parentPath.includes('node_modules'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('plain YAML reader', () => {
  it('reads the sample items as js-yaml does, and most of them at all', () => {
    const items = yamlFiles(path.join(ROOT, 'catalogs')).filter((f) => f.includes(`${path.sep}items${path.sep}`));
    const read = items.filter((file) => agrees(readFileSync(file, 'utf8')));
    expect(items.length).toBeGreaterThan(30);
    expect(read.length / items.length).toBeGreaterThan(0.9);
  });

  it('every YAML file of the repository: the same as js-yaml, or left to it', () => {
    const files = [...yamlFiles(path.join(ROOT, 'catalogs')), ...yamlFiles(path.join(ROOT, 'test'))];
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) agrees(readFileSync(file, 'utf8'));
  });

  it("the benchmark's small and rich items", () => {
    const region = { id: 'x', region: '440300', level: '市级', digit: '3', uscc: '114403000971908070' };
    for (let i = 0; i < 50; i++) {
      expect(agrees(implementationItem(i, null, `00010000${i}000`, `事项${i}`, '行政许可', region))).toBe(true);
      expect(agrees(richImplementationItem(i, `00010000${i}000`, `事项${i}`, '行政确认', region))).toBe(true);
    }
  });

  it('Windows line ends: read as js-yaml reads them', () => {
    const region = { id: 'x', region: '440300', level: '市级', digit: '3', uscc: '114403000971908070' };
    for (let i = 0; i < 20; i++) {
      const item = richImplementationItem(i, `00010000${i}000`, `事项${i}`, '行政确认', region) as string;
      expect(agrees(item.replace(/\n/g, '\r\n'))).toBe(true);
    }
    expect(parsePlainYaml('a: b\r\nc: [x, y]\r\n')).toEqual({ a: 'b', c: ['x', 'y'] });
  });

  it('leaves to js-yaml what it does not read', () => {
    for (const text of [
      'a: |\n  text\n',
      'a: >-\n  folded\n',
      'a: "esc\\"aped"\n',
      'a: b\na: c\n',
      'a: multi\n  line\n',
      '"quoted": key\n',
      '- a\n- b\n',
      'a: [1, [2]]\n',
      'a: !!str 1\n',
      'a: b\rc: d\r',
      'a: b\t# tab\n',
      '---\na: b\n',
      'a:\n  - b\n c: d\n',
      'a: b: c\n',
      'x\n',
      '',
      'a: \u0007\n',
      '1.0: x\n',
      'null: x\n',
    ])
      expect(parsePlainYaml(text), JSON.stringify(text)).toBeUndefined();
  });

  it('generated text: never a different result from js-yaml', () => {
    const keys = fc.constantFrom('a', 'b', 'name', 'code', 'value', 'true', 'x1', 'ok');
    const scalars = fc.constantFrom(
      'x',
      '1',
      '-1',
      '+1',
      '0x1F',
      '0o17',
      '0755',
      '1_000',
      '1e3',
      '1.5',
      '.5',
      '.inf',
      '-.Inf',
      '.NaN',
      '~',
      'null',
      'Null',
      'NULL',
      'true',
      'False',
      'yes',
      'no',
      'on',
      '2026-01-01',
      '12:30',
      '0755-83001117',
      '"12345"',
      "'it''s'",
      "''",
      '""',
      '[a, b]',
      '[]',
      '{}',
      '{ value: 1, unit: 日 }',
      '[1, "2", x y]',
      'a #c',
      'a#b',
      'http://x/#y',
      '周一至周五 9:00-12:00',
      '- a',
      '-',
      '-x',
      '? x',
      ': x',
      '&a x',
      '*a',
      '!t x',
      '|',
      '>',
      '%x',
      '@x',
      '`x',
      'a: b',
      'a:',
      '"a" x',
      "'a' #c",
      '[a, ]',
      '{ a: 1, a: 2 }',
      '{ a:1 }',
      '# only',
    );
    type Node = string | { map: [string, Node][] } | { seq: Node[] };
    const { node } = fc.letrec<{ node: Node }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        scalars,
        fc.record({ map: fc.array(fc.tuple(keys, tie('node')), { minLength: 1, maxLength: 4 }) }),
        fc.record({ seq: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      ),
    }));
    /** Block style, as items are written; `sameIndent`: a sequence under a key at the key's indentation. */
    const write = (value: Node, indent: number, sameIndent: boolean): string[] => {
      const pad = ' '.repeat(indent);
      if (typeof value === 'string') return [value];
      if ('map' in value)
        return value.map.flatMap(([key, child]) => {
          if (typeof child === 'string') return [`${pad}${key}: ${child}`];
          const inner = 'seq' in child && sameIndent ? indent : indent + 2;
          return [`${pad}${key}:`, ...write(child, inner, sameIndent)];
        });
      return value.seq.flatMap((child) => {
        if (typeof child === 'string') return [`${pad}- ${child}`];
        const lines = write(child, indent + 2, sameIndent);
        // `- key: value` on the dash's line, the rest below it.
        return 'map' in child ? [`${pad}- ${(lines[0] ?? '').trimStart()}`, ...lines.slice(1)] : [`${pad}-`, ...lines];
      });
    };
    const doc = fc
      .tuple(
        fc.array(fc.tuple(keys, node), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.option(fc.nat(40)),
        fc.constantFrom(' ', '  ', '# c', ''),
      )
      .map(([entries, sameIndent, broken, noise]) => {
        const lines = write({ map: entries }, 0, sameIndent);
        // Now and then a line moved or a comment put in, to test what must be refused or skipped.
        if (broken !== null && lines.length) {
          const at = broken % lines.length;
          lines[at] = noise + (lines[at] ?? '');
        }
        return lines.join('\n') + '\n';
      });
    let read = 0;
    fc.assert(
      fc.property(doc, (text) => {
        if (agrees(text)) read++;
      }),
      { numRuns: Number(process.env.PLAIN_YAML_RUNS ?? 3000), seed: Number(process.env.PLAIN_YAML_SEED ?? 14) },
    );
    // The generator makes enough plain documents for the comparison to mean something.
    expect(read).toBeGreaterThan(80);
  });
});
