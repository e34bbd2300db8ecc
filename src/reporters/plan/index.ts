/** The formats of a code plan (`tongban code assign|retire|merge|split`). */
import type { CodeRunResult } from '../../app/shared/code-catalog.js';
import type { ReporterRegistry } from '../reporter.js';

export const PLAN_REPORTERS = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
} satisfies ReporterRegistry<CodeRunResult>;
