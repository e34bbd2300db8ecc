/**
 * `-f sarif -o report.sarif -f stylish`: each -o/--output belongs to the -f/--format before it (an -o
 * given first, to the -f after it); a format without an output goes to stdout. Commander parses options one by one in order, so a command's two
 * option parsers share one list. Every command that writes a report takes these pairs the same way.
 */
import { InvalidArgumentError } from 'commander';
import { UsageError } from '../io/errors.js';

export interface OutputTarget {
  format: string;
  /** A file (or, for guides, a folder) to write; undefined means stdout. */
  output?: string;
}

export interface OutputTargetParsers {
  parseFormat: (value: string) => OutputTarget[];
  parseOutput: (value: string) => OutputTarget[];
  /** The targets given, or the default format on stdout when none was. */
  targets(): OutputTarget[];
}

export function outputTargetParsers(formats: readonly string[]): OutputTargetParsers {
  const given: OutputTarget[] = [];
  const defaultFormat = formats[0] as string;
  // `-o report.json -f json`: an output given before any format belongs to the format that follows it.
  let pending: string | undefined;
  return {
    parseFormat(value) {
      if (!formats.includes(value)) throw new InvalidArgumentError(`Allowed choices are ${formats.join(', ')}.`);
      given.push({ format: value, ...(pending !== undefined ? { output: pending } : {}) });
      pending = undefined;
      return given;
    },
    parseOutput(value) {
      // `-o --help` is almost always a forgotten file name: refused, so no file named like an option is
      // written (`./--help` names one). `-o -` is stdout, as in most tools.
      if (value.startsWith('-') && value !== '-') throw new UsageError('usage/output-dash', { path: value });
      const last = given.at(-1);
      if (!last) {
        if (pending !== undefined) throw new InvalidArgumentError('each --output follows the --format it is for.');
        pending = value;
      } else if (last.output === undefined) last.output = value;
      else throw new InvalidArgumentError('each --output follows the --format it is for.');
      return given;
    },
    targets: () => {
      const targets: OutputTarget[] = given.map((t) => ({ ...t }));
      if (pending !== undefined) targets.push({ format: defaultFormat, output: pending });
      for (const target of targets) if (target.output === '-') delete target.output;
      return targets.length ? targets : [{ format: defaultFormat }];
    },
  };
}

/** Only one format can be written to stdout; the others need a file each. */
export function checkTargets(targets: readonly OutputTarget[]): void {
  if (targets.filter((t) => t.output === undefined).length > 1) throw new UsageError('usage/output-targets');
}
