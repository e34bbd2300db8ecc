/**
 * A self-contained HTML report page (no network): escaped text, landmarks (header, nav, main), type that
 * follows the reader's own font size, tables that scroll inside their own box on a phone with the first
 * column kept in view, headers that sort from the keyboard and say how (aria-sort), and a print layout.
 */

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

const HAN = /\p{Script=Han}/u;

/**
 * ` lang="zh-CN"` for catalogue text with Chinese characters on a page in another language, so a screen
 * reader reads 食品经营许可 in Chinese even in an English report (`LANG=C`); nothing otherwise. The language
 * follows the content, not only `--lang`.
 */
export function langOf(text: string, pageLang: string): string {
  return pageLang !== 'zh-CN' && HAN.test(text) ? ' lang="zh-CN"' : '';
}

/** Catalogue text, escaped, in a span that names its language when it differs from the page's. */
export function text(value: string, pageLang: string): string {
  const lang = langOf(value, pageLang);
  return lang ? `<span${lang}>${escapeHtml(value)}</span>` : escapeHtml(value);
}

const STYLE = `
:root{font-size:100%}
*,*::before,*::after{box-sizing:border-box}
body{font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0 auto;padding:1rem;max-width:80rem;line-height:1.6;color:#1a1a1a;background:#fff;overflow-wrap:break-word}
h1{font-size:1.4rem;line-height:1.3;margin:.5rem 0}h2{font-size:1.15rem;line-height:1.3;margin-top:2rem}
a{color:#0b5cad}
:focus-visible{outline:3px solid #0b5cad;outline-offset:2px}
nav ul{display:flex;flex-wrap:wrap;gap:0 1.25rem;padding:0;margin:.5rem 0;list-style:none}
nav a{display:inline-block;padding:.6rem 0}
.scroll{overflow-x:auto;max-width:100%;margin:.5rem 0;border:1px solid #767676}
.scroll>table{margin:0}
.hint{display:none;font-size:.9rem;color:#444;margin:.25rem 0}
table{border-collapse:separate;border-spacing:0;margin:.5rem 0;font-size:.95rem;background:#fff}
caption{text-align:left;font-weight:600;padding:.4rem .6rem}
th,td{border-right:1px solid #8a8a8a;border-bottom:1px solid #8a8a8a;padding:.35rem .6rem;vertical-align:top;text-align:left;min-width:3rem;overflow-wrap:break-word}
thead th{background:#eef2f7;border-top:1px solid #8a8a8a}
tr>:first-child{border-left:1px solid #8a8a8a}
.scroll thead th{border-top:0}.scroll tr>:first-child{border-left:0}
th.name{position:sticky;left:0;z-index:1;background:#fff;min-width:8em;max-width:14em;overflow-wrap:break-word;box-shadow:2px 0 0 #8a8a8a}
thead th.name{background:#eef2f7;z-index:2}
th button{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:.2rem 0;margin:0;cursor:pointer;text-align:left;min-height:2.75rem;width:100%}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
td.agree{background:#eaf6ea}td.deviate{background:#fde2e1}td.absent{color:#595959}
#matrix thead th{min-width:7em}#matrix tbody td:not(.code):not(.score){min-width:11em}#matrix td.code{white-space:nowrap}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
td.number,td.score{font-variant-numeric:tabular-nums;white-space:nowrap}
.code{font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
.folder{display:block;font-weight:400;font-size:.85rem;color:#444}
ul.diffs{margin:0;padding-left:1.1rem}ul.diffs li{margin:0 0 .2rem}
.standard{color:#b00020}.vary{color:#444}.score{font-variant-numeric:tabular-nums}
@media (max-width:40em){body{padding:.75rem}.hint{display:block}}
@media print{
@page{size:A4 landscape;margin:12mm}
body{max-width:none;padding:0;font-size:9pt}
nav,.hint{display:none}
.scroll{overflow:visible;border:0}
.scroll tr>:first-child{border-left:1px solid #8a8a8a}.scroll thead th{border-top:1px solid #8a8a8a}
th.name{position:static;box-shadow:none}
th[aria-sort] button::after{content:none}
th button{min-height:0}
thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}
h2{break-after:avoid;page-break-after:avoid}
a{color:#000;text-decoration:none}
}
`;

/**
 * Headers with a button sort their table (numbers by `data-sort` or their value, text in Chinese order);
 * the sorted header says which way with aria-sort. Buttons work from the keyboard as they are.
 */
const SORT = `
document.querySelectorAll('table.sortable').forEach(function(table){
var heads=[].slice.call(table.tHead.rows[0].cells);
heads.forEach(function(th,i){var button=th.querySelector('button');if(!button)return;
button.addEventListener('click',function(){
var asc=th.getAttribute('aria-sort')!=='ascending';
heads.forEach(function(h){h.removeAttribute('aria-sort')});th.setAttribute('aria-sort',asc?'ascending':'descending');
var key=function(row){var cell=row.cells[i];var given=cell.getAttribute('data-sort');var t=given!==null?given:cell.innerText.trim();var n=parseFloat(t);return isNaN(n)?t:n};
var tbody=table.tBodies[0];var rows=[].slice.call(tbody.rows);
rows.sort(function(a,b){var x=key(a),y=key(b);var d=typeof x===typeof y?(typeof x==='number'?x-y:String(x).localeCompare(String(y),'zh-CN')):(typeof x==='number'?-1:1);return asc?d:-d});
rows.forEach(function(r){tbody.appendChild(r)});});});});
`;

export interface PageOptions {
  /** In-page links shown as a navigation landmark under the title. */
  nav?: { label: string; links: { href: string; text: string }[] };
  /** More CSS for this report. */
  style?: string;
}

export function page(title: string, body: string, lang: string, options: PageOptions = {}): string {
  const nav = options.nav
    ? `<nav aria-label="${escapeHtml(options.nav.label)}"><ul>${options.nav.links
        .map((l) => `<li><a href="${escapeHtml(l.href)}">${text(l.text, lang)}</a></li>`)
        .join('')}</ul></nav>\n`
    : '';
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}${options.style ?? ''}</style></head>
<body>
<header><h1>${text(title, lang)}</h1></header>
${nav}<main>
${body}
</main>
<script>${SORT}</script>
</body>
</html>
`;
}

/**
 * A table in a box of its own that scrolls sideways when the table is wider than the screen (a region
 * named by the table's caption (`<caption id="<id>-caption">`), focusable so the keyboard can scroll it),
 * with a hint on narrow screens when one is given.
 */
export function scrollBox(id: string, table: string, hint?: string): string {
  const i = escapeHtml(id);
  if (hint === undefined)
    return `<div class="scroll" role="region" tabindex="0" aria-labelledby="${i}-caption">${table}</div>`;
  return `<p class="hint" id="${i}-hint">${escapeHtml(hint)}</p><div class="scroll" role="region" tabindex="0" aria-labelledby="${i}-caption" aria-describedby="${i}-hint">${table}</div>`;
}
