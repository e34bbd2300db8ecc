/**
 * An implementation item as its 办事指南 shows it: sections in the order regional guide rules agree on
 * (domain.md §6), every value already phrased. Every field is present (null when the item has none), so
 * templates run in strict mode: a field a template names that the view does not have is an error, not
 * a blank in a citizen's guide. What the item does not state reads 未提供, or its section is left out
 * (`given`), never 否 or 无.
 */
import { showControlsDeep } from '../control-chars.js';
import type { CatalogMeta, Contact, ImplementationItem, Incomplete, TimeLimit } from '../model.js';
import { parsePhones } from '../phones.js';
import { resolvedHref, safeHref, shortUrl, telHref } from './href.js';
import { safeName } from './names.js';
import { qrCode, type QrView } from './qr.js';
import {
  feePhrase,
  limitPhrase,
  materialFormPhrase,
  NOT_GIVEN,
  onlineDepthPhrase,
  promisedPhrase,
  specialStepPhrase,
  visitsPhrase,
  yesNo,
} from './phrasing.js';

export interface GuideView {
  /**
   * Output page name (without extension): the implementation code, else the basic code, when that is a
   * plain file name; else a safe name made from it (see names.ts), so no code can name a path.
   */
  slug: string;
  file: string;
  catalog: { name: string; region: string | null };
  code: string | null;
  /** Null when the item does not state it. */
  basicCode: string | null;
  name: string;
  type: string;
  basis: { law: string; article: string | null; text: string | null }[];
  agency: string;
  agencyNature: string | null;
  levels: string;
  powerSource: string | null;
  serviceObjects: string;
  conditions: { index: number; text: string }[];
  materials: {
    index: number;
    name: string;
    form: string;
    necessity: string;
    source: string;
    eLicence: string | null;
    blankForm: string | null;
    /**
     * Where `blankForm` may be linked, else null: a full http(s) URL, or a relative name resolved against
     * the site's base URL (`--base-url`); see href.ts `resolvedHref`. The same for `sampleHref`.
     */
    blankFormHref: string | null;
    sample: string | null;
    sampleHref: string | null;
    instructions: string | null;
  }[];
  process: { index: number; name: string; description: string | null; timeLimit: string | null }[];
  specialSteps: string[];
  handlingType: string;
  statutoryLimit: string;
  promisedLimit: string;
  fee: string;
  feeItems: { name: string | null; standard: string; basis: string | null; reductions: string | null }[];
  onlinePayment: string;
  results: { name: string; type: string; sample: string | null; sampleHref: string | null }[];
  place: string | null;
  hours: string | null;
  /** `url` and `mobileUrl` are the text as given; `href` and `mobileHref` the same when they may be linked, else null. */
  online: {
    depth: string;
    url: string | null;
    href: string | null;
    mobileUrl: string | null;
    mobileHref: string | null;
    appointment: string;
    delivery: string;
    /**
     * For the printed guide: the full http(s) URL a phone should open (the mobile one first), as a person
     * would type it (`m.sz.gov.cn/bs`), and that URL in full (`qrUrl`); null when the item has no such URL.
     */
    printUrl: string | null;
    qrUrl: string | null;
    /**
     * The QR code of `qrUrl`. Drawing one takes about a millisecond, so the view leaves it null and `withQr`
     * draws it for a page that is rendered (not for the thousands an incremental build leaves as they are).
     */
    qr: QrView | null;
  };
  visits: string;
  visitReason: string | null;
  /** The channels as one line of text each (phone；address；url). */
  consultation: string | null;
  complaint: string | null;
  /** The same channels in parts, each phone number with a `tel:` link. */
  contacts: { consultation: ContactView | null; complaint: ContactView | null };
  faq: { question: string; answer: string }[];
  /**
   * Whether the item states each list element at all. A list not stated (real lists lack whole elements)
   * has no section in the guide; a list stated empty says so (无特别条件, 无需提交材料).
   */
  given: { basis: boolean; conditions: boolean; materials: boolean; process: boolean; results: boolean };
  /**
   * Whether citizens apply for the item (行政许可, 行政确认, 行政给付, 行政裁决, 公共服务): its guide then always
   * has 受理条件 and 申请材料 sections, saying 未提供 when the item does not state them — no section would
   * read as "nothing needed".
   */
  appliedFor: boolean;
  /** The online extras in one line (预约：是；快递：否…), only those stated; null when none is. */
  onlineServices: string | null;
  /** schema.org GovernmentService, serialised and safe inside <script>. */
  jsonLd: string;
}

export interface ContactView {
  /** The phone cell as written. */
  phone: string;
  /** Each number of it, as written, with a `tel:` link when it reads as a phone number (else null). */
  phones: { text: string; telHref: string | null }[];
  address: string | null;
  url: string | null;
  href: string | null;
  email: string | null;
}

/** How the site is published: `baseUrl` is where relative blank forms and samples are (`--base-url`). */
export interface GuideViewOptions {
  baseUrl?: string;
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

/** Items as real lists hold them: any element may be missing (see core/completeness.ts). */
type Item = Incomplete<ImplementationItem>;

/**
 * JSON inside a <script> element must not be able to close it; DEL and the C1 controls (which
 * JSON.stringify leaves raw) and the line separators are written as escapes too.
 */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

type ContactIn = Incomplete<Contact> | undefined;

function contact(value: ContactIn): string | null {
  const text = [value?.phone, value?.address, value?.url].filter(Boolean).join('；');
  return text === '' ? null : text;
}

function contactView(value: ContactIn): ContactView | null {
  if (!value || contact(value) === null) return null;
  return {
    phone: value.phone ?? NOT_GIVEN,
    phones: value.phone === undefined ? [] : phoneParts(value.phone),
    address: orNull(value.address),
    url: orNull(value.url),
    href: safeHref(value.url),
    email: orNull(value.email),
  };
}

/** A phone cell's numbers, each with its `tel:` link; the cell as one text when no number is found in it. */
function phoneParts(phone: string): ContactView['phones'] {
  const parts = parsePhones(phone).map((p) => ({
    text: p.text,
    telHref: p.ok ? telHref(p.number + (p.extension ? `,${p.extension}` : '')) : null,
  }));
  return parts.length ? parts : [{ text: phone, telHref: null }];
}

/** The absolute http(s) URL of the online service a printed guide points to (the mobile one first). */
function printHref(online: Item['online']): string | null {
  for (const url of [online?.mobileUrl, online?.url]) {
    const href = safeHref(url);
    if (href !== null && /^https?:\/\//i.test(href)) return href;
  }
  return null;
}

/** The view with the QR code of its online service drawn (see `online.qr`). */
export function withQr(view: GuideView): GuideView {
  if (view.online.qrUrl === null || view.online.qr !== null) return view;
  return { ...view, online: { ...view.online, qr: qrCode(view.online.qrUrl) } };
}

/** The item as a schema.org GovernmentService (also what `tongban export --format jsonld` writes): what it states. */
export function governmentService(item: Item, regionName: string | null): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    ...(item.name !== undefined ? { name: item.name } : {}),
    ...((item.code ?? item.basicCode) !== undefined ? { identifier: item.code ?? item.basicCode } : {}),
    ...(item.type !== undefined ? { serviceType: item.type } : {}),
    ...(item.agency?.name !== undefined
      ? { provider: { '@type': 'GovernmentOrganization', name: item.agency.name } }
      : {}),
    ...(regionName ? { areaServed: { '@type': 'AdministrativeArea', name: regionName } } : {}),
    ...(item.serviceObjects?.length
      ? { audience: item.serviceObjects.map((name) => ({ '@type': 'Audience', audienceType: name })) }
      : {}),
    ...(item.results?.length ? { serviceOutput: item.results.map((r) => ({ '@type': 'Thing', name: r.name })) } : {}),
    availableChannel: [
      ...(safeHref(item.online?.url) ? [{ '@type': 'ServiceChannel', serviceUrl: item.online?.url }] : []),
      ...(item.place ? [{ '@type': 'ServiceChannel', serviceLocation: { '@type': 'Place', name: item.place } }] : []),
    ],
  };
}

/** Item types citizens apply for (the schema requires their conditions and materials, unless cancelled). */
const APPLIED_FOR = new Set(['行政许可', '行政确认', '行政给付', '行政裁决', '公共服务']);

/** 支持预约：是；支持物流快递：否 — the online extras an item states; null when it states none. */
function onlineServices(item: Item): string | null {
  const parts = [
    ['支持预约', item.online?.appointment],
    ['支持物流快递', item.online?.delivery],
    ['支持网上支付', item.fee?.onlinePayment],
  ] as const;
  const stated = parts.filter(([, value]) => value !== undefined).map(([label, value]) => `${label}：${yesNo(value)}`);
  return stated.length ? stated.join('；') : null;
}

/** The page name of an item: its code, else its basic code, else its file's name. */
function slugOf(item: Item, file: string): string {
  return safeName(item.code ?? item.basicCode ?? file.replace(/^.*\//, '').replace(/\.ya?ml$/i, ''));
}

export function guideView(
  item: Item,
  file: string,
  meta: CatalogMeta,
  regionName: string | null,
  options: GuideViewOptions = {},
): GuideView {
  const fullyOnline = item.online?.depth === 4;
  const { baseUrl } = options;
  const printed = printHref(item.online);
  const text = (value: string | undefined) => value ?? NOT_GIVEN;
  const limit = (value: Item['statutoryLimit']) =>
    value?.value !== undefined && value.unit !== undefined
      ? { ...value, value: value.value, unit: value.unit }
      : undefined;
  const statutory = limit(item.statutoryLimit);
  const promised = limit(item.promisedLimit);
  // Catalogue text is shown, never obeyed: control characters become visible (`\x1b`), so a guide printed
  // to a terminal cannot drive it. The JSON-LD is escaped JSON already.
  const view: Omit<GuideView, 'jsonLd'> = showControlsDeep({
    slug: slugOf(item, file),
    file,
    catalog: { name: meta.name, region: regionName },
    code: orNull(item.code),
    basicCode: orNull(item.basicCode),
    name: item.name ?? item.code ?? item.basicCode ?? NOT_GIVEN,
    type: text(item.type),
    basis: (item.basis ?? []).flatMap((b) =>
      b.law === undefined ? [] : [{ law: b.law, article: orNull(b.article), text: orNull(b.text) }],
    ),
    agency: text(item.agency?.name),
    agencyNature: orNull(item.agency?.nature),
    levels: item.levels?.length ? item.levels.join('、') : NOT_GIVEN,
    powerSource: orNull(item.powerSource),
    serviceObjects: item.serviceObjects?.length ? item.serviceObjects.join('、') : NOT_GIVEN,
    conditions: (item.conditions ?? []).map((condition, i) => ({ index: i + 1, text: condition })),
    materials: (item.materials ?? []).map((m, i) => ({
      index: i + 1,
      name: text(m.name),
      form: materialFormPhrase(m),
      necessity: text(m.necessity),
      source: m.source === undefined ? NOT_GIVEN : m.issuer ? `${m.source}（${m.issuer}）` : m.source,
      eLicence: m.eLicence ? '可通过电子证照免于提交' : null,
      blankForm: orNull(m.blankForm),
      blankFormHref: resolvedHref(m.blankForm, baseUrl),
      sample: orNull(m.sample),
      sampleHref: resolvedHref(m.sample, baseUrl),
      instructions: orNull(m.instructions),
    })),
    process: (item.process ?? []).map((step, i) => ({
      index: i + 1,
      name: text(step.name),
      description: orNull(step.description),
      timeLimit: limit(step.timeLimit) ? limitPhrase(limit(step.timeLimit) as TimeLimit) : null,
    })),
    specialSteps: (item.specialSteps ?? []).flatMap((step) => {
      const stepLimit = limit(step.timeLimit);
      return step.name === undefined || stepLimit === undefined || step.counted === undefined
        ? []
        : [specialStepPhrase({ name: step.name, timeLimit: stepLimit, counted: step.counted })];
    }),
    handlingType: text(item.handlingType),
    statutoryLimit: statutory ? limitPhrase(statutory) : NOT_GIVEN,
    promisedLimit: promised ? promisedPhrase(item.handlingType ?? '', promised) : NOT_GIVEN,
    fee: item.fee?.charged === undefined ? NOT_GIVEN : feePhrase(item.fee as Parameters<typeof feePhrase>[0]),
    feeItems: (item.fee?.items ?? []).map((f) => ({
      // Real lists often give a fee's standard without naming the fee: no name, not "未提供：…".
      name: orNull(f.name),
      standard: text(f.standard),
      basis: orNull(f.basis),
      reductions: orNull(f.reductions),
    })),
    onlinePayment: yesNo(item.fee?.onlinePayment),
    results: (item.results ?? []).map((r) => ({
      name: text(r.name),
      type: text(r.type),
      sample: orNull(r.sample),
      sampleHref: resolvedHref(r.sample, baseUrl),
    })),
    place: orNull(item.place),
    hours: orNull(item.hours),
    online: {
      depth: item.online?.depth === undefined ? NOT_GIVEN : onlineDepthPhrase(item.online.depth),
      url: orNull(item.online?.url),
      href: safeHref(item.online?.url),
      mobileUrl: orNull(item.online?.mobileUrl),
      mobileHref: safeHref(item.online?.mobileUrl),
      appointment: yesNo(item.online?.appointment),
      delivery: yesNo(item.online?.delivery),
      printUrl: printed === null ? null : shortUrl(printed),
      qrUrl: printed,
      qr: null,
    },
    visits: item.visits === undefined ? NOT_GIVEN : visitsPhrase(item.visits, fullyOnline),
    visitReason: orNull(item.visitReason),
    consultation: contact(item.contacts?.consultation),
    complaint: contact(item.contacts?.complaint),
    contacts: {
      consultation: contactView(item.contacts?.consultation),
      complaint: contactView(item.contacts?.complaint),
    },
    faq: (item.faq ?? []).flatMap((f) =>
      f.question === undefined || f.answer === undefined ? [] : [{ question: f.question, answer: f.answer }],
    ),
    given: {
      basis: (item.basis ?? []).some((b) => b.law !== undefined),
      conditions: item.conditions !== undefined,
      materials: item.materials !== undefined,
      process: (item.process?.length ?? 0) > 0 || (item.specialSteps?.length ?? 0) > 0,
      results: item.results !== undefined,
    },
    appliedFor: APPLIED_FOR.has(item.type ?? ''),
    onlineServices: onlineServices(item),
  });
  return { ...view, jsonLd: scriptSafeJson(governmentService(item, regionName)) };
}
