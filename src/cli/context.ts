/**
 * What every command's handler uses: the language, the process's streams and folder (as passed to `run`),
 * opening the workspace, writing reports to stdout or files, and the exit code it settles on.
 */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { showControls, showTerminalText } from '../core/control-chars.js';
import { locationOf, type Diagnostic } from '../core/diagnostic.js';
import { uiText, LANGS, type Lang } from '../i18n/index.js';
import type { UiKey } from '../i18n/ui.js';
import { writeFileAtomic } from '../io/write-file.js';
import { openStreamWriter } from '../io/write-stream.js';
import type { Workspace, WorkspaceOptions } from '../io/workspace.js';
import type { ReporterRegistry } from '../reporters/reporter.js';
import { useColour, type CliIo } from './io.js';
import { checkTargets, outputTargetParsers, type OutputTarget } from './output-targets.js';
import { terminalProgress, type Progress } from './progress.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export class CommandContext {
  exitCode = EXIT_OK;

  constructor(
    readonly io: CliIo,
    readonly lang: Lang,
    readonly version: string,
  ) {}

  t(key: UiKey, args: Record<string, string | number> = {}): string {
    return uiText(this.lang, key, args);
  }

  async workspace(options: Omit<WorkspaceOptions, 'cwd'> = {}): Promise<Workspace> {
    const { openWorkspace } = await import('../io/workspace.js');
    return openWorkspace({ ...options, cwd: this.io.cwd });
  }

  /**
   * The progress bar of a long command (progress.ts): label, items done of total, items/s, time left;
   * nothing unless stderr is a terminal outside CI. Stop it before printing results.
   */
  progress(label: UiKey): Progress {
    return terminalProgress(this.t(label), this.io, this.t('progress.line'));
  }

  /** Runs `work` with a progress bar (see `progress`) that is always cleared, also when the work fails. */
  async withProgress<T>(
    label: UiKey,
    work: (onProgress: (done: number, total: number) => void) => Promise<T>,
  ): Promise<T> {
    const progress = this.progress(label);
    try {
      return await work((done, total) => progress.update(done, total));
    } finally {
      progress.stop();
    }
  }

  out(text: string): void {
    this.io.stdout.write(text);
  }

  /**
   * One line (or several) on stderr. What is said there often names catalogue data (files, cells, values):
   * control characters in it are shown (`\x1b`), not sent to the terminal.
   */
  err(text: string): void {
    const shown = showControls(text);
    this.io.stderr.write(shown.endsWith('\n') ? shown : shown + '\n');
  }

  /**
   * Problems of the input that a report cannot show (unreadable files, items left out), on stderr: one
   * line each, whatever line breaks or bidi controls a file name or a value in the message holds.
   */
  problems(diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) this.err(showTerminalText(`${locationOf(d)}  ${d.message}  ${d.code}`));
  }

  /** A file name as given on the command line, resolved against the working folder. */
  resolve(file: string): string {
    return path.resolve(this.io.cwd, file);
  }

  /** Renders `result` in each target's format: to stdout, or atomically to its file. Files never get colour. */
  async report<R>(
    result: R,
    registry: ReporterRegistry<R>,
    targets: readonly OutputTarget[],
    colorFlag?: boolean,
  ): Promise<void> {
    checkTargets(targets);
    for (const { format, output } of targets) {
      const load = registry[format];
      if (!load) throw new Error(`no reporter ${format}`);
      const reporter = await load();
      const color = output === undefined && useColour(colorFlag, this.io);
      const context = { lang: this.lang, color, version: this.version };
      if (reporter.chunks) {
        this.writePieces(output, reporter.chunks(result, context));
        continue;
      }
      const text = reporter(result, context);
      if (output === undefined) this.out(text);
      else this.writeFile(output, text);
    }
  }

  /**
   * A report given in pieces, written as they come: to stdout about a megabyte at a time, or to its file
   * through a temporary file renamed into place (atomic as writeFile), so it is never one string.
   */
  private writePieces(output: string | undefined, pieces: Iterable<string>): void {
    if (output === undefined) {
      let batch: string[] = [];
      let size = 0;
      for (const piece of pieces) {
        batch.push(piece);
        size += piece.length;
        if (size < 1 << 20) continue;
        this.out(batch.join(''));
        batch = [];
        size = 0;
      }
      if (size > 0) this.out(batch.join(''));
      return;
    }
    const writer = openStreamWriter(this.resolve(output), { shown: output });
    try {
      for (const piece of pieces) writer.write(piece);
      writer.commit();
    } catch (error) {
      writer.abort();
      throw error;
    }
  }

  /** Writes a report file (a file that cannot be written is a usage error naming it as given). */
  private writeFile(output: string, text: string): void {
    writeFileAtomic(this.resolve(output), text, output);
  }

  /** Examples after a command's help: `key` holds them, one command line and what it does each. */
  examples(command: Command, key: UiKey): Command {
    return command.addHelpText('after', `\n${this.t('help.examples')}\n${this.t(key)}`);
  }

  /** The --lang option every command takes (read before parsing, so help is in the language asked for). */
  langOption(): Option {
    return new Option('--lang <lang>', this.t('option.lang')).choices(LANGS);
  }

  /**
   * A command with -f/--format and -o/--output pairs for `formats` (the first is the default), --lang and
   * -h; `color` adds --color/--no-color. `targets()` gives the pairs once the command is parsed, and
   * refuses (a usage error) pairs that cannot all be written — call it before doing any work. `given()`
   * gives them unchecked, for a command whose outputs are not reports (guide writes folders).
   */
  reportCommand(
    parent: Command,
    name: string,
    description: UiKey,
    formats: readonly string[],
    options: { color?: boolean; outputHelp?: UiKey } = {},
  ): { command: Command; targets: () => OutputTarget[]; given: () => OutputTarget[] } {
    const parsers = outputTargetParsers(formats);
    const format = new Option('-f, --format <name>', this.t('option.format')).argParser(parsers.parseFormat);
    // The choices show in help and feed shell completion; the parser above checks them (in order with -o).
    format.argChoices = [...formats];
    const command = parent
      .command(name)
      .description(this.t(description))
      .addOption(format)
      .addOption(
        new Option('-o, --output <file>', this.t(options.outputHelp ?? 'option.output')).argParser(parsers.parseOutput),
      );
    if (options.color) command.option('--color', this.t('option.color')).option('--no-color', this.t('option.noColor'));
    command.addOption(this.langOption()).helpOption('-h, --help', this.t('option.help'));
    return {
      command,
      given: parsers.targets,
      targets: () => {
        const targets = parsers.targets();
        checkTargets(targets);
        return targets;
      },
    };
  }
}
