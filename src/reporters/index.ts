/**
 * The reporters, by the name `--format` takes. Loaded on demand so that `--help` and `--version` stay
 * fast; the names here are also the choices the CLI offers.
 */
import type { Reporter } from './reporter.js';

export const REPORTERS = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  junit: async () => (await import('./junit.js')).junit,
  github: async () => (await import('./github.js')).github,
  markdown: async () => (await import('./markdown.js')).markdown,
} satisfies Record<string, () => Promise<Reporter>>;

export type ReporterName = keyof typeof REPORTERS;

export const REPORTER_NAMES = Object.keys(REPORTERS) as ReporterName[];
