/**
 * Views for Markdown templates. Handlebars escapes HTML (`<` becomes `&lt;`, so no raw HTML or autolink
 * gets through) but not Markdown: a name such as `[办理](javascript:alert(1))` would become a link where
 * the guide is shown as HTML, and a material named `申请书 | x\n\n## 标题` would add table cells and a
 * heading. So in catalogue text: `\`, `[`, `]`, `|` and backticks are escaped (no link, image, code span
 * or table cell), line breaks become spaces (a value stays on its line, in its cell), and what would
 * start a block — `#`, `>`, `-`, `+`, `*`, `=`, `_`, `~`, `1.` — is escaped at the start of the value;
 * the text reads the same once rendered. Links tongban makes (`href`, `*Href`) and the JSON-LD are left
 * as they are.
 */

const MARKDOWN = /[\\[\]|`]/g;
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u0085]/;
/** Block syntax at the start of a line: a heading, quote, list item, thematic break, setext underline, fence. */
const BLOCK_START = /^(\s*)([#>\-+*=_~])/;
const ORDERED_ITEM = /^(\s*\d+)([.)])/;

function escapeText(text: string): string {
  return text
    .split(LINE_BREAK)
    .map((line) => line.replace(MARKDOWN, '\\$&').replace(BLOCK_START, '$1\\$2').replace(ORDERED_ITEM, '$1\\$2'))
    .join(' ');
}

function isLinkKey(key: string): boolean {
  return key === 'href' || key.endsWith('Href') || key === 'jsonLd';
}

function escape(value: unknown): unknown {
  if (typeof value === 'string') return escapeText(value);
  if (Array.isArray(value)) return value.map(escape);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, isLinkKey(key) ? v : escape(v)] as const));
  return value;
}

/** `view` with Markdown syntax escaped in every string but links and JSON-LD. */
export function markdownView<T>(view: T): T {
  return escape(view) as T;
}
