/**
 * `tongban guide`: 办事指南 for every implementation item, as Markdown or a static HTML site, rebuilt
 * incrementally: a manifest records what each page was built from, so only changed pages are rendered
 * and pages of removed items are deleted.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from './core/diagnostic.js';
import { checkTemplate, createRenderer } from './core/guide/render.js';
import { guideView, type GuideView } from './core/guide/view.js';
import type { CatalogMeta, ImplementationItem } from './core/model.js';
import { compareFindings, type Diagnostic } from './core/diagnostic.js';
import { formatMessage, type Lang } from './i18n/index.js';
import { selectCatalogs } from './io/discover.js';
import { environment } from './io/environment.js';
import { loadTemplates } from './io/guide-templates.js';
import { loadCatalogs } from './io/load-catalogs.js';
import { locateFindings } from './io/locate.js';
import { findConfigFile, readConfig } from './io/read-config.js';
import { writeFileAtomic } from './io/write-file.js';

export type GuideFormat = 'html' | 'md';

export interface GuideOptions {
  cwd?: string;
  lang?: Lang;
  out: string;
  format?: GuideFormat;
  /** A publisher's templates folder; missing files fall back to tongban's own. */
  templates?: string;
  /** Only the item with this implementation or basic code. */
  item?: string;
}

export interface GuideResult {
  rendered: string[];
  unchanged: number;
  deleted: string[];
  diagnostics: Diagnostic[];
  /** The text of the single page when `item` selected exactly one (for --stdout). */
  single?: string;
}

const MANIFEST = '.tongban-guides.json';

interface Manifest {
  version: 1;
  templates: string;
  pages: Record<string, string>;
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

interface Page {
  view: GuideView;
  catalogSlug: string;
  catalogName: string;
  source: { file: string };
}

/** The views of every valid implementation item under `paths`; invalid items are findings. */
async function collectPages(paths: readonly string[], cwd: string): Promise<{ pages: Page[]; findings: Finding[] }> {
  const schemas = await environment.schemas();
  const selection = selectCatalogs(paths.length ? paths : ['.'], cwd);
  const loaded = loadCatalogs(selection, cwd);
  const pages: Page[] = [];
  const findings: Finding[] = [];
  for (const source of loaded.sources.filter((s) => s.requested)) {
    const meta = source.meta?.data as CatalogMeta | undefined;
    if (!meta || meta.kind !== 'implementation') {
      for (const _ of source.items); // nothing to publish from a basic catalog
      continue;
    }
    const region = meta.region ? (environment.regions.get(meta.region)?.fullName ?? null) : null;
    const catalogSlug = path.basename(path.resolve(cwd, source.dir));
    for (const doc of source.items) {
      if (schemas.item('implementation', doc.data).length) {
        findings.push({ code: 'guide/invalid-item', severity: 'error', file: doc.file, path: '', args: {} });
        continue;
      }
      pages.push({
        view: guideView(doc.data as unknown as ImplementationItem, doc.file, meta, region),
        catalogSlug,
        catalogName: meta.name,
        source: { file: doc.file },
      });
    }
  }
  findings.push(...loaded.findings);
  return { pages, findings: locateFindings(findings, loaded.textOf) };
}

function indexView(pages: readonly Page[], format: GuideFormat) {
  const byCatalog = new Map<string, Page[]>();
  for (const page of pages) byCatalog.set(page.catalogName, [...(byCatalog.get(page.catalogName) ?? []), page]);
  const catalogs = [...byCatalog].map(([name, list]) => {
    const groups = new Map<string, Page[]>();
    // Grouped by department, and within it by item type: how citizens look for an office's services.
    for (const page of list) {
      const title = `${page.view.agency} · ${page.view.type}`;
      groups.set(title, [...(groups.get(title) ?? []), page]);
    }
    return {
      name,
      groups: [...groups]
        .sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))
        .map(([title, items]) => ({
          title,
          items: items.map((p) => ({
            name: p.view.name,
            type: p.view.type,
            agency: p.view.agency,
            code: p.view.code ?? p.view.basicCode,
            href: `${p.catalogSlug}/${p.view.slug}.${format}`,
            search: [p.view.name, p.view.agency, p.view.type, p.view.code ?? '', p.view.basicCode]
              .join(' ')
              .toLowerCase(),
          })),
        })),
    };
  });
  return { title: '政务服务事项办事指南', count: pages.length, catalogs };
}

export async function buildGuides(paths: readonly string[], options: GuideOptions): Promise<GuideResult> {
  const cwd = options.cwd ?? process.cwd();
  const lang = options.lang ?? 'en';
  const format = options.format ?? 'html';
  const out = path.resolve(cwd, options.out);
  const result: GuideResult = { rendered: [], unchanged: 0, deleted: [], diagnostics: [] };
  const word = (findings: Finding[]) => findings.map((f) => ({ ...f, message: formatMessage(lang, f.code, f.args) }));

  const configFile = findConfigFile(cwd);
  const config = configFile ? readConfig(configFile, cwd, await environment.schemas()).config : undefined;
  const templates = loadTemplates(cwd, options.templates);
  const templateProblems = [...Object.values(templates.templates), ...Object.values(templates.partials)].flatMap((t) =>
    checkTemplate(t, config?.guide?.allowRaw ?? []),
  );
  if (templateProblems.length) return { ...result, diagnostics: word(templateProblems) };
  const render = createRenderer(templates);
  const templatesHash = sha1(JSON.stringify(templates) + format);

  const collected = await collectPages(paths, cwd);
  let pages = collected.pages;
  if (options.item !== undefined)
    pages = pages.filter((p) => p.view.code === options.item || p.view.basicCode === options.item);
  const manifestFile = path.join(out, MANIFEST);
  const previous = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest) : undefined;
  const reusable = previous?.templates === templatesHash ? previous.pages : {};
  const manifest: Manifest = {
    version: 1,
    templates: templatesHash,
    pages: options.item !== undefined ? { ...reusable } : {},
  };
  const problems: Finding[] = [...collected.findings];

  for (const page of pages) {
    const target = `${page.catalogSlug}/${page.view.slug}.${format}`;
    const hash = sha1(JSON.stringify(page.view));
    manifest.pages[target] = hash;
    if (reusable[target] === hash && existsSync(path.join(out, target)) && options.item === undefined) {
      result.unchanged++;
      continue;
    }
    const rendered = render(`guide.${format}`, page.view);
    if ('missing' in rendered) {
      const { field, template, line, column } = rendered.missing;
      const start = { line, column };
      const [located] = locateFindings(
        [
          {
            code: 'guide/missing-field',
            severity: 'error',
            file: page.source.file,
            path: `/${field.split('.')[0]}`,
            args: {},
          },
        ],
        (file) => (existsSync(path.resolve(cwd, file)) ? readFileSync(path.resolve(cwd, file), 'utf8') : undefined),
      );
      const itemAt = located?.range
        ? `${page.source.file}:${located.range.start.line}:${located.range.start.column}`
        : page.source.file;
      problems.push({
        code: 'guide/missing-field',
        severity: 'error',
        file: template,
        path: '',
        args: { field, item: itemAt },
        range: { start, end: start },
      });
      delete manifest.pages[target];
      continue;
    }
    if (pages.length === 1) result.single = rendered.text;
    writeFileAtomic(path.join(out, target), rendered.text);
    result.rendered.push(target);
  }

  if (options.item === undefined) {
    // Pages of items that are gone are deleted, so the site never shows a cancelled guide.
    for (const target of Object.keys(previous?.pages ?? {})) {
      if (manifest.pages[target] === undefined && existsSync(path.join(out, target)) && !problems.length) {
        rmSync(path.join(out, target));
        result.deleted.push(target);
      }
    }
    const index = render(`index.${format}`, indexView(pages, format));
    if ('text' in index) writeFileAtomic(path.join(out, `index.${format}`), index.text);
  }
  writeFileAtomic(manifestFile, JSON.stringify(manifest, null, 1) + '\n');
  result.diagnostics = word(problems).sort(compareFindings);
  return result;
}
