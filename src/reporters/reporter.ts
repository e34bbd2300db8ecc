/**
 * The one reporter contract: a pure function from a command's result to the text of one format. Each
 * result type has a registry of its formats (`<result>/index.ts`), loaded on demand so that `--help` and
 * `--version` stay fast; the registry's names are the `--format` choices the CLI offers, the first one the
 * default.
 */
import type { Lang } from '../i18n/index.js';

export interface ReportContext {
  lang: Lang;
  /** ANSI colours (terminal formats only); the caller decides from the terminal, NO_COLOR and flags. */
  color: boolean;
  /** tongban's version, for formats that name the tool (SARIF, JSON reports). */
  version: string;
}

export type Reporter<R> = ((result: R, context: ReportContext) => string) & {
  /**
   * The same text in pieces, for a report too large to hold as one string (a compare of 100k items):
   * the CLI writes them one by one. Joined, they are exactly what the reporter returns.
   */
  chunks?: (result: R, context: ReportContext) => Iterable<string>;
};

/** The formats of one result type, by the name `--format` takes. */
export type ReporterRegistry<R> = Readonly<Record<string, () => Promise<Reporter<R>>>>;

/** The format names of a registry, the default first. */
export function formatNames<R>(registry: ReporterRegistry<R>): string[] {
  return Object.keys(registry);
}
