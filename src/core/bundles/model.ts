/**
 * 一件事 (a bundle): several items of one implementation list, from several departments, that one life
 * event needs, delivered as one matter — one notice, one form, one set of materials, one window, one
 * network (domain.md §7). The schema (schemas/bundle.schema.json) is the authority; these types mirror it.
 */
import type { Agency, TimeLimit } from '../model.js';

export type BundleScope = '本地' | '全城通办' | '全省通办' | '跨省通办';

/** How a material reaches the agencies without the applicant submitting it (shown as 无需提交). */
export type ObtainedBy = '电子证照' | '数据共享' | '告知承诺';

export interface BundleMember {
  /** Implementation code of an item of the same list. */
  code: string;
  stage?: string;
  /** From 1; members of the same order are handled in parallel. */
  order: number;
  /** When the member applies; absent means always. */
  condition?: string;
}

export interface BundleField {
  name: string;
  usedBy: string[];
  prefilled?: boolean;
}

export interface BundleMaterial {
  name: string;
  aliases?: string[];
  neededBy: string[];
  obtainedBy?: ObtainedBy;
  forms?: string[];
  copies?: number;
  note?: string;
}

export interface Figure {
  before: number;
  after: number;
  /** The claimed reduction in percent (60 = −60%). */
  reduction?: number;
}

export type FigureName = 'materials' | 'time' | 'visits' | 'forms';
export const FIGURE_NAMES: readonly FigureName[] = ['materials', 'time', 'visits', 'forms'];

export interface Bundle {
  id: string;
  name: string;
  keyMatter?: string;
  description?: string;
  lead: Agency;
  assisting?: Agency[];
  members: BundleMember[];
  form?: { name: string; fields: BundleField[] };
  materials: BundleMaterial[];
  promisedLimit: TimeLimit;
  visits: number;
  channels?: { url?: string; mobileUrl?: string; place?: string; hours?: string; phone?: string };
  scope: BundleScope;
  figures?: Partial<Record<FigureName, Figure>> & { source?: string };
  effectiveDate?: string;
}

/** A bundle file as read from disk: its data when it holds a YAML mapping (not yet checked). */
export interface BundleSource {
  file: string;
  data: Record<string, unknown>;
}

/** A national key matter of the 高效办成一件事 lists (schemas/codelists/key-matters.json). */
export interface KeyMatter {
  id: string;
  /** The official name, or null when it could not be confirmed (a placeholder keeps the list's count). */
  name: string | null;
  /** What to call it in reports: the name, or the placeholder's title. */
  title: string;
  year: number;
  batch: number;
  /** The document that set the list. */
  list: string;
  /** Whether the name was confirmed against a source. */
  confirmed: boolean;
  lead: string | null;
  leadConfirmed: boolean;
}

/** The key matters from the code list schema's entries (its `oneOf`, each with `x-matter`). */
export function keyMattersFrom(codeList: unknown): KeyMatter[] {
  const entries = (codeList as { oneOf?: unknown[] } | undefined)?.oneOf ?? [];
  return entries.map((entry) => {
    const e = entry as { const: string; title: string; 'x-matter': Record<string, unknown> };
    const m = e['x-matter'];
    return {
      id: e.const,
      name: typeof m.name === 'string' ? m.name : null,
      title: e.title,
      year: Number(m.year),
      batch: Number(m.batch),
      list: String(m.list),
      confirmed: m.confirmed === true,
      lead: typeof m.lead === 'string' ? m.lead : null,
      leadConfirmed: m.leadConfirmed === true,
    };
  });
}
