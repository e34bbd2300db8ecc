/**
 * Checked rendering of guides with Handlebars: templates are checked before use (no raw `{{{…}}}` output
 * unless allowed for a named field; partial names that could leave the templates folder are refused), and
 * run in strict mode, so a field the item does not have is an error naming the template line, never a
 * blank or "undefined" in a citizen's guide.
 */
import Handlebars from 'handlebars';
import type { Finding, Range } from '../diagnostic.js';

export interface TemplateSource {
  /** Display path, for findings. */
  file: string;
  source: string;
}

export interface TemplateSet {
  /** guide.html, guide.md, index.html, index.md … by name without `.hbs`. */
  templates: Record<string, TemplateSource>;
  partials: Record<string, TemplateSource>;
}

export interface MissingField {
  field: string;
  template: string;
  line: number;
  column: number;
}

type Node = { type: string; loc?: { start: { line: number; column: number } }; [key: string]: unknown };

function at(node: Node): Finding['range'] {
  const start = { line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1 };
  return { start, end: start };
}

function walk(node: unknown, visit: (node: Node) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((child) => walk(child, visit));
  const n = node as Node;
  if (typeof n.type === 'string') visit(n);
  for (const [key, value] of Object.entries(n)) if (key !== 'loc') walk(value, visit);
}

/** Problems in a template's own text: syntax, raw output, partial names. */
export function checkTemplate(template: TemplateSource, allowRaw: readonly string[]): Finding[] {
  let ast: unknown;
  try {
    ast = Handlebars.parse(template.source);
  } catch (error) {
    const e = error as { message: string; lineNumber?: number; column?: number };
    const start = { line: e.lineNumber ?? 1, column: (e.column ?? 0) + 1 };
    return [
      {
        code: 'guide/template-syntax',
        severity: 'error',
        file: template.file,
        path: '',
        args: { detail: e.message.split('\n')[0] ?? '' },
        range: { start, end: start },
      },
    ];
  }
  const out: Finding[] = [];
  walk(ast, (node) => {
    if (node.type === 'MustacheStatement' && node.escaped === false) {
      const field = (node.path as { original?: string } | undefined)?.original ?? '';
      if (!allowRaw.includes(field))
        out.push({
          code: 'guide/raw-output',
          severity: 'error',
          file: template.file,
          path: '',
          args: { field },
          range: at(node),
        });
    }
    if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
      const name = (node.name as { original?: string } | undefined)?.original ?? '';
      if (!/^[\w-]+$/.test(name))
        out.push({
          code: 'guide/partial-name',
          severity: 'error',
          file: template.file,
          path: '',
          args: { name },
          range: at(node),
        });
    }
  });
  return out;
}

/** The first path in a template of more than one part whose last part is `part`, and where it is. */
function pathEndingIn(source: string, part: string): { original: string; line: number; column: number } | undefined {
  let found: { original: string; line: number; column: number } | undefined;
  walk(Handlebars.parse(source), (node) => {
    const parts = node.parts as string[] | undefined;
    if (found || node.type !== 'PathExpression' || !parts || parts.length < 2 || parts.at(-1) !== part) return;
    const { start } = at(node) as Range;
    found = { original: String(node.original), ...start };
  });
  return found;
}

export type Rendered = { text: string } | { missing: MissingField };

/** Compiles a template set; `render` returns the text, or the first field the view lacks and where. */
export function createRenderer(set: TemplateSet): (name: string, view: unknown) => Rendered {
  const handlebars = Handlebars.create();
  // The page's JSON-LD is tongban's own, made script-safe in the view (\u003c for <), so it is the one
  // value printed as is; HTML-escaping it would turn its quotes into &quot; and break the JSON.
  handlebars.registerHelper('json-ld', function (this: { jsonLd?: string }) {
    return new handlebars.SafeString(this.jsonLd ?? '{}');
  });
  const compile = (template: TemplateSource) => {
    const run = handlebars.compile(template.source, { strict: true });
    // Errors carry a line but not the template; tag them with the file of the template they came from.
    return (context: unknown, options?: Handlebars.RuntimeOptions) => {
      try {
        return run(context, options);
      } catch (error) {
        (error as { template?: string }).template ??= template.file;
        throw error;
      }
    };
  };
  for (const [name, partial] of Object.entries(set.partials))
    handlebars.registerPartial(name, compile(partial) as unknown as Handlebars.Template);
  const compiled = new Map(Object.entries(set.templates).map(([name, template]) => [name, compile(template)]));
  return (name, view) => {
    const template = compiled.get(name);
    if (!template) throw new Error(`no template ${name}`);
    try {
      return { text: template(view) };
    } catch (error) {
      const e = error as { message: string; template?: string; lineNumber?: number; column?: number };
      const template = e.template ?? set.templates[name]?.file ?? name;
      const field = /^"([^"]+)" not defined/.exec(e.message)?.[1];
      if (field !== undefined)
        return { missing: { field, template, line: e.lineNumber ?? 1, column: (e.column ?? 0) + 1 } };
      // A path into text (`agency.name` where agency is text) fails in Handlebars' own lookup, which names
      // only the last part and no position: find the path in the template's source.
      const part = /^Cannot use 'in' operator to search for '([^']+)'/.exec(e.message)?.[1];
      const source = [...Object.values(set.templates), ...Object.values(set.partials)].find((t) => t.file === template);
      const path = part === undefined || !source ? undefined : pathEndingIn(source.source, part);
      if (path === undefined) throw error;
      return { missing: { field: path.original, template, line: path.line, column: path.column } };
    }
  };
}
