/**
 * The index page of a guide site: catalogs, then within each the items grouped by department and type
 * (how citizens look for an office's services), each with a search text.
 */
import { showControlsDeep } from '../control-chars.js';
import { searchText } from './search.js';
import type { GuideView } from './view.js';
import type { BundleView } from '../bundles/notice.js';

export interface GuidePage {
  view: GuideView;
  /** Where the page is, relative to the site's root, without the extension: `<catalog folder>/<slug>`. */
  path: string;
  catalogName: string;
}

/** A bundle page (一件事) as the index lists it. */
export interface IndexBundle {
  name: string;
  /** The catalog (implementation list) it belongs to. */
  catalog: string;
  lead: string;
  /** Every department taking part, lead first, joined. */
  agencies: string;
  /** The national key matter it implements (`2024年度第一批：新生儿出生一件事`), or null for a regional one. */
  keyMatter: string | null;
  scope: string;
  promisedLimit: string;
  /** Number of member items and their names, joined. */
  members: number;
  memberNames: string;
  href: string;
  search: string;
}

export interface IndexView {
  title: string;
  count: number;
  /** 一件事: every bundle page, in catalog order (catalog names match `catalogs[].name`). */
  bundles: IndexBundle[];
  catalogs: {
    name: string;
    groups: {
      title: string;
      items: { name: string; type: string; agency: string; code: string; href: string; search: string }[];
    }[];
  }[];
}

/**
 * A page's link from the index: each segment percent-encoded (also `( ) ! * '`, which Markdown link syntax
 * and some parsers treat specially) and the whole made explicitly relative with `./`, so that no folder
 * or code — `javascript:alert(1)`, `//host` — can be read as a scheme or another host.
 */
export function pageHref(pagePath: string, extension: string): string {
  const encode = (segment: string) =>
    encodeURIComponent(segment).replace(/[()!*']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `./${pagePath.split('/').map(encode).join('/')}.${encode(extension)}`;
}

/** Appends to the list kept under `key`: one pass over the pages, however many share a key. */
function groupBy<T>(values: readonly T[], keyOf: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const key = keyOf(value);
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}

/** What the index shows of an item page: where it is, its catalog, and the fields of its view it lists. */
export interface IndexEntry {
  path: string;
  catalogName: string;
  name: string;
  type: string;
  agency: string;
  code: string | null;
  basicCode: string | null;
  materials: string[];
}

/** The fields of a page the index shows (an incremental build keeps them, so the index needs no item parsed). */
export function indexEntry(page: GuidePage): IndexEntry {
  const { view } = page;
  return {
    path: page.path,
    catalogName: page.catalogName,
    name: view.name,
    type: view.type,
    agency: view.agency,
    code: view.code,
    basicCode: view.basicCode,
    materials: view.materials.map((m) => m.name),
  };
}

/** A bundle page as the index lists it (before control characters are made visible: see indexViewOf). */
export function indexBundle(
  page: { view: BundleView; path: string; catalogName: string },
  extension: string,
): IndexBundle {
  const { view, path, catalogName } = page;
  return {
    name: view.name,
    catalog: catalogName,
    lead: view.lead,
    agencies: view.agencies,
    keyMatter: view.keyMatter ? `${view.keyMatter.label}：${view.keyMatter.title}` : null,
    scope: view.scope,
    promisedLimit: view.promisedLimit,
    members: view.members.length,
    memberNames: view.members.map((m) => m.name).join('、'),
    href: pageHref(path, extension),
    // Found like an item: by its name, departments, members and materials, everyday words and pinyin initials.
    search: searchText({
      name: view.name,
      agency: view.agencies,
      type: `一件事 ${view.keyMatter?.title ?? ''}`,
      codes: [view.id, view.keyMatter?.id ?? ''],
      materials: [...view.members.map((m) => m.name), ...view.materials.map((m) => m.name)],
    }),
  };
}

export function indexView(
  pages: readonly GuidePage[],
  extension: string,
  bundlePages: readonly { view: BundleView; path: string; catalogName: string }[] = [],
): IndexView {
  return indexViewOf(
    pages.map(indexEntry),
    extension,
    bundlePages.map((page) => indexBundle(page, extension)),
  );
}

/** The index from what it shows of each page: one pass over the entries, grouped without copying lists. */
export function indexViewOf(
  entries: readonly IndexEntry[],
  extension: string,
  bundles: readonly IndexBundle[] = [],
): IndexView {
  const catalogs = [...groupBy(entries, (p) => p.catalogName)].map(([name, list]) => ({
    name,
    groups: [...groupBy(list, (p) => `${p.agency} · ${p.type}`)]
      .sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
      .map(([title, items]) => ({
        title,
        items: items.map((entry) => ({
          name: entry.name,
          type: entry.type,
          agency: entry.agency,
          code: entry.code ?? entry.basicCode ?? '',
          href: pageHref(entry.path, extension),
          // Names, department, type, codes, material names, everyday words and pinyin initials: see search.ts.
          search: searchText({
            name: entry.name,
            agency: entry.agency,
            type: entry.type,
            codes: [entry.code ?? '', entry.basicCode ?? ''],
            materials: entry.materials,
          }),
        })),
      })),
  }));
  // Catalog names come from catalog.yaml, not through a view: their control characters are made visible here.
  return {
    title: '政务服务事项办事指南',
    count: entries.length,
    bundles: showControlsDeep([...bundles]),
    catalogs: showControlsDeep(catalogs),
  };
}
