/** Writing bundle files (`<catalog>/bundles/<id>.yaml`) that `tongban import` makes: atomically, never through a link. */
import { createRequire } from 'node:module';
import { existsSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { BUNDLES_DIR } from './discover.js';
import { readDocumentFile } from './read-document.js';
import { writeFileAtomic } from './write-file.js';

type YamlModule = typeof import('yaml');
const yaml = (): YamlModule => createRequire(import.meta.url)('yaml') as YamlModule;

export function bundleFile(catalogDir: string, id: string): string {
  return path.join(catalogDir, BUNDLES_DIR, `${id}.yaml`);
}

/** A bundle file's data as it is now: undefined when there is none; `unreadable` when it cannot be used. */
export function existingBundle(file: string, shown: string): Record<string, unknown> | 'unreadable' | undefined {
  if (!existsSync(file)) return undefined;
  if (!lstatSync(file).isFile()) return 'unreadable';
  return readDocumentFile(file, shown).data ?? 'unreadable';
}

/** The text of a new bundle file: the editor modeline, where it came from, then the elements. */
export function bundleText(comment: string, bundle: Record<string, unknown>): string {
  return (
    '# yaml-language-server: $schema=../../../schemas/bundle.schema.json\n' +
    `# ${comment}\n` +
    yaml().stringify(bundle, { lineWidth: 0 })
  );
}

export function writeBundle(file: string, text: string): void {
  writeFileAtomic(file, text);
}
