/** The schemas serve editors: every property carries a Chinese title and a description, directly or through its $ref. */
import { describe, expect, it } from 'vitest';
import { loadSchemaSet } from '../../src/io/reference-files.js';

type Schema = Record<string, unknown>;
const set = loadSchemaSet();
const byKey: Record<string, Schema> = {
  ...(set.shared as Record<string, Schema>),
  'catalog.schema.json': set.catalog as Schema,
  'item.basic.schema.json': set.items.basic as Schema,
  'item.implementation.schema.json': set.items.implementation as Schema,
  'bundle.schema.json': set.bundle as Schema,
};

/** Follows $refs (relative to the file they appear in) to the schema that says what a property is. */
function deref(schema: Schema, file: string): { schema: Schema; file: string } {
  if (typeof schema.$ref !== 'string') return { schema, file };
  const [target, fragment] = schema.$ref.split('#');
  const targetFile = target || file;
  let node = byKey[targetFile] as Schema;
  for (const part of (fragment ?? '').split('/').filter(Boolean)) node = node[part] as Schema;
  // Annotations beside a $ref (title, description) apply to the property; keep them over the target's.
  const { $ref: _ref, ...beside } = schema;
  const resolved = deref(node, targetFile);
  return { schema: { ...resolved.schema, ...beside }, file: resolved.file };
}

/** Every property schema reachable from `schema`, resolved, with a readable path. */
function properties(schema: Schema, file: string, at: string, out: { at: string; schema: Schema }[]): void {
  for (const [name, prop] of Object.entries((schema.properties as Record<string, Schema> | undefined) ?? {})) {
    const resolved = deref(prop, file);
    out.push({ at: `${at}/${name}`, schema: resolved.schema });
    properties(resolved.schema, resolved.file, `${at}/${name}`, out);
    const items = resolved.schema.items as Schema | undefined;
    if (items) {
      const item = deref(items, resolved.file);
      properties(item.schema, item.file, `${at}/${name}[]`, out);
    }
  }
}

const CHINESE = /[\u4e00-\u9fff]/;

describe('schemas', () => {
  for (const root of [
    'catalog.schema.json',
    'item.basic.schema.json',
    'item.implementation.schema.json',
    'bundle.schema.json',
  ]) {
    it(`${root}: every property has a Chinese title and a description`, () => {
      const found: { at: string; schema: Schema }[] = [];
      properties(byKey[root] as Schema, root, '', found);
      expect(found.length).toBeGreaterThan(5);
      const lacking = found
        .filter(
          ({ schema }) =>
            !(typeof schema.title === 'string' && CHINESE.test(schema.title) && typeof schema.description === 'string'),
        )
        .map((p) => p.at);
      expect(lacking).toEqual([]);
    });
  }

  it('every code-list entry has a title, a description and its national code', () => {
    const lists = Object.entries(byKey).filter(([key]) => key.startsWith('codelists/'));
    expect(lists.length).toBeGreaterThanOrEqual(13);
    for (const [, list] of lists) {
      for (const entry of list.oneOf as Schema[]) {
        expect(entry).toEqual(
          expect.objectContaining({
            const: expect.anything(),
            title: expect.any(String),
            description: expect.any(String),
            'x-code': expect.any(String),
          }),
        );
      }
    }
  });
});
