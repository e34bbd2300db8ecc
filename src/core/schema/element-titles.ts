/**
 * The title of every element of an item schema, by its path with list positions collapsed
 * (`materials[].source` → 来源渠道): how completeness findings name what is missing in the words of the
 * national standard rather than as a YAML key only.
 */
import type { CatalogKind } from '../model.js';
import type { SchemaSet } from './validator.js';

type Node = { title?: string; $ref?: string; properties?: Record<string, Node>; items?: Node };

/** Follows `common.schema.json#/$defs/x` and `codelists/y.json` references within the schema set. */
function resolve(node: Node, set: SchemaSet): Node {
  let current = node;
  for (let hops = 0; current.$ref !== undefined && hops < 8; hops++) {
    const [file, fragment] = current.$ref.split('#');
    const document = set.shared[file as string] as Node & { $defs?: Record<string, Node> };
    if (!document) break;
    const target = fragment?.startsWith('/$defs/') ? document.$defs?.[fragment.slice('/$defs/'.length)] : document;
    if (!target) break;
    // The referring node's own title wins over the definition's (levels: 行使层级 either way).
    current = { ...target, ...(current.title !== undefined ? { title: current.title } : {}) };
    if (target.$ref === undefined) break;
  }
  return current;
}

export function elementTitles(set: SchemaSet, kind: CatalogKind): Map<string, string> {
  const titles = new Map<string, string>();
  const walk = (node: Node, path: string, depth: number) => {
    if (depth > 6) return;
    const resolved = resolve(node, set);
    if (path && resolved.title !== undefined) titles.set(path, resolved.title);
    for (const [key, child] of Object.entries(resolved.properties ?? {}))
      walk(child, path ? `${path}.${key}` : key, depth + 1);
    if (resolved.items) walk(resolved.items, `${path}[]`, depth + 1);
  };
  walk(set.items[kind] as Node, '', 0);
  return titles;
}
