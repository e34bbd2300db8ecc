/**
 * Code lists are written as `oneOf` of `const` entries so editors can show each value's title and code.
 * For validation that form is slow (every non-matching entry builds an error object) and noisy, so the
 * schemas given to ajv carry the same values as one `enum`; annotations (title, description) are kept.
 */

type Json = unknown;

function constValues(oneOf: unknown): unknown[] | undefined {
  if (!Array.isArray(oneOf) || oneOf.length === 0) return undefined;
  if (!oneOf.every((b) => b !== null && typeof b === 'object' && 'const' in b)) return undefined;
  return oneOf.map((b) => (b as { const: unknown }).const);
}

export function codeListsAsEnums(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(codeListsAsEnums);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, Json> = {};
  const values = constValues((schema as Record<string, unknown>).oneOf);
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'oneOf' && values) out.enum = values;
    else out[key] = codeListsAsEnums(value);
  }
  return out;
}
