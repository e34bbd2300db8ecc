/**
 * `tongban guide`: 办事指南 for every valid implementation item, as Markdown or a static HTML site, rebuilt
 * incrementally (see io/guide-site.ts): only pages whose view changed are rendered, pages of removed items
 * are deleted.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { findingIn, locationOf, type Diagnostic, type Finding } from '../core/diagnostic.js';
import { safeHref } from '../core/guide/href.js';
import { indexBundle, indexEntry, indexViewOf, type IndexBundle, type IndexEntry } from '../core/guide/index-view.js';
import { markdownView } from '../core/guide/markdown.js';
import { uniqueNames } from '../core/guide/names.js';
import { checkTemplate, createRenderer, type MissingPartial } from '../core/guide/render.js';
import { guideView, withQr, type GuideView } from '../core/guide/view.js';
import type { CatalogMeta, ImplementationItem, Incomplete } from '../core/model.js';
import type { Lang } from '../i18n/index.js';
import { UsageError } from '../io/errors.js';
import { loadTemplates } from '../io/guide-templates.js';
import {
  GuideSite,
  type BundleRecord,
  type GuideManifest,
  type IndexFields,
  type SourceRecord,
} from '../io/guide-site.js';
import { DISK_READER, readUsable } from '../io/item-reader.js';
import type { OnProgress } from './shared/progress.js';
import { locateFindings } from '../io/locate-findings.js';
import { BUILD_ID } from '../io/reference-data.js';
import { SkippingReader } from '../io/skipping-reader.js';
import type { Workspace } from '../io/workspace.js';
import { bundlePageView, collectBundlePages, type BundlePage } from './shared/bundle-pages.js';
import { validBundles } from './shared/bundle-reads.js';
import { toDiagnostics } from './shared/diagnostics.js';

export type GuideFormat = 'html' | 'md';

export interface GuideOptions {
  paths?: readonly string[];
  /** The folder to write the site to; without it nothing is written (see `single`). */
  out?: string;
  format?: GuideFormat;
  /** A publisher's templates folder; missing files fall back to tongban's own. */
  templates?: string;
  /** Only the item with this implementation or basic code. */
  item?: string;
  /**
   * Where the catalog's blank forms and samples are published (`--base-url`, http, https or relative):
   * relative names (`spxk-sqs.docx`) are linked against it. Without it only full URLs are linked.
   */
  baseUrl?: string;
  lang?: Lang;
  /** Called as item pages are made or found unchanged: how many of how many item files. */
  onProgress?: OnProgress;
}

export interface GuideResult {
  /** The output folder as given, when the site was written. */
  out?: string;
  format: GuideFormat;
  /** Pages written, relative to the output folder. */
  rendered: string[];
  unchanged: number;
  deleted: string[];
  /** Item files parsed: an incremental build parses only those that changed since the last. */
  parsed: number;
  /** Items left out (unreadable, invalid) and template problems. */
  diagnostics: Diagnostic[];
  /** The text of the page when `item` selected exactly one. */
  single?: string;
  /** With `item`: the codes of the items it selected (a basic code selects every handling item of it). */
  matches?: string[];
}

/** How many pages are rendered between two pauses for signals. */
const YIELD_EVERY = 100;

/** The catalog folder a page is in (`wuhou/x.html` → `wuhou`). */
const catalogFolderOf = (page: string) => page.split('/')[0] ?? '';

/** The status of a cancelled item (code list item-status). */
const RETIRED = '取消';

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

type Item = Incomplete<ImplementationItem>;

/** An item page of this build: its view when its file was parsed, else what the last build recorded. */
interface ItemPage {
  path: string;
  catalogName: string;
  file: string;
  index: IndexFields;
  code: string | null;
  basicCode: string | null;
  /** Whether its file was parsed this run (it changed); else the page is as the last build made it. */
  fresh: boolean;
  /** The page's view: drawn when it is rendered (from the data read this run, or by parsing the file). */
  load: () => GuideView | undefined;
}

interface Collected {
  /** Bundle pages built this run (views), and those reused from the last build (index records only). */
  bundles: BundlePage[];
  reusedBundles: { path: string; index: IndexBundle }[];
  findings: Finding[];
  sources: Record<string, SourceRecord>;
  bundleRecords: Record<string, BundleRecord>;
  parsed: number;
}

const indexFields = (view: GuideView): IndexFields => {
  const { path: _path, catalogName: _catalog, ...fields } = indexEntry({ view, path: '', catalogName: '' });
  return fields;
};

/**
 * The pages of every valid implementation item under `paths`; the rest are findings. Each catalog gets a
 * folder of its own in the site — its folder's name, when no other catalog of the run has it (`a/shenzhen`
 * and `b/shenzhen` become `a-shenzhen` and `b-shenzhen`) — and each item a page name of its own in it
 * (items that share a code get the code and a hash of their file): no page overwrites another.
 *
 * An item file whose content (and everything else its page depends on: `fingerprint`, the catalog) is
 * what the last build recorded is not parsed: its page and index fields are taken from the record.
 */
async function collectPages(
  workspace: Workspace,
  paths: readonly string[],
  baseUrl: string | undefined,
  fingerprint: string,
  previous: GuideManifest | undefined,
  exists: (page: string) => boolean,
  /** Called with each catalog's item pages, in order; they are let go afterwards (memory stays per catalog). */
  onPages: (pages: ItemPage[]) => Promise<void>,
): Promise<Collected> {
  const set = workspace.catalogs(paths);
  const out: Collected = {
    bundles: [],
    reusedBundles: [],
    findings: [...set.problems],
    sources: {},
    bundleRecords: {},
    parsed: 0,
  };
  const known = previous?.sources ?? {};
  // Only implementation lists have guides: a basic catalog says what an item is, not how to apply for it.
  const lists = set.requested.filter((c) => c.kind === 'implementation');
  const folders = uniqueNames(
    lists.map((c) => path.basename(c.absoluteDir)),
    lists.map((c) => path.basename(path.dirname(c.absoluteDir))),
    lists.map((c) => c.dir),
  );
  for (const [i, catalog] of lists.entries()) {
    const meta = catalog.meta as unknown as CatalogMeta;
    const region = meta.region ? (workspace.regions.get(meta.region)?.fullName ?? null) : null;
    const folder = folders[i] as string;
    const viewOptions = baseUrl === undefined ? {} : { baseUrl };
    const salt = JSON.stringify([fingerprint, folder, meta, region]);
    const reader = new SkippingReader(salt, (file, key) => known[file]?.key === key);
    const read = readUsable(reader, catalog, 'implementation', workspace.schemas);
    out.findings.push(...read.problems);
    // A file with problems is parsed again next time, so that they are reported again.
    const troubled = new Set(read.problems.map((p) => p.file));
    const parsed = new Map(read.items.map((item) => [item.file, item.data]));
    /** Parses one item file again (a page whose name moved, a member of a changed bundle). */
    const parseOne = (file: string): Item | undefined => {
      const item = catalog.items.find((f) => f.file === file);
      if (!item) return undefined;
      out.parsed++;
      const again = readUsable(
        DISK_READER,
        { absoluteDir: catalog.absoluteDir, items: [item] },
        'implementation',
        workspace.schemas,
      );
      return again.items[0]?.data;
    };

    // In file order: every item with a page, from its view or its record. A cancelled item (status 取消) is
    // no longer a service: it gets no page and no place in the index, and the page an earlier build made
    // for it is deleted (it is not in the new manifest).
    // Views are not kept here (at 100k items they would all be alive at once): each is drawn again when
    // its page is rendered.
    const entries: { file: string; slug: string; code: string | null; index: IndexFields; fresh: boolean }[] = [];
    const codes: { file: string; code: string }[] = [];
    for (const { file } of catalog.items) {
      const key = reader.keys.get(file);
      const record = reader.skipped.has(file) ? known[file] : undefined;
      if (record) {
        if (record.code !== null) codes.push({ file, code: record.code });
        if (record.slug !== null && record.index !== null)
          entries.push({ file, slug: record.slug, code: record.code, index: record.index, fresh: false });
        out.sources[file] = record;
        continue;
      }
      const data = parsed.get(file);
      if (data === undefined) continue;
      if (data.code !== undefined) codes.push({ file, code: data.code });
      const retired = data.status === RETIRED;
      const view = retired ? undefined : guideView(data, file, meta, region, viewOptions);
      if (view) entries.push({ file, slug: view.slug, code: data.code ?? null, index: indexFields(view), fresh: true });
      if (key !== undefined && !troubled.has(file))
        out.sources[file] = {
          key,
          code: data.code ?? null,
          slug: view?.slug ?? null,
          page: null,
          index: view ? indexFields(view) : null,
        };
    }
    out.parsed += reader.parsed;

    const slugs = uniqueNames(
      entries.map((e) => e.slug),
      [],
      entries.map((e) => e.file),
    );
    const itemPages = new Map<string, string>();
    const pages: ItemPage[] = [];
    entries.forEach((entry, j) => {
      const slug = slugs[j] as string;
      const pagePath = `${folder}/${slug}`;
      const source = out.sources[entry.file];
      let fresh = entry.fresh;
      const load = (): GuideView | undefined => {
        const data = parsed.get(entry.file) ?? parseOne(entry.file);
        if (data === undefined || data.status === RETIRED) return undefined;
        return { ...guideView(data, entry.file, meta, region, viewOptions), slug };
      };
      // A page name that moved (another item now claims it) changes the page: it is rendered again.
      if (!fresh && source?.page !== pagePath) fresh = true;
      if (source) out.sources[entry.file] = { ...source, page: pagePath };
      if (entry.index.code !== null && !itemPages.has(entry.index.code)) itemPages.set(entry.index.code, slug);
      pages.push({
        path: pagePath,
        catalogName: meta.name,
        file: entry.file,
        index: entry.index,
        code: entry.index.code,
        basicCode: entry.index.basicCode,
        fresh,
        load,
      });
    });
    await onPages(pages);

    // The list's bundles (一件事): a page each in the same folder, linking its members' pages. Reused as the
    // last build made them while the bundles, their members' files and page names are all unchanged.
    if (!catalog.bundles.length) continue;
    const firstByCode = new Map<string, string>();
    for (const { file, code } of codes) if (!firstByCode.has(code)) firstByCode.set(code, file);
    const memberCodes = new Set(
      catalog.bundles.flatMap((b) => {
        const members = (b.data as { members?: unknown } | undefined)?.members;
        return Array.isArray(members) ? members.map((m) => String((m as { code?: unknown } | null)?.code)) : [];
      }),
    );
    const bundleKey = sha1(
      JSON.stringify([
        salt,
        catalog.bundles.map((b) => [b.file, b.data ?? null]),
        [...memberCodes].map((code) => {
          const file = firstByCode.get(code);
          return [
            code,
            file ?? null,
            file === undefined ? null : (reader.keys.get(file) ?? null),
            itemPages.get(code) ?? null,
          ];
        }),
        [...itemPages.values()].filter((name) => name.toLowerCase().startsWith('bundle-')),
      ]),
    );
    const last = previous?.bundles[folder];
    if (last?.key === bundleKey && last.pages.every((page) => exists(page.path))) {
      out.findings.push(...validBundles(catalog, workspace.schemas).problems);
      out.reusedBundles.push(...last.pages);
      out.bundleRecords[folder] = last;
      continue;
    }
    const members: { file: string; data: Item }[] = [];
    for (const file of new Set(firstByCode.values())) {
      if (![...memberCodes].some((code) => firstByCode.get(code) === file)) continue;
      const data = parsed.get(file) ?? parseOne(file);
      if (data !== undefined) members.push({ file, data });
    }
    const collected = collectBundlePages(workspace, catalog, { folder, meta, region, items: members, itemPages });
    out.bundles.push(...collected.pages);
    out.findings.push(...collected.findings);
    out.bundleRecords[folder] = { key: bundleKey, pages: [] }; // filled as the pages are rendered
  }
  return out;
}

export async function buildGuides(workspace: Workspace, options: GuideOptions = {}): Promise<GuideResult> {
  const lang = options.lang ?? 'en';
  const format = options.format ?? 'html';
  const site = options.out === undefined ? undefined : new GuideSite(path.resolve(workspace.cwd, options.out));
  const result: GuideResult = {
    ...(options.out !== undefined ? { out: options.out } : {}),
    format,
    rendered: [],
    unchanged: 0,
    deleted: [],
    parsed: 0,
    diagnostics: [],
  };

  if (options.baseUrl !== undefined && safeHref(options.baseUrl) === null)
    throw new UsageError('usage/guide-base-url', { url: options.baseUrl });
  const templates = loadTemplates(workspace.cwd, options.templates);
  const allowRaw = workspace.config?.config.guide?.allowRaw ?? [];
  const partialNames = Object.keys(templates.partials);
  const templateProblems = [...Object.values(templates.templates), ...Object.values(templates.partials)].flatMap((t) =>
    checkTemplate(t, allowRaw, partialNames),
  );
  if (templateProblems.length) return { ...result, diagnostics: toDiagnostics(templateProblems, lang) };
  const render = createRenderer(templates);
  const templatesHash = sha1(JSON.stringify(templates) + format);

  const previous = site?.readManifest();
  const current = previous?.templates === templatesHash ? previous : undefined;
  // Everything besides an item's file that its page depends on: a change to any re-reads every item.
  const fingerprint = JSON.stringify([BUILD_ID, templatesHash, options.baseUrl ?? null]);
  const reusable = current?.pages ?? {};
  // Building one item leaves the other pages as they are, so their manifest entries stay.
  const manifest: GuideManifest = {
    version: 3,
    templates: templatesHash,
    pages: options.item !== undefined ? { ...reusable } : {},
    sources: options.item !== undefined ? { ...current?.sources } : {},
    bundles: options.item !== undefined ? { ...current?.bundles } : {},
    ...(options.item !== undefined && current?.index !== undefined ? { index: current.index } : {}),
  };
  const problems: Finding[] = [];
  /** What the index shows of every page, in order. */
  const entries: IndexEntry[] = [];
  let matched = 0;
  let singleText: string | undefined;

  // Counting the item files lists the catalogs once more: only done when someone is watching.
  const total = options.onProgress
    ? workspace
        .catalogs(options.paths ?? [])
        .requested.filter((c) => c.kind === 'implementation')
        .reduce((sum, c) => sum + c.items.length, 0)
    : 0;
  let handled = 0;
  const renderPages = async (catalogPages: ItemPage[]) => {
    for (const page of catalogPages) {
      options.onProgress?.(++handled, total);
      // Rendering is synchronous work: a pause now and then lets Ctrl-C and SIGTERM be handled (the
      // cleanup that removes temp files runs on the event loop) instead of after the whole build.
      if (handled % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      if (options.item !== undefined && page.code !== options.item && page.basicCode !== options.item) continue;
      matched++;
      if (options.item !== undefined) (result.matches ??= []).push(page.code ?? page.basicCode ?? page.path);
      entries.push({ path: page.path, catalogName: page.catalogName, ...page.index });
      const target = `${page.path}.${format}`;
      // A page the last build made from this very file: as it is, unless it is gone from the folder.
      if (!page.fresh && options.item === undefined && reusable[target] !== undefined && site?.has(target)) {
        manifest.pages[target] = reusable[target];
        result.unchanged++;
        continue;
      }
      const view = page.load();
      if (view === undefined) continue; // changed since it was read: the next build sees it as it is now
      const hash = sha1(JSON.stringify(view));
      manifest.pages[target] = hash;
      if (options.item === undefined && reusable[target] === hash && site?.has(target)) {
        result.unchanged++;
        continue;
      }
      // The QR code (for print) is drawn only for pages rendered: it is a function of the view's qrUrl.
      const rendered = render(`guide.${format}`, format === 'md' ? markdownView(view) : withQr(view));
      if ('missing' in rendered || 'missingPartial' in rendered) {
        problems.push(
          'missing' in rendered
            ? missingField(workspace, rendered.missing, view.file)
            : missingPartial(rendered.missingPartial),
        );
        delete manifest.pages[target];
        continue;
      }
      singleText = rendered.text;
      if (site) {
        site.write(target, rendered.text);
        result.rendered.push(target);
      }
    }
  };
  // Building one item parses every item as it is (its page and the bundle pages it may name are rendered).
  const collected = await collectPages(
    workspace,
    options.paths ?? [],
    options.baseUrl,
    fingerprint,
    options.item === undefined ? current : undefined,
    (page) => site?.has(`${page}.${format}`) ?? false,
    renderPages,
  );
  if (matched === 1 && singleText !== undefined) result.single = singleText;
  problems.unshift(...collected.findings);
  if (options.item === undefined) {
    manifest.sources = collected.sources;
    manifest.bundles = collected.bundleRecords;
  }
  // Bundle pages (一次性告知单); `item` may name a bundle by its id.
  const bundlePages =
    options.item === undefined ? collected.bundles : collected.bundles.filter((b) => b.view.id === options.item);
  const bundleIndex: IndexBundle[] = [];
  for (const reused of collected.reusedBundles) {
    const target = `${reused.path}.${format}`;
    const hash = reusable[target];
    if (hash !== undefined) manifest.pages[target] = hash;
    result.unchanged++;
    bundleIndex.push(reused.index);
  }
  for (const page of bundlePages) {
    const target = `${page.path}.${format}`;
    const view = bundlePageView(page, format);
    const hash = sha1(JSON.stringify(view));
    manifest.pages[target] = hash;
    const index = indexBundle(page, format);
    bundleIndex.push(index);
    const folder = page.path.split('/')[0] as string;
    if (options.item === undefined) manifest.bundles[folder]?.pages.push({ path: page.path, index });
    if (options.item === undefined && reusable[target] === hash && site?.has(target)) {
      result.unchanged++;
      continue;
    }
    const rendered = render(`bundle.${format}`, format === 'md' ? markdownView(view) : view);
    if ('missing' in rendered || 'missingPartial' in rendered) {
      problems.push(
        'missing' in rendered
          ? missingField(workspace, rendered.missing, page.view.file)
          : missingPartial(rendered.missingPartial),
      );
      delete manifest.pages[target];
      delete manifest.bundles[folder]; // drawn again (and its problem said again) next time
      continue;
    }
    if (matched === 0 && bundlePages.length === 1) result.single = rendered.text;
    if (site) {
      site.write(target, rendered.text);
      result.rendered.push(target);
    }
  }

  if (site && options.item === undefined) {
    // Pages of items that are gone are deleted, so the site never shows a cancelled guide. Pages in the
    // folder of a catalog this run did not build are another build's into the same --out: kept, with their
    // records, not deleted.
    const built = new Set(Object.keys(manifest.pages).map(catalogFolderOf));
    for (const [target, hash] of Object.entries(previous?.pages ?? {})) {
      if (manifest.pages[target] !== undefined) continue;
      if (!built.has(catalogFolderOf(target))) manifest.pages[target] = hash;
      else if (site.has(target) && !problems.length && site.remove(target)) result.deleted.push(target);
    }
    // The index is drawn again only when what it shows changed (or it is gone).
    const indexHash = sha1(JSON.stringify([templatesHash, entries, bundleIndex]));
    const indexFile = `index.${format}`;
    if (current?.index === indexHash && site.has(indexFile)) manifest.index = indexHash;
    else {
      const view = indexViewOf(entries, format, bundleIndex);
      const index = render(`index.${format}`, format === 'md' ? markdownView(view) : view);
      if ('text' in index) {
        site.write(indexFile, index.text);
        manifest.index = indexHash;
      } else if ('missingPartial' in index) problems.push(missingPartial(index.missingPartial));
    }
  }
  // Records of pages that failed to render are dropped, so those items are read again next time.
  for (const [file, source] of Object.entries(manifest.sources))
    if (source.page !== null && manifest.pages[`${source.page}.${format}`] === undefined) delete manifest.sources[file];
  site?.writeManifest(manifest);
  result.parsed = collected.parsed;
  result.diagnostics = toDiagnostics(problems, lang, workspace.textOf);
  return result;
}

/** A partial the template includes that does not exist, at the line that includes it. */
function missingPartial(missing: MissingPartial): Finding {
  const start = { line: missing.line, column: missing.column };
  return {
    ...findingIn(missing.template, { code: 'guide/partial-missing', path: '', args: { name: missing.name } }),
    range: { start, end: start },
  };
}

/** A field the template uses that the view lacks: located at the template's line, naming the item's. */
function missingField(
  workspace: Workspace,
  missing: { field: string; template: string; line: number; column: number },
  itemFile: string,
): Finding {
  const [itemAt] = locateFindings(
    [findingIn(itemFile, { code: 'guide/missing-field', path: `/${missing.field.split('.')[0]}` })],
    workspace.textOf,
  );
  const start = { line: missing.line, column: missing.column };
  return {
    ...findingIn(missing.template, {
      code: 'guide/missing-field',
      path: '',
      args: { field: missing.field, item: itemAt ? locationOf(itemAt) : itemFile },
    }),
    range: { start, end: start },
  };
}
