/** A self-contained HTML page (no network): escaped text, readable type, a table that sorts on click. */

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

const STYLE = `
body{font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5rem;line-height:1.6;color:#1a1a1a}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0;font-size:.95rem}
th,td{border:1px solid #bbb;padding:.35rem .6rem;vertical-align:top;text-align:left}
th{background:#eef2f7;cursor:pointer}
td.agree{background:#eaf6ea}td.deviate{background:#fde2e1;font-weight:600}td.absent{color:#888}
.standard{color:#b00020}.vary{color:#555}.score{font-variant-numeric:tabular-nums}
@media print{th{cursor:auto}}
`;

/** Clicking a header sorts the table by that column (numbers numerically). */
const SORT = `
document.querySelectorAll('table.sortable th').forEach((th,i)=>th.addEventListener('click',()=>{
const tbody=th.closest('table').tBodies[0];const rows=[...tbody.rows];const asc=th.dataset.asc!=='1';th.dataset.asc=asc?'1':'0';
const key=r=>{const t=r.cells[i].innerText.trim();const n=parseFloat(t);return isNaN(n)?t:n};
rows.sort((a,b)=>{const x=key(a),y=key(b);return (x>y?1:x<y?-1:0)*(asc?1:-1)});rows.forEach(r=>tbody.appendChild(r));}));
`;

export function page(title: string, body: string, lang: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
<script>${SORT}</script>
</body>
</html>
`;
}
