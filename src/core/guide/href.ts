/**
 * Which URLs from catalogue data may become a link. HTML escaping keeps a value inside its attribute but
 * does nothing about what the value means: `href="javascript:alert(1)"` is escaped perfectly and still runs
 * when clicked. So a URL reaches an `href` only when its scheme is http or https, or it has none (a relative
 * link); anything else (`javascript:`, `data:`, `vbscript:`, `file:` …) is shown as text, not linked.
 */

/**
 * What a browser ignores when it reads a URL: leading and trailing C0 controls and spaces, and tabs and
 * newlines anywhere (`java\tscript:` is `javascript:`).
 */
// eslint-disable-next-line no-control-regex -- the controls are what browsers strip
const EDGES = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const INSIDE = /[\t\n\r]/g;
/** A scheme: a letter, then letters, digits, + - . up to a colon (before any / ? #). */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const ALLOWED = new Set(['http', 'https']);

/** The URL as a link may use it, or null when it must not be linked. */
export function safeHref(url: string | null | undefined): string | null {
  if (typeof url !== 'string') return null;
  const cleaned = url.replace(EDGES, '').replace(INSIDE, '');
  if (cleaned === '') return null;
  const scheme = SCHEME.exec(cleaned)?.[1];
  if (scheme !== undefined) return ALLOWED.has(scheme.toLowerCase()) ? cleaned : null;
  // No scheme: relative. A colon before the first / ? # would make a browser read a scheme after all.
  const head = cleaned.split(/[/?#]/, 1)[0] ?? '';
  return head.includes(':') ? null : cleaned;
}
