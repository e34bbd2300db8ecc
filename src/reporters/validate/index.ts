/** The formats of a validation report (`tongban validate`, `tongban code check`). */
import type { ValidationReport } from '../../core/validation-report.js';
import type { ReporterRegistry } from '../reporter.js';

export const VALIDATE_REPORTERS = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  junit: async () => (await import('./junit.js')).junit,
  github: async () => (await import('./github.js')).github,
  markdown: async () => (await import('./markdown.js')).markdown,
} satisfies ReporterRegistry<ValidationReport>;
