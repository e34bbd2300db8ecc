/**
 * Views for Markdown templates. Handlebars escapes HTML (`<` becomes `&lt;`, so no raw HTML or autolink
 * gets through) but not Markdown: a name such as `[办理](javascript:alert(1))` would become a link where
 * the guide is shown as HTML. Escaping `\`, `[` and `]` leaves no link or image syntax in catalogue
 * text; the text reads the same once rendered. Links tongban makes (`href`, `*Href`) and the JSON-LD are
 * left as they are.
 */

const MARKDOWN = /[\\[\]]/g;

function isLinkKey(key: string): boolean {
  return key === 'href' || key.endsWith('Href') || key === 'jsonLd';
}

function escape(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(MARKDOWN, '\\$&');
  if (Array.isArray(value)) return value.map(escape);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, isLinkKey(key) ? v : escape(v)] as const));
  return value;
}

/** `view` with Markdown's link syntax escaped in every string but links and JSON-LD. */
export function markdownView<T>(view: T): T {
  return escape(view) as T;
}
