/**
 * The records of a nested JSON export: departments → items → sub-items. `path` names the arrays walked
 * from the top (a step that holds an object, such as the `data` of an API's `{ code, msg, data }` wrapper,
 * is gone through, without carrying the wrapper's own fields); every record carries down the fields of
 * the objects above it (its own field of the same name wins), and `children` names an array of
 * sub-records (业务办理项) that become records of their own, inheriting their parent's fields. Each record
 * says where it was found, for reports.
 */

export interface RecordsSpec {
  path: readonly string[];
  children?: string;
}

export interface NestedRecord {
  /** Fields of the record, over the fields carried down from above. No prototype: `__proto__` is a field. */
  fields: Record<string, unknown>;
  /** Where it was found: `departments[1].items[3].subItems[0]`. */
  at: string;
}

/**
 * Something on the way that is not what the spec says: an entry that is no object, a missing array. `at`
 * is empty at the top of the document: the path does not fit the file at all.
 */
export interface RecordsProblem {
  problem: 'not-object' | 'no-array';
  at: string;
  /** For no-array: the field that should hold the array (or the object to go through). */
  field?: string;
  /** What is there instead: missing, string, number, boolean, null, array. */
  found: string;
}

const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : value === undefined ? 'missing' : typeof value;

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The object's fields except `skip` (the array walked into), over `inherited`. */
function carried(
  inherited: Record<string, unknown>,
  own: Record<string, unknown>,
  skip: string,
): Record<string, unknown> {
  const out = Object.assign(Object.create(null) as Record<string, unknown>, inherited);
  for (const [key, value] of Object.entries(own)) if (key !== skip) out[key] = value;
  return out;
}

/** Marks a sub-record: a record that has no children of its own to walk. */
const SUB_RECORD = -1;

export function* walkRecords(root: unknown, spec: RecordsSpec): Generator<NestedRecord | RecordsProblem> {
  type Frame = { node: unknown; depth: number; at: string; inherited: Record<string, unknown> };
  const top = (node: unknown, at: string): Frame => ({ node, depth: 0, at, inherited: Object.create(null) });
  const start: Frame[] = Array.isArray(root) ? root.map((node, i) => top(node, `[${i}]`)) : [top(root, '')];
  // Depth-first in document order, without recursion: exports can be long and are hostile input.
  const stack = start.reverse();
  const skip = spec.children ?? '';
  while (stack.length) {
    const { node, depth, at, inherited } = stack.pop() as Frame;
    if (!isObject(node)) {
      yield { problem: 'not-object', at, found: kindOf(node) };
      continue;
    }
    if (depth === SUB_RECORD) {
      yield { fields: carried(inherited, node, skip), at };
      continue;
    }
    if (depth === spec.path.length) {
      const fields = carried(inherited, node, skip);
      yield { fields, at };
      const children =
        spec.children !== undefined && Object.hasOwn(node, spec.children) ? node[spec.children] : undefined;
      if (Array.isArray(children))
        for (let i = children.length - 1; i >= 0; i--)
          stack.push({ node: children[i], depth: SUB_RECORD, at: `${at}.${skip}[${i}]`, inherited: fields });
      continue;
    }
    const key = spec.path[depth] as string;
    const list = Object.hasOwn(node, key) ? node[key] : undefined;
    const where = `${at ? at + '.' : ''}${key}`;
    // A step through an object (`data` of `{ code, msg, data: { departments: [...] } }`) is followed as it
    // is. The fields beside it describe the wrapper (a status code, a message), not the records: they are
    // not carried down, so a response's `code: 200` never stands in for an item's code.
    if (isObject(list)) {
      stack.push({ node: list, depth: depth + 1, at: where, inherited });
      continue;
    }
    if (!Array.isArray(list)) {
      yield { problem: 'no-array', at, field: key, found: list === undefined ? 'missing' : kindOf(list) };
      continue;
    }
    const next = carried(inherited, node, key);
    for (let i = list.length - 1; i >= 0; i--)
      stack.push({ node: list[i], depth: depth + 1, at: `${where}[${i}]`, inherited: next });
  }
}
