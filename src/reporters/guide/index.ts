/** The formats of a guide build's report (the guides' own format is `tongban guide --format html|md`). */
import type { GuideResult } from '../../app/build-guides.js';
import type { ReporterRegistry } from '../reporter.js';

export const GUIDE_REPORTERS = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
} satisfies ReporterRegistry<GuideResult>;
