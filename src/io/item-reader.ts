/**
 * Reading a catalog's item files. A reader yields one result per file, in order: what the file held, or
 * the findings that say why it could not be used. Nothing is skipped silently, so every command can report
 * unreadable files the same way. Reading is lazy (one file at a time), so a validation of 100k items never
 * holds them all; iterating again reads again.
 */
import { findingIn, type Finding } from '../core/diagnostic.js';
import { splitSchemaFindings } from '../core/completeness.js';
import type { CatalogKind, Incomplete, ItemOfKind } from '../core/model.js';
import type { SchemaValidator } from '../core/schema/validator.js';
import { readItemFile, type DocumentRead } from './read-document.js';

/** An item file of a catalog: as shown to the user, and where it is. */
export interface ItemFile {
  file: string;
  absolute: string;
  /** A symbolic link: read only when it leads to a file inside the catalog. */
  link?: boolean;
  /** Not a regular file (a pipe, a socket, a device): never read. */
  special?: boolean;
}

/** The item files of one catalog folder (a Catalog is one). */
export interface ItemFiles {
  absoluteDir: string;
  items: readonly ItemFile[];
}

export interface ItemReader {
  read(catalog: ItemFiles): Iterable<DocumentRead>;
}

/** Reads each file from disk. */
export const DISK_READER: ItemReader = {
  *read(catalog) {
    for (const item of catalog.items) yield readItemFile(catalog.absoluteDir, item);
  },
};

/** A reader that reports progress (done, total) after each file. */
export function withProgress(
  reader: ItemReader,
  total: number,
  onProgress: (done: number, total: number) => void,
): ItemReader {
  let done = 0;
  return {
    *read(catalog) {
      for (const read of reader.read(catalog)) {
        onProgress(++done, total);
        yield read;
      }
    },
  };
}

export interface ReadItems<T> {
  /** The items that could be used, in file order. */
  items: { file: string; data: T }[];
  /** Why the other files could not be: reader findings, or (for trusted reads) `item/invalid`. */
  problems: Finding[];
}

/** Every item of a catalog at once, with the files that could not be read as problems. */
export function readAll(reader: ItemReader, catalog: ItemFiles): ReadItems<Record<string, unknown>> {
  const result: ReadItems<Record<string, unknown>> = { items: [], problems: [] };
  for (const read of reader.read(catalog)) {
    if (read.data === undefined) result.problems.push(...read.findings);
    else result.items.push({ file: read.file, data: read.data });
  }
  return result;
}

/**
 * Items a command can trust: those the schema of `kind` accepts. An item it rejects is a problem
 * (`item/invalid`, with how many schema errors it has); `tongban validate` says what they are.
 */
export function readValid<K extends CatalogKind>(
  reader: ItemReader,
  catalog: ItemFiles,
  kind: K,
  schemas: SchemaValidator,
): ReadItems<ItemOfKind[K]> {
  const read = readAll(reader, catalog);
  const result: ReadItems<ItemOfKind[K]> = { items: [], problems: read.problems };
  for (const item of read.items) {
    const errors = schemas.item(kind, item.data);
    if (errors.length === 0) result.items.push({ file: item.file, data: item.data as unknown as ItemOfKind[K] });
    else result.problems.push(findingIn(item.file, { code: 'item/invalid', path: '', args: { count: errors.length } }));
  }
  return result;
}

/**
 * Items a command can use as real catalogs hold them: whatever the schema accepts, with elements missing
 * (real lists lack whole elements) and without the elements whose shape is wrong, which are named in an
 * `item/partial` warning. An item that is not a mapping at all is `item/invalid`. `tongban validate`
 * says what is wrong with each.
 */
export function readUsable<K extends CatalogKind>(
  reader: ItemReader,
  catalog: ItemFiles,
  kind: K,
  schemas: SchemaValidator,
): ReadItems<Incomplete<ItemOfKind[K]>> {
  const read = readAll(reader, catalog);
  const result: ReadItems<Incomplete<ItemOfKind[K]>> = { items: [], problems: read.problems };
  for (const item of read.items) {
    const usable = usableItem(item.file, item.data, kind, schemas);
    result.problems.push(...usable.problems);
    if (usable.item !== undefined) result.items.push({ file: item.file, data: usable.item });
  }
  return result;
}

/** One item as `readUsable` takes it: what the schema accepts of it, if anything, and why not the rest. */
export function usableItem<K extends CatalogKind>(
  file: string,
  data: Record<string, unknown>,
  kind: K,
  schemas: SchemaValidator,
): { item?: Incomplete<ItemOfKind[K]>; problems: Finding[] } {
  const errors = schemas.item(kind, data);
  const { trusted } = splitSchemaFindings(data, errors, () => undefined);
  if (!trusted)
    return { problems: [findingIn(file, { code: 'item/invalid', path: '', args: { count: errors.length } })] };
  const left = Object.keys(data).filter((key) => !(key in trusted));
  return {
    item: trusted as Incomplete<ItemOfKind[K]>,
    problems: left.length
      ? [findingIn(file, { code: 'item/partial', path: '', args: { elements: left.join(', ') } })]
      : [],
  };
}
