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

/**
 * Where a blank form, a sample or a result sample may be linked: a full http(s) URL as it is; a relative
 * name only against the site's `baseUrl` (`--base-url`), since the file is not part of the site (a bare
 * `spxk-sqs.docx` next to the page would be a dead link); nothing else. The result passes `safeHref` again,
 * so no base and no name can make a `javascript:` link.
 */
export function resolvedHref(value: string | null | undefined, baseUrl?: string): string | null {
  const href = safeHref(value);
  if (href === null) return null;
  if (SCHEME.test(href)) return href;
  if (baseUrl === undefined) return null;
  const base = safeHref(baseUrl);
  if (base === null) return null;
  if (SCHEME.test(base)) {
    try {
      return safeHref(new URL(href, base.endsWith('/') ? base : `${base}/`).href);
    } catch {
      return null;
    }
  }
  // A relative base (`../forms/`): joined as text, the name's characters percent-encoded where needed.
  return safeHref(`${base.endsWith('/') ? base : `${base}/`}${encodeURI(href.replace(/^\.\//, ''))}`);
}

/**
 * A `tel:` link for a phone number (`0755-83001117`, `12345`, `+86 28 8300 1117`, `(028)83001117`, an
 * extension after a comma: `0755-83001117,123`), or null when the text is not only a phone number. The
 * link holds only digits, `+`, `-` and `,`, so it is safe by construction.
 */
export function telHref(phone: string | null | undefined): string | null {
  if (typeof phone !== 'string') return null;
  const text = phone.trim();
  if (!/^\+?[\d\s(),-]{3,30}$/.test(text)) return null;
  const digits = text
    .replace(/[\s()]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return (digits.match(/\d/g)?.length ?? 0) >= 3 ? `tel:${digits}` : null;
}

/** A URL as a person would type it: without `https://` and a lone trailing `/`. */
export function shortUrl(href: string): string {
  return href.replace(/^https?:\/\//i, '').replace(/\/$/, '');
}
