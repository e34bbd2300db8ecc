/** Import mappings: a preset shipped with tongban (national, tongban, tongban-basic) or a mapping file; and the code lists transforms look values up in. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  constantProblems,
  listProblems,
  mappingKeyProblems,
  mappingProblems,
  type Mapping,
} from '../core/exchange/mapping.js';
import type { CodeListLookup } from '../core/exchange/transforms.js';
import type { SchemaValidator } from '../core/schema/validator.js';
import { displayPath } from './display-path.js';
import { ConfigError, UsageError } from './errors.js';
import { loadSchemaSet, SCHEMAS_DIR_FOR_MAPPINGS } from './reference-files.js';
import { readCheckedYaml } from './read-checked-yaml.js';

export function readMapping(map: string, cwd: string, schemas: SchemaValidator): Mapping {
  const preset = path.join(SCHEMAS_DIR_FOR_MAPPINGS, `${map}.yaml`);
  const file = /^[\w-]+$/.test(map) && existsSync(preset) ? preset : path.resolve(cwd, map);
  if (!existsSync(file)) throw new UsageError('usage/path-not-found', { path: map });
  const result = readCheckedYaml<Mapping>(file, displayPath(cwd, file), [
    // Misspelt keys first: each is named once, with what was meant, rather than as the schema's oneOf noise.
    (data) => mappingKeyProblems(data),
    (data) => schemas.mapping(data),
    (data) => mappingProblems(data as Mapping),
    (data) => listProblems(data as Mapping, readCodeLists()),
    (data) => constantProblems(data as Mapping, readCodeLists()),
  ]);
  if ('findings' in result) throw new ConfigError(result.findings);
  return result.data;
}

/** Each code list by its name: every value by its name and its national code. */
export function readCodeLists(): Map<string, CodeListLookup> {
  const lists = new Map<string, CodeListLookup>();
  for (const [key, schema] of Object.entries(loadSchemaSet().shared)) {
    if (!key.startsWith('codelists/')) continue;
    type Entry = { const: unknown; 'x-code': string; title: string; 'x-aliases'?: string[] };
    const entries = (schema as { oneOf?: Entry[] }).oneOf ?? [];
    lists.set(key.slice('codelists/'.length, -'.json'.length), {
      // By its value, its title and the other ways exports write it (x-aliases: 是 for 必要, Ⅳ for 4).
      byName: new Map(
        entries.flatMap((e) =>
          [String(e.const), e.title, ...(e['x-aliases'] ?? [])].map((name) => [name, e.const] as [string, unknown]),
        ),
      ),
      byCode: new Map(entries.map((e) => [String(e['x-code']), e.const])),
    });
  }
  return lists;
}
