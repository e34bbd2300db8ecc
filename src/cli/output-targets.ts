/**
 * `--format sarif --output report.sarif --format stylish`: each --output belongs to the --format before
 * it; a format without an output goes to stdout. Commander parses options one by one in order, so the
 * two option parsers share this list.
 */
import { InvalidArgumentError } from 'commander';
import { REPORTER_NAMES, type ReporterName } from '../reporters/index.js';

export interface OutputTarget {
  format: ReporterName;
  /** A file to write; undefined means stdout. */
  output?: string;
}

export const DEFAULT_FORMAT: ReporterName = 'stylish';

export function outputTargetParsers(): {
  targets: OutputTarget[];
  parseFormat: (value: string) => OutputTarget[];
  parseOutput: (value: string) => OutputTarget[];
} {
  const targets: OutputTarget[] = [];
  return {
    targets,
    parseFormat(value) {
      if (!(REPORTER_NAMES as string[]).includes(value)) {
        throw new InvalidArgumentError(`Allowed choices are ${REPORTER_NAMES.join(', ')}.`);
      }
      targets.push({ format: value as ReporterName });
      return targets;
    },
    parseOutput(value) {
      const last = targets.at(-1);
      if (!last) targets.push({ format: DEFAULT_FORMAT, output: value });
      else if (last.output === undefined) last.output = value;
      else throw new InvalidArgumentError('each --output follows the --format it is for.');
      return targets;
    },
  };
}

/** The targets to write, or a reason they cannot all be written. */
export function resolveTargets(targets: readonly OutputTarget[]): OutputTarget[] | { error: string } {
  const resolved = targets.length ? [...targets] : [{ format: DEFAULT_FORMAT }];
  if (resolved.filter((t) => t.output === undefined).length > 1) {
    return { error: 'only one --format can write to stdout; give the others an --output file' };
  }
  return resolved;
}
