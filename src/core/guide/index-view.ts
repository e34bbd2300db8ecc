/**
 * The index page of a guide site: catalogs, then within each the items grouped by department and type
 * (how citizens look for an office's services), each with a search text.
 */
import { showControlsDeep } from '../control-chars.js';
import type { GuideView } from './view.js';

export interface GuidePage {
  view: GuideView;
  /** Where the page is, relative to the site's root, without the extension: `<catalog folder>/<slug>`. */
  path: string;
  catalogName: string;
}

export interface IndexView {
  title: string;
  count: number;
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

export function indexView(pages: readonly GuidePage[], extension: string): IndexView {
  const catalogs = [...groupBy(pages, (p) => p.catalogName)].map(([name, list]) => ({
    name,
    groups: [...groupBy(list, (p) => `${p.view.agency} · ${p.view.type}`)]
      .sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
      .map(([title, items]) => ({
        title,
        items: items.map(({ view, path }) => ({
          name: view.name,
          type: view.type,
          agency: view.agency,
          code: view.code ?? view.basicCode,
          href: pageHref(path, extension),
          search: [view.name, view.agency, view.type, view.code ?? '', view.basicCode].join(' ').toLowerCase(),
        })),
      })),
  }));
  // Catalog names come from catalog.yaml, not through a view: their control characters are made visible here.
  return { title: '政务服务事项办事指南', count: pages.length, catalogs: showControlsDeep(catalogs) };
}
