/**
 * `tongban show <code|name> [catalogs...]`: the items of the catalogs whose implementation code, basic code
 * or name is the one asked for. None is not an exception: the result then suggests the nearest names.
 */
import type { Diagnostic, Finding } from '../core/diagnostic.js';
import { similarity } from '../core/diff/similarity.js';
import type { CatalogKind } from '../core/model.js';
import { suggestCode } from '../core/text.js';
import type { Lang } from '../i18n/index.js';
import { DISK_READER, readAll } from '../io/item-reader.js';
import { catalogTitle } from '../io/read-diff-side.js';
import type { Workspace } from '../io/workspace.js';
import { toDiagnostics } from './shared/diagnostics.js';

export interface ShowOptions {
  /** An implementation code, a basic code or an item's name. */
  query: string;
  /** Catalog folders or folders holding catalogs; default: the working folder. */
  paths?: readonly string[];
  lang?: Lang;
}

export interface ShownItem {
  /** The item file as shown. */
  file: string;
  catalog: { dir: string; kind: CatalogKind; name: string; title: string };
  /** The item as its file holds it. */
  item: Record<string, unknown>;
}

export interface ShowResult {
  query: string;
  items: ShownItem[];
  /** When nothing matched: the names of the nearest items (with their codes), best first. */
  suggestions: { name: string; code: string | null }[];
  /** Item files that could not be read, so were not searched. */
  problems: Diagnostic[];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** How close an item is to what was asked for: its name by similarity, its codes by the prefix they share. */
function nearness(query: string, item: Record<string, unknown>): number {
  const name = text(item.name) ?? '';
  let score = similarity(query, name);
  if (name && (name.includes(query) || query.includes(name))) score = Math.max(score, 0.75);
  for (const code of [text(item.code), text(item.basicCode)]) {
    if (!code) continue;
    let shared = 0;
    while (shared < Math.min(code.length, query.length) && code[shared] === query[shared]) shared++;
    score = Math.max(score, shared / Math.max(code.length, query.length));
  }
  return score;
}

export async function showItem(workspace: Workspace, options: ShowOptions): Promise<ShowResult> {
  const query = options.query.trim();
  const code = suggestCode(query) ?? query;
  const set = workspace.catalogs(options.paths ?? []);
  const problems: Finding[] = [...set.problems];
  const all: ShownItem[] = [];
  for (const catalog of set.requested) {
    if (catalog.kind === undefined) continue;
    const read = readAll(DISK_READER, catalog);
    problems.push(...read.problems);
    const name = text(catalog.meta?.name) ?? catalog.dir;
    const title = catalogTitle(workspace, catalog.meta) ?? catalog.dir;
    for (const { file, data } of read.items)
      all.push({ file, catalog: { dir: catalog.dir, kind: catalog.kind, name, title }, item: data });
  }
  const exact = all.filter(({ item }) => item.code === code || item.basicCode === code || item.name === query);
  // Part of a name (卫生许可) finds the item when all the items whose names hold it are one item (the same
  // name in several catalogs); several different items are only suggested, for the user to choose.
  const partial = exact.length || query.length < 2 ? [] : all.filter(({ item }) => text(item.name)?.includes(query));
  const items = exact.length ? exact : new Set(partial.map(({ item }) => item.name)).size === 1 ? partial : [];
  const suggestions: ShowResult['suggestions'] = [];
  if (items.length === 0) {
    const seen = new Set<string>();
    for (const { item } of all
      .map((shown) => ({ ...shown, score: nearness(query, shown.item) }))
      .filter((s) => s.score >= 0.3)
      .sort((a, b) => b.score - a.score)) {
      const name = text(item.name);
      if (!name || seen.has(name)) continue;
      seen.add(name);
      suggestions.push({ name, code: text(item.code) ?? text(item.basicCode) ?? null });
      if (suggestions.length === 3) break;
    }
  }
  return { query, items, suggestions, problems: toDiagnostics(problems, options.lang ?? 'en', workspace.textOf) };
}
