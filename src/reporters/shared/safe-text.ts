/**
 * Catalogue text in reports that reach a terminal or a document (stylish, Markdown, GitHub annotations,
 * JUnit, HTML, CSV): control characters made visible (`\x1b`), never sent raw — an item's name or phone
 * holding `ESC ] 0 ; … BEL` must not retitle the terminal of whoever reads the report. Done once, on the
 * result a reporter is given: every string in it (messages carry catalogue values through their args, so
 * they are covered too), before any colour is added, so the reporter's own escapes stay intact.
 */
import { showControls, showControlsDeep, showTerminalTextDeep } from '../../core/control-chars.js';
import type { Reporter } from '../reporter.js';

export { showControls };

/** `reporter`, given its result with every control character but newline and tab made visible. */
export function visibleControls<R>(reporter: Reporter<R>): Reporter<R> {
  return (result, context) => reporter(showControlsDeep(result), context);
}

/**
 * `reporter`, given its result with line breaks, bidi controls and invisible characters made visible too
 * (`\n`, `\u202e`): for what a person reads as lines (a terminal, Markdown, CI annotations), where a value
 * holding `\n✔ no problems` would otherwise print a line of its own, and U+202E would reorder a line.
 */
export function visibleText<R>(reporter: Reporter<R>): Reporter<R> {
  return (result, context) => reporter(showTerminalTextDeep(result), context);
}
