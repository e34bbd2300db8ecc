/**
 * Plain text from the HTML fragments portal exports put into text fields (`<p>1.…</p><p>2.…</p>`,
 * `…&nbsp;2号窗口<br/>`): block ends become line ends, every tag is dropped, entities are decoded. The
 * result is text, never markup: whatever renders it later escapes it as any other text.
 */

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  ensp: ' ',
  emsp: ' ',
};

/** Whether a cell holds markup at all: most do not, and are returned as they are. */
const LOOKS_LIKE_HTML = /<\/?[a-zA-Z][^<>]{0,200}>|&(?:[a-zA-Z]{2,8}|#\d{1,7}|#x[0-9a-fA-F]{1,6});/;

function decodeEntity(entity: string, name: string): string {
  if (name.startsWith('#')) {
    const point = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    // Control characters and values outside Unicode stay as written rather than becoming raw bytes.
    const printable = point >= 0x20 && point <= 0x10ffff && !(point >= 0x7f && point <= 0x9f);
    return printable && !(point >= 0xd800 && point <= 0xdfff) ? String.fromCodePoint(point) : entity;
  }
  return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
}

export function htmlToText(cell: string): string {
  if (!LOOKS_LIKE_HTML.test(cell)) return cell;
  return (
    cell
      // Scripts and styles are not text.
      .replace(/<(script|style)\b[^>]{0,200}>[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(?:p|div|li|tr|h[1-6])\s*>/gi, '\n')
      .replace(/<[^<>]{0,2000}>/g, '')
      .replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, decodeEntity)
      // Spaces around line breaks go, line by line: `/[ \t]*\n[ \t]*/g` would be quadratic on a long run
      // of spaces without a break.
      .split('\n')
      .map((line) => line.replace(/^[ \t]+/, '').trimEnd())
      .join('\n')
      .replace(/\n{2,}/g, '\n')
      .trim()
  );
}
