/** How use cases report progress: an optional `onProgress(done, total)` in their options, never printing. */
import { withProgress, type ItemReader } from '../../io/item-reader.js';

export type OnProgress = (done: number, total: number) => void;

/** `reader`, telling `onProgress` (when given) how many item files of `catalogs` it has read. */
export function progressReader(
  reader: ItemReader,
  catalogs: readonly { items: readonly unknown[] }[],
  onProgress: OnProgress | undefined,
): ItemReader {
  if (!onProgress) return reader;
  return withProgress(
    reader,
    catalogs.reduce((sum, catalog) => sum + catalog.items.length, 0),
    onProgress,
  );
}

/**
 * Progress over parts read one after another (the sides of a diff, the lists of a comparison), each
 * telling (done, total) of its own: `part()` gives the next part's callback, which adds the parts before.
 * With `total` (all parts' items, when known up front) the bar's end is fixed from the start.
 */
export function partsProgress(onProgress: OnProgress | undefined, total?: number): { part(): OnProgress | undefined } {
  let offset = 0;
  let current = 0;
  return {
    part() {
      offset += current;
      current = 0;
      if (!onProgress) return undefined;
      return (done, partTotal) => {
        current = partTotal;
        onProgress(offset + done, total ?? offset + partTotal);
      };
    },
  };
}
