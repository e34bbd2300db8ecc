/**
 * An implementation item as its 办事指南 shows it: sections in the order regional guide rules agree on
 * (domain.md §6), every value already phrased. Every field is present (null when the item has none), so
 * templates run in strict mode: a field a template names that the view does not have is an error, not
 * a blank in a citizen's guide.
 */
import { showControlsDeep } from '../control-chars.js';
import type { CatalogMeta, ImplementationItem } from '../model.js';
import { safeHref } from './href.js';
import { safeName } from './names.js';
import {
  feePhrase,
  limitPhrase,
  materialFormPhrase,
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
  basicCode: string;
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
    /** `blankForm` when it may be linked (http, https or relative), else null: see href.ts. */
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
  feeItems: { name: string; standard: string; basis: string | null; reductions: string | null }[];
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
  };
  visits: string;
  visitReason: string | null;
  consultation: string | null;
  complaint: string | null;
  faq: { question: string; answer: string }[];
  /** schema.org GovernmentService, serialised and safe inside <script>. */
  jsonLd: string;
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

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

function contact(value: { phone: string; address?: string; url?: string } | undefined): string | null {
  if (!value) return null;
  return [value.phone, value.address, value.url].filter(Boolean).join('；');
}

/** The item as a schema.org GovernmentService (also what `tongban export --format jsonld` writes). */
export function governmentService(item: ImplementationItem, regionName: string | null): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: item.name,
    identifier: item.code ?? item.basicCode,
    serviceType: item.type,
    provider: { '@type': 'GovernmentOrganization', name: item.agency.name },
    ...(regionName ? { areaServed: { '@type': 'AdministrativeArea', name: regionName } } : {}),
    audience: item.serviceObjects.map((name) => ({ '@type': 'Audience', audienceType: name })),
    ...(item.results?.length ? { serviceOutput: item.results.map((r) => ({ '@type': 'Thing', name: r.name })) } : {}),
    availableChannel: [
      ...(safeHref(item.online.url) ? [{ '@type': 'ServiceChannel', serviceUrl: item.online.url }] : []),
      ...(item.place ? [{ '@type': 'ServiceChannel', serviceLocation: { '@type': 'Place', name: item.place } }] : []),
    ],
  };
}

export function guideView(
  item: ImplementationItem,
  file: string,
  meta: CatalogMeta,
  regionName: string | null,
): GuideView {
  const fullyOnline = item.online.depth === 4;
  // Catalogue text is shown, never obeyed: control characters become visible (`\x1b`), so a guide printed
  // to a terminal cannot drive it. The JSON-LD is escaped JSON already.
  const view: Omit<GuideView, 'jsonLd'> = showControlsDeep({
    slug: safeName(item.code ?? item.basicCode),
    file,
    catalog: { name: meta.name, region: regionName },
    code: orNull(item.code),
    basicCode: item.basicCode,
    name: item.name,
    type: item.type,
    basis: item.basis.map((b) => ({ law: b.law, article: orNull(b.article), text: orNull(b.text) })),
    agency: item.agency.name,
    agencyNature: orNull(item.agency.nature),
    levels: item.levels.join('、'),
    powerSource: orNull(item.powerSource),
    serviceObjects: item.serviceObjects.join('、'),
    conditions: (item.conditions ?? []).map((text, i) => ({ index: i + 1, text })),
    materials: (item.materials ?? []).map((m, i) => ({
      index: i + 1,
      name: m.name,
      form: materialFormPhrase(m),
      necessity: m.necessity,
      source: m.issuer ? `${m.source}（${m.issuer}）` : m.source,
      eLicence: m.eLicence ? '可通过电子证照免于提交' : null,
      blankForm: orNull(m.blankForm),
      blankFormHref: safeHref(m.blankForm),
      sample: orNull(m.sample),
      sampleHref: safeHref(m.sample),
      instructions: orNull(m.instructions),
    })),
    process: (item.process ?? []).map((s, i) => ({
      index: i + 1,
      name: s.name,
      description: orNull(s.description),
      timeLimit: s.timeLimit ? limitPhrase(s.timeLimit) : null,
    })),
    specialSteps: (item.specialSteps ?? []).map(specialStepPhrase),
    handlingType: item.handlingType,
    statutoryLimit: limitPhrase(item.statutoryLimit),
    promisedLimit: promisedPhrase(item.handlingType, item.promisedLimit),
    fee: feePhrase(item.fee),
    feeItems: (item.fee.items ?? []).map((f) => ({
      name: f.name,
      standard: f.standard,
      basis: orNull(f.basis),
      reductions: orNull(f.reductions),
    })),
    onlinePayment: yesNo(item.fee.onlinePayment),
    results: (item.results ?? []).map((r) => ({
      name: r.name,
      type: r.type,
      sample: orNull(r.sample),
      sampleHref: safeHref(r.sample),
    })),
    place: orNull(item.place),
    hours: orNull(item.hours),
    online: {
      depth: onlineDepthPhrase(item.online.depth),
      url: orNull(item.online.url),
      href: safeHref(item.online.url),
      mobileUrl: orNull(item.online.mobileUrl),
      mobileHref: safeHref(item.online.mobileUrl),
      appointment: yesNo(item.online.appointment),
      delivery: yesNo(item.online.delivery),
    },
    visits: visitsPhrase(item.visits, fullyOnline),
    visitReason: orNull(item.visitReason),
    consultation: contact(item.contacts?.consultation),
    complaint: contact(item.contacts?.complaint),
    faq: item.faq ?? [],
  });
  return { ...view, jsonLd: scriptSafeJson(governmentService(item, regionName)) };
}
