/** The formats `tongban show` prints an item in. */
import type { ShowResult } from '../../app/show-item.js';
import type { ReporterRegistry } from '../reporter.js';

export const SHOW_REPORTERS = {
  stylish: async () => (await import('./stylish.js')).stylish,
  yaml: async () => (await import('./yaml.js')).yaml,
  json: async () => (await import('./json.js')).json,
} satisfies ReporterRegistry<ShowResult>;
