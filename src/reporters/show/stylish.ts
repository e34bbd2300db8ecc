/**
 * `tongban show` for the terminal: one item readably — name, codes, type, agency, conditions, materials,
 * process, time limits, fee, results, place and contacts — with labels in the report's language. Items are
 * read as their files hold them (before the schema), so every value may be missing or of another shape.
 */
import type { ShowResult, ShownItem } from '../../app/show-item.js';
import { uiText, type Lang } from '../../i18n/index.js';
import type { UiKey } from '../../i18n/ui.js';
import type { Reporter } from '../reporter.js';
import { visibleText } from '../shared/safe-text.js';
import { entryName, labelled, listSeparator } from '../shared/values.js';
import { displayWidth } from '../shared/display-width.js';

type Data = Record<string, unknown>;

const record = (value: unknown): Data | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Data) : undefined;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const str = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

const ROMAN = ['', 'Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'];

/** "（a；b）" in Chinese, " (a; b)" in English; nothing when there is nothing to add. */
function aside(parts: (string | undefined)[], lang: Lang): string {
  const shown = parts.filter((p): p is string => Boolean(p));
  if (!shown.length) return '';
  return lang === 'en' ? ` (${shown.join('; ')})` : `（${shown.join('；')}）`;
}

/** A time limit in words ("20个工作日" / "20 working days"), with its note. */
function limit(value: unknown, lang: Lang): string | undefined {
  const l = record(value);
  if (!l) return str(value);
  return entryName({ value: l.value, unit: l.unit }, lang) + aside([str(l.note)], lang);
}

function item(shown: ShownItem, lang: Lang): string {
  const t = (key: UiKey, args: Record<string, string | number> = {}) => uiText(lang, key, args);
  const data = shown.item;
  const facts: [UiKey, string | undefined][] = [];
  const sections: [UiKey, string[]][] = [];

  facts.push(['show.code', str(data.code)]);
  if (shown.catalog.kind === 'implementation') facts.push(['show.basicCode', str(data.basicCode)]);
  facts.push(['show.type', str(data.type)], ['show.status', str(data.status)]);
  facts.push(['show.levels', list(data.levels).map(String).join(listSeparator(lang)) || undefined]);
  const agency = record(data.agency);
  if (agency) facts.push(['show.agency', (str(agency.name) ?? '') + aside([str(agency.nature)], lang)]);
  const objects = list(data.serviceObjects).map(String).join(listSeparator(lang));
  if (objects) facts.push(['show.serviceObjects', objects]);
  facts.push([
    'show.catalog',
    `${shown.catalog.title}${shown.catalog.title === shown.catalog.dir ? '' : aside([shown.catalog.dir], lang)}`,
  ]);
  facts.push(['show.file', shown.file]);

  const basis = list(data.basis).map((b) => entryName(b, lang));
  if (basis.length) sections.push(['show.basis', basis.map((b) => `- ${b}`)]);
  const conditions = list(data.conditions).map((c) => entryName(c, lang));
  if (conditions.length) sections.push(['show.conditions', conditions.map((c, i) => `${i + 1}. ${c}`)]);

  const materials = list(data.materials).map((m, i) => {
    const mat = record(m);
    if (!mat) return `${i + 1}. ${String(m)}`;
    // Each form with its copies ("原件1份、电子版" in guides); electronic ones need no copies.
    const copies = typeof mat.copies === 'number' ? mat.copies : undefined;
    const form = list(mat.forms)
      .map((f) =>
        String(f) === '电子' || copies === undefined ? String(f) : t('show.copies', { form: String(f), count: copies }),
      )
      .join(lang === 'en' ? ', ' : '、');
    const source = str(mat.source) ? `${str(mat.source)}${aside([str(mat.issuer)], lang)}` : undefined;
    return `${i + 1}. ${str(mat.name) ?? ''}${aside([str(mat.necessity), form || undefined, source, mat.eLicence === true ? t('show.eLicence') : undefined], lang)}`;
  });
  if (materials.length) sections.push(['show.materials', materials]);

  const steps = list(data.process).map((s, i) => {
    const step = record(s);
    if (!step) return `${i + 1}. ${String(s)}`;
    const head = `${i + 1}. ${str(step.name) ?? ''}${aside([limit(step.timeLimit, lang)], lang)}`;
    return str(step.description) ? labelled(head, str(step.description) as string, lang) : head;
  });
  if (steps.length) sections.push(['show.process', steps]);

  const limits: string[] = [];
  if (str(data.handlingType)) limits.push(labelled(t('show.handlingType'), str(data.handlingType) as string, lang));
  const statutory = limit(data.statutoryLimit, lang);
  if (statutory) limits.push(labelled(t('show.statutory'), statutory, lang));
  const promised = limit(data.promisedLimit, lang);
  if (promised) limits.push(labelled(t('show.promised'), promised, lang));
  if (limits.length) sections.push(['show.limits', limits]);

  // The fee once: not charged, or each fee item with its standard and basis.
  const fee = record(data.fee);
  if (fee) {
    const items = list(fee.items).map((f) => {
      const feeItem = record(f);
      if (!feeItem) return String(f);
      return labelled(str(feeItem.name) ?? '', str(feeItem.standard) ?? '', lang) + aside([str(feeItem.basis)], lang);
    });
    sections.push(['show.fee', fee.charged === false ? [t('show.noFee')] : items.length ? items : [t('show.charged')]]);
  }

  const delivery: string[] = [];
  if (typeof data.visits === 'number') delivery.push(labelled(t('show.visits'), String(data.visits), lang));
  const online = record(data.online);
  if (online && typeof online.depth === 'number') {
    const depth = t('show.depth', { depth: ROMAN[online.depth] ?? String(online.depth) });
    delivery.push(
      labelled(t('show.online'), online.depth === 4 ? depth + aside([t('show.fullyOnline')], lang) : depth, lang),
    );
  }
  if (online && str(online.url)) delivery.push(labelled(t('show.url'), str(online.url) as string, lang));
  if (str(data.place)) delivery.push(labelled(t('show.place'), str(data.place) as string, lang));
  if (str(data.hours)) delivery.push(labelled(t('show.hours'), str(data.hours) as string, lang));
  if (delivery.length) sections.push(['show.delivery', delivery]);

  const contacts = record(data.contacts);
  const channel = (key: UiKey, value: unknown) => {
    const c = record(value);
    const text = c ? [str(c.phone), str(c.address), str(c.url)].filter(Boolean).join(listSeparator(lang)) : str(value);
    return text ? labelled(t(key), text, lang) : undefined;
  };
  const channels = [
    channel('show.consultation', contacts?.consultation),
    channel('show.complaint', contacts?.complaint),
  ];
  if (channels.some(Boolean)) sections.push(['show.contacts', channels.filter((c): c is string => Boolean(c))]);

  const results = list(data.results).map((r) => {
    const result = record(r);
    return result ? `- ${str(result.name) ?? ''}${aside([str(result.type)], lang)}` : `- ${String(r)}`;
  });
  if (results.length) sections.push(['show.results', results]);

  const shownFacts = facts.filter((f): f is [UiKey, string] => Boolean(f[1]));
  const width = Math.max(...shownFacts.map(([key]) => displayWidth(t(key))));
  const lines = [str(data.name) ?? shown.file, ''];
  for (const [key, value] of shownFacts) lines.push(`  ${t(key)}${' '.repeat(width - displayWidth(t(key)))}  ${value}`);
  for (const [key, body] of sections) lines.push('', t(key), ...body.map((line) => `  ${line}`));
  return lines.join('\n') + '\n';
}

export const stylish: Reporter<ShowResult> = visibleText((result, { lang }) =>
  result.items.map((shown) => item(shown, lang)).join('\n' + '─'.repeat(40) + '\n\n'),
);
