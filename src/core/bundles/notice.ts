/**
 * A bundle as its 一次性告知单 (one-time notice) shows it: who leads, what the applicant submits once (each
 * material once, with the items that need it; what reaches the agencies by e-licence or data sharing
 * marked 无需提交), the one form, the steps across departments in order, the time, visits, where and
 * online, and each member item with a link to its own guide. Every field is present (null when absent), so
 * templates run in strict mode like the item guides.
 */
import { showControlsDeep } from '../control-chars.js';
import { safeHref } from '../guide/href.js';
import { materialFormPhrase, promisedPhrase } from '../guide/phrasing.js';
import type { CatalogMeta } from '../model.js';
import { materialIndex, materialKey, submitted } from './materials.js';
import { FIGURE_NAMES, type Bundle, type FigureName, type KeyMatter } from './model.js';
import type { MemberFacts } from './members.js';

/** A member item as the notice links it: its guide page (relative to the bundle page), when there is one. */
export interface NoticeMember {
  facts: MemberFacts;
  href: string | null;
}

export interface BundleView {
  /** Output page name (without extension); see names.ts. */
  slug: string;
  file: string;
  catalog: { name: string; region: string | null };
  id: string;
  name: string;
  description: string | null;
  /** The national key matter: its title, and `label` its place in the lists (`2024年度第一批`). */
  keyMatter: { id: string; title: string; year: number; batch: number; list: string; label: string } | null;
  lead: string;
  assisting: string[];
  /** Every department taking part, lead first. */
  agencies: string;
  scope: string;
  promisedLimit: string;
  visits: string;
  members: {
    index: number;
    code: string;
    name: string;
    agency: string;
    stage: string | null;
    order: number;
    condition: string | null;
    promisedLimit: string | null;
    href: string | null;
  }[];
  /** The members grouped by order: each step is handled in parallel by its members. */
  steps: { index: number; parallel: boolean; members: { name: string; agency: string; condition: string | null }[] }[];
  form: { name: string; fields: { name: string; usedBy: string; prefilled: boolean }[] } | null;
  materials: {
    index: number;
    name: string;
    /** 需提交, or 无需提交（电子证照 / 数据共享 / 告知承诺）. */
    status: string;
    submit: boolean;
    form: string | null;
    /** Names of the member items that need it, joined. */
    neededBy: string;
    note: string | null;
  }[];
  /** How many materials the applicant submits, and how many reach the agencies without being submitted. */
  submitCount: number;
  sharedCount: number;
  channels: {
    url: string | null;
    href: string | null;
    mobileUrl: string | null;
    mobileHref: string | null;
    place: string | null;
    hours: string | null;
    phone: string | null;
  };
  figures: { name: FigureName; label: string; before: number; after: number; reduction: string | null }[];
  figuresSource: string | null;
  /** The bundle and its members as JSON-LD (CPSV-AP event + schema.org services), safe inside <script>. */
  jsonLd: string;
}

const FIGURE_LABELS: Record<FigureName, string> = {
  materials: '申请材料（份）',
  // The unit is the promised limit's (工作日 or 自然日): filled in by figureLabel.
  time: '办理时间（{unit}）',
  visits: '跑动次数（次）',
  forms: '填报表格（张）',
};

const BATCHES = ['一', '二', '三', '四', '五', '六'];

/** `2024年度第一批`: where a key matter stands in the national lists. */
export function keyMatterLabel(matter: Pick<KeyMatter, 'year' | 'batch'>): string {
  return `${matter.year}年度第${BATCHES[matter.batch - 1] ?? matter.batch}批`;
}

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

export function bundleView(input: {
  bundle: Bundle;
  file: string;
  slug: string;
  meta: CatalogMeta;
  regionName: string | null;
  members: ReadonlyMap<string, NoticeMember>;
  keyMatter: KeyMatter | undefined;
  jsonLd: string;
}): BundleView {
  const { bundle, members } = input;
  const nameOf = (code: string) => members.get(code)?.facts.name ?? code;
  const agencyOf = (code: string) => members.get(code)?.facts.agency?.name ?? '—';
  const ordered = [...bundle.members].sort((a, b) => a.order - b.order);
  const orders = [...new Set(ordered.map((m) => m.order))];
  // The merged list as the notice shows it; an entry that repeats an earlier one's name is left out here
  // (validation reports it), so no material is listed twice.
  const firsts = materialIndex(bundle);
  const materials = bundle.materials.filter((m, i) => firsts.get(materialKey(m.name)) === i);
  const view: Omit<BundleView, 'jsonLd'> = showControlsDeep({
    slug: input.slug,
    file: input.file,
    catalog: { name: input.meta.name, region: input.regionName },
    id: bundle.id,
    name: bundle.name,
    description: orNull(bundle.description),
    keyMatter: input.keyMatter
      ? {
          id: input.keyMatter.id,
          title: input.keyMatter.title,
          year: input.keyMatter.year,
          batch: input.keyMatter.batch,
          list: input.keyMatter.list,
          label: keyMatterLabel(input.keyMatter),
        }
      : null,
    lead: bundle.lead.name,
    assisting: (bundle.assisting ?? []).map((a) => a.name),
    agencies: [bundle.lead.name, ...(bundle.assisting ?? []).map((a) => a.name)].join('、'),
    scope: bundle.scope,
    promisedLimit: promisedPhrase(bundle.promisedLimit.value === 0 ? '即办件' : '承诺件', bundle.promisedLimit),
    visits: bundle.visits === 0 ? '0次（全程网办）' : `最多${bundle.visits}次`,
    members: ordered.map((m, i) => {
      const member = members.get(m.code);
      const limit = member?.facts.promisedLimit;
      return {
        index: i + 1,
        code: m.code,
        name: nameOf(m.code),
        agency: agencyOf(m.code),
        stage: orNull(m.stage),
        order: m.order,
        condition: orNull(m.condition),
        promisedLimit: limit ? promisedPhrase(member?.facts.handlingType ?? '承诺件', limit) : null,
        href: member?.href ?? null,
      };
    }),
    steps: orders.map((order, i) => {
      const step = ordered.filter((m) => m.order === order);
      return {
        index: i + 1,
        parallel: step.length > 1,
        members: step.map((m) => ({ name: nameOf(m.code), agency: agencyOf(m.code), condition: orNull(m.condition) })),
      };
    }),
    form: bundle.form
      ? {
          name: bundle.form.name,
          fields: bundle.form.fields.map((f) => ({
            name: f.name,
            usedBy: f.usedBy.map(nameOf).join('、'),
            prefilled: f.prefilled === true,
          })),
        }
      : null,
    materials: materials.map((m, i) => ({
      index: i + 1,
      name: m.name,
      status: submitted(m) ? '需提交' : `无需提交（${m.obtainedBy}）`,
      submit: submitted(m),
      form: m.forms ? materialFormPhrase({ forms: m.forms, copies: m.copies ?? 1 }) : null,
      neededBy: m.neededBy.map(nameOf).join('、'),
      note: orNull(m.note),
    })),
    submitCount: materials.filter(submitted).length,
    sharedCount: materials.filter((m) => !submitted(m)).length,
    channels: {
      url: orNull(bundle.channels?.url),
      href: safeHref(bundle.channels?.url),
      mobileUrl: orNull(bundle.channels?.mobileUrl),
      mobileHref: safeHref(bundle.channels?.mobileUrl),
      place: orNull(bundle.channels?.place),
      hours: orNull(bundle.channels?.hours),
      phone: orNull(bundle.channels?.phone),
    },
    figures: FIGURE_NAMES.flatMap((name) => {
      const figure = bundle.figures?.[name];
      if (!figure) return [];
      const reduction =
        figure.before > 0 ? `${Math.round(((figure.before - figure.after) / figure.before) * 100)}%` : null;
      const label = FIGURE_LABELS[name].replace('{unit}', bundle.promisedLimit.unit);
      return [{ name, label, before: figure.before, after: figure.after, reduction }];
    }),
    figuresSource: orNull(bundle.figures?.source),
  });
  return { ...view, jsonLd: input.jsonLd };
}
