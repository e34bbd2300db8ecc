/**
 * A bundle after some of its member codes are retired, merged or split (`tongban code retire|merge|split
 * --update-bundles`): each old code gives way to the codes that replace it — none (retired), one (merged)
 * or several (split) — in the members, the form fields and the materials, keeping the first of any
 * repeats; a field or material left for no member goes, and so does a form left with no field. Given the
 * agencies that still implement a member, an assisting agency that implements none of them goes too (and
 * the list, when none is left; the
 * lead stays: choosing another is a decision, which validation asks for). This is the result the text
 * edit of the bundle file (io/bundle-edit.ts) must produce.
 */

type Json = Record<string, unknown>;

/** The codes of `codes` a bundle document names anywhere (members, form fields, materials), in order. */
export function codesNamed(bundle: unknown, codes: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === 'string' && codes.has(value)) found.add(value);
  };
  const data = bundle as Json;
  for (const member of asList(data.members)) visit((member as Json | null)?.code);
  for (const field of asList((data.form as Json | undefined)?.fields))
    asList((field as Json | null)?.usedBy).forEach(visit);
  for (const material of asList(data.materials)) asList((material as Json | null)?.neededBy).forEach(visit);
  return [...found];
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Each code as the codes that replace it. */
export type Replacement = (code: string) => readonly string[];

export function replacementFor(old: readonly string[], by: readonly string[]): Replacement {
  const retiring = new Set(old);
  return (code) => (retiring.has(code) ? by : [code]);
}

/** Codes through `replace`, repeats dropped (the first stays). */
export function replaceList(codes: readonly string[], replace: Replacement): string[] {
  return [...new Set(codes.flatMap(replace))];
}

/** The bundle document with its codes replaced (see the module comment). Other content is untouched. */
export function replaceBundleCodes(bundle: Json, replace: Replacement, agencies?: ReadonlySet<string>): Json {
  const out: Json = { ...bundle };
  if (agencies && Array.isArray(bundle.assisting)) {
    const assisting = bundle.assisting.filter((a: Json) => typeof a?.uscc !== 'string' || agencies.has(a.uscc));
    if (assisting.length) out.assisting = assisting;
    else delete out.assisting;
  }
  if (Array.isArray(bundle.members)) {
    const seen = new Set<string>();
    const members: Json[] = [];
    for (const member of bundle.members as Json[]) {
      const codes = typeof member.code === 'string' ? replace(member.code) : [member.code];
      for (const code of codes) {
        if (typeof code === 'string' && seen.has(code)) continue;
        if (typeof code === 'string') seen.add(code);
        members.push({ ...member, code });
      }
    }
    out.members = members;
  }
  const form = bundle.form as Json | undefined;
  if (form && Array.isArray(form.fields)) {
    const fields = form.fields
      .map((field: Json) =>
        Array.isArray(field.usedBy) ? { ...field, usedBy: replaceList(field.usedBy as string[], replace) } : field,
      )
      .filter((field: Json) => !Array.isArray(field.usedBy) || field.usedBy.length > 0);
    if (fields.length) out.form = { ...form, fields };
    else delete out.form;
  }
  if (Array.isArray(bundle.materials)) {
    out.materials = bundle.materials
      .map((material: Json) =>
        Array.isArray(material.neededBy)
          ? { ...material, neededBy: replaceList(material.neededBy as string[], replace) }
          : material,
      )
      .filter((material: Json) => !Array.isArray(material.neededBy) || material.neededBy.length > 0);
  }
  return out;
}
