/**
 * The bundle pages of a guide site (一次性告知单, one per bundle of an implementation list): each bundle that
 * passes its schema, with its member items (those of the list that passed theirs) linked to their own
 * guide pages in the same folder. A bundle that fails its schema is left out and said so (`bundle/invalid`);
 * `tongban validate` says what to fix.
 */
import { bundleNodes, BUNDLE_CONTEXT } from '../../core/bundles/jsonld.js';
import { memberFacts } from '../../core/bundles/members.js';
import { bundleView, type BundleView, type NoticeMember } from '../../core/bundles/notice.js';
import type { Finding } from '../../core/diagnostic.js';
import { pageHref } from '../../core/guide/index-view.js';
import { safeName, shortHash } from '../../core/guide/names.js';
import type { CatalogMeta, ImplementationItem, Incomplete } from '../../core/model.js';
import { keyMatters } from '../../io/key-matters.js';
import type { Catalog, Workspace } from '../../io/workspace.js';
import { validBundles } from './bundle-reads.js';

export interface BundlePage {
  view: BundleView;
  /** Where the page is, relative to the site's root, without the extension: `<catalog folder>/<slug>`. */
  path: string;
  catalogName: string;
  /** Member code → the member's page name in the same folder (for links). */
  memberPages: ReadonlyMap<string, string>;
}

/** JSON inside <script> that cannot close it (as the item pages do). */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function collectBundlePages(
  workspace: Workspace,
  catalog: Catalog,
  site: {
    folder: string;
    meta: CatalogMeta;
    region: string | null;
    items: readonly { file: string; data: Incomplete<ImplementationItem> }[];
    /** Page names of the list's item pages, by implementation code. */
    itemPages: ReadonlyMap<string, string>;
  },
): { pages: BundlePage[]; findings: Finding[] } {
  const pages: BundlePage[] = [];
  const findings: Finding[] = [];
  const byCode = new Map<string, { file: string; data: Incomplete<ImplementationItem> }>();
  for (const item of site.items)
    if (item.data.code !== undefined && !byCode.has(item.data.code)) byCode.set(item.data.code, item);
  // A bundle page name never takes an item page's name (case is ignored: some file systems do).
  const taken = new Set([...site.itemPages.values()].map((name) => name.toLowerCase()));
  const valid = validBundles(catalog, workspace.schemas);
  findings.push(...valid.problems);
  for (const { file, bundle } of valid.bundles) {
    let slug = safeName(`bundle-${bundle.id}`);
    if (taken.has(slug.toLowerCase())) slug = `${slug}-${shortHash(file)}`;
    taken.add(slug.toLowerCase());
    const members = new Map<string, NoticeMember>();
    const memberPages = new Map<string, string>();
    const items: Incomplete<ImplementationItem>[] = [];
    for (const { code } of bundle.members) {
      const item = byCode.get(code);
      if (!item || members.has(code)) continue;
      items.push(item.data);
      members.set(code, { facts: memberFacts(item.file, item.data), href: null });
      const page = site.itemPages.get(code);
      if (page !== undefined) memberPages.set(code, page);
    }
    const jsonLd = scriptSafeJson({
      '@context': BUNDLE_CONTEXT,
      '@graph': bundleNodes(bundle, catalog.dir, items, site.region),
    });
    const view = bundleView({
      bundle,
      file,
      slug,
      meta: site.meta,
      regionName: site.region,
      members,
      keyMatter: keyMatters().find((m) => m.id === bundle.keyMatter),
      jsonLd,
    });
    pages.push({ view, path: `${site.folder}/${slug}`, catalogName: site.meta.name, memberPages });
  }
  return { pages, findings };
}

/** The page's view with links to the member pages in this format (they sit in the same folder). */
export function bundlePageView(page: BundlePage, extension: string): BundleView {
  return {
    ...page.view,
    members: page.view.members.map((member) => {
      const name = page.memberPages.get(member.code);
      // `./<name>.<ext>`: the folder's own page, encoded like every link the site makes.
      return { ...member, href: name === undefined ? null : pageHref(name, extension) };
    }),
  };
}
