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

/** Names of the inline partials a template defines (`{{#*inline "name"}}`), which `{{> name}}` may use. */
function inlinePartials(ast: unknown): Set<string> {
  const names = new Set<string>();
  walk(ast, (node) => {
    const path = node.path as { original?: unknown } | undefined;
    const [name] = (node.params as { value?: unknown }[] | undefined) ?? [];
    if (node.type === 'DecoratorBlock' && path?.original === 'inline' && typeof name?.value === 'string')
      names.add(name.value);
  });
  return names;
}

/**
 * Problems in a template's own text: syntax, raw output, partial names, and — given the names of the
 * partials there are — partials it includes that do not exist (`{{#> name}}…{{/name}}` has a fallback and
 * may name one that does not).
 */
export function checkTemplate(
  template: TemplateSource,
  allowRaw: readonly string[],
  partials?: readonly string[],
): Finding[] {
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
  const known = partials && new Set([...partials, ...inlinePartials(ast)]);
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
      else if (known && node.type === 'PartialStatement' && !known.has(name))
        out.push({
          code: 'guide/partial-missing',
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

/** Where a template includes the partial `name` (the first place), if it does. */
function partialAt(source: string, name: string): { line: number; column: number } | undefined {
  let found: { line: number; column: number } | undefined;
  walk(Handlebars.parse(source), (node) => {
    if (found || node.type !== 'PartialStatement') return;
    if ((node.name as { original?: string } | undefined)?.original === name) found = (at(node) as Range).start;
  });
  return found;
}

export interface MissingPartial {
  name: string;
  template: string;
  line: number;
  column: number;
}

export type Rendered = { text: string } | { missing: MissingField } | { missingPartial: MissingPartial };

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
      const sources = [...Object.values(set.templates), ...Object.values(set.partials)];
      // A partial the checks let through (an inline one out of scope): located where the template names it.
      const partial = /^The partial (.+) could not be found/.exec(e.message)?.[1];
      if (partial !== undefined) {
        const source = sources.find((t) => t.file === template);
        const where = (source && partialAt(source.source, partial)) ?? { line: 1, column: 1 };
        return { missingPartial: { name: partial, template, ...where } };
      }
      // A path into text (`agency.name` where agency is text) fails in Handlebars' own lookup, which names
      // only the last part and no position: find the path in the template's source.
      const part = /^Cannot use 'in' operator to search for '([^']+)'/.exec(e.message)?.[1];
      const source = sources.find((t) => t.file === template);
      const path = part === undefined || !source ? undefined : pathEndingIn(source.source, part);
      if (path === undefined) throw error;
      return { missing: { field: path.original, template, line: path.line, column: path.column } };
    }
  };
}
