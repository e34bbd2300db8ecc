/**
 * `tongban guide`: 办事指南 for every valid implementation item, as Markdown or a static HTML site, rebuilt
 * incrementally (see io/guide-site.ts): only pages whose view changed are rendered, pages of removed items
 * are deleted.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { findingIn, locationOf, type Diagnostic, type Finding } from '../core/diagnostic.js';
import { safeHref } from '../core/guide/href.js';
import { indexView, type GuidePage } from '../core/guide/index-view.js';
import { markdownView } from '../core/guide/markdown.js';
import { uniqueNames } from '../core/guide/names.js';
import { checkTemplate, createRenderer, type MissingPartial } from '../core/guide/render.js';
import { guideView, withQr } from '../core/guide/view.js';
import type { CatalogMeta } from '../core/model.js';
import type { Lang } from '../i18n/index.js';
import { UsageError } from '../io/errors.js';
import { loadTemplates } from '../io/guide-templates.js';
import { GuideSite, type GuideManifest } from '../io/guide-site.js';
import { DISK_READER, readUsable } from '../io/item-reader.js';
import { locateFindings } from '../io/locate-findings.js';
import type { Workspace } from '../io/workspace.js';
import { bundlePageView, collectBundlePages, type BundlePage } from './shared/bundle-pages.js';
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
}

export interface GuideResult {
  /** The output folder as given, when the site was written. */
  out?: string;
  format: GuideFormat;
  /** Pages written, relative to the output folder. */
  rendered: string[];
  unchanged: number;
  deleted: string[];
  /** Items left out (unreadable, invalid) and template problems. */
  diagnostics: Diagnostic[];
  /** The text of the page when `item` selected exactly one. */
  single?: string;
}

/** The status of a cancelled item (code list item-status). */
const RETIRED = '取消';

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/**
 * The views of every valid implementation item under `paths`; the rest are findings. Each catalog gets a
 * folder of its own in the site — its folder's name, when no other catalog of the run has it (`a/shenzhen`
 * and `b/shenzhen` become `a-shenzhen` and `b-shenzhen`) — and each item a page name of its own in it
 * (items that share a code get the code and a hash of their file): no page overwrites another.
 */
function collectPages(
  workspace: Workspace,
  paths: readonly string[],
  baseUrl: string | undefined,
): { pages: GuidePage[]; bundles: BundlePage[]; findings: Finding[] } {
  const set = workspace.catalogs(paths);
  const pages: GuidePage[] = [];
  const bundles: BundlePage[] = [];
  const findings: Finding[] = [...set.problems];
  // Only implementation lists have guides: a basic catalog says what an item is, not how to apply for it.
  const lists = set.requested.filter((c) => c.kind === 'implementation');
  const folders = uniqueNames(
    lists.map((c) => path.basename(c.absoluteDir)),
    lists.map((c) => path.basename(path.dirname(c.absoluteDir))),
    lists.map((c) => c.dir),
  );
  lists.forEach((catalog, i) => {
    const meta = catalog.meta as unknown as CatalogMeta;
    const region = meta.region ? (workspace.regions.get(meta.region)?.fullName ?? null) : null;
    const read = readUsable(DISK_READER, catalog, 'implementation', workspace.schemas);
    findings.push(...read.problems);
    // A cancelled item (status 取消) is no longer a service: it gets no page and no place in the index, and
    // the page an earlier build made for it is deleted (it is not in the new manifest).
    const views = read.items
      .filter(({ data }) => data.status !== RETIRED)
      .map(({ file, data }) => guideView(data, file, meta, region, baseUrl === undefined ? {} : { baseUrl }));
    const slugs = uniqueNames(
      views.map((v) => v.slug),
      [],
      views.map((v) => v.file),
    );
    views.forEach((view, j) => {
      const slug = slugs[j] as string;
      pages.push({ view: { ...view, slug }, path: `${folders[i]}/${slug}`, catalogName: meta.name });
    });
    // The list's bundles (一件事): a page each in the same folder, linking its members' pages.
    const itemPages = new Map<string, string>();
    views.forEach((view, j) => {
      if (view.code !== null && !itemPages.has(view.code)) itemPages.set(view.code, slugs[j] as string);
    });
    const folder = folders[i] as string;
    const collected = collectBundlePages(workspace, catalog, { folder, meta, region, items: read.items, itemPages });
    bundles.push(...collected.pages);
    findings.push(...collected.findings);
  });
  return { pages, bundles, findings };
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

  const collected = collectPages(workspace, options.paths ?? [], options.baseUrl);
  const pages =
    options.item === undefined
      ? collected.pages
      : collected.pages.filter((p) => p.view.code === options.item || p.view.basicCode === options.item);
  // Bundle pages (一次性告知单); `item` may name a bundle by its id.
  const bundlePages =
    options.item === undefined ? collected.bundles : collected.bundles.filter((b) => b.view.id === options.item);
  const previous = site?.readManifest();
  const reusable = previous?.templates === templatesHash ? previous.pages : {};
  // Building one item leaves the other pages as they are, so their manifest entries stay.
  const manifest: GuideManifest = {
    version: 1,
    templates: templatesHash,
    pages: options.item !== undefined ? { ...reusable } : {},
  };
  const problems: Finding[] = [...collected.findings];

  for (const page of pages) {
    const target = `${page.path}.${format}`;
    const hash = sha1(JSON.stringify(page.view));
    manifest.pages[target] = hash;
    if (options.item === undefined && reusable[target] === hash && site?.has(target)) {
      result.unchanged++;
      continue;
    }
    // The QR code (for print) is drawn only for pages rendered: it is a function of the view's qrUrl.
    const rendered = render(`guide.${format}`, format === 'md' ? markdownView(page.view) : withQr(page.view));
    if ('missing' in rendered || 'missingPartial' in rendered) {
      problems.push(
        'missing' in rendered
          ? missingField(workspace, rendered.missing, page.view.file)
          : missingPartial(rendered.missingPartial),
      );
      delete manifest.pages[target];
      continue;
    }
    if (pages.length === 1) result.single = rendered.text;
    if (site) {
      site.write(target, rendered.text);
      result.rendered.push(target);
    }
  }
  for (const page of bundlePages) {
    const target = `${page.path}.${format}`;
    const view = bundlePageView(page, format);
    const hash = sha1(JSON.stringify(view));
    manifest.pages[target] = hash;
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
      continue;
    }
    if (pages.length === 0 && bundlePages.length === 1) result.single = rendered.text;
    if (site) {
      site.write(target, rendered.text);
      result.rendered.push(target);
    }
  }

  if (site && options.item === undefined) {
    // Pages of items that are gone are deleted, so the site never shows a cancelled guide.
    for (const target of Object.keys(previous?.pages ?? {})) {
      if (manifest.pages[target] === undefined && site.has(target) && !problems.length && site.remove(target))
        result.deleted.push(target);
    }
    const view = indexView(pages, format, bundlePages);
    const index = render(`index.${format}`, format === 'md' ? markdownView(view) : view);
    if ('text' in index) site.write(`index.${format}`, index.text);
    else if ('missingPartial' in index) problems.push(missingPartial(index.missingPartial));
  }
  site?.writeManifest(manifest);
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
