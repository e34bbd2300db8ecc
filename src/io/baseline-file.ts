/** Reading and writing the baseline file (JSON, checked against schemas/baseline.schema.json). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Baseline, BaselinePath } from '../core/baseline.js';
import type { SchemaValidator } from '../core/schema/validator.js';
import { ConfigError, UsageError } from './errors.js';
import { displayPath } from './display-path.js';
import { readCheckedYaml } from './read-checked-yaml.js';
import { writeFileAtomic } from './write-file.js';

/** Display path (relative to cwd) → path relative to the baseline file's folder, with `/`. */
export function baselinePathFor(baselineFile: string, cwd: string): BaselinePath {
  const dir = path.dirname(path.resolve(cwd, baselineFile));
  return (file) => path.relative(dir, path.resolve(cwd, file)).split(path.sep).join('/');
}

export function readBaseline(file: string, cwd: string, schemas: SchemaValidator): Baseline {
  const absolute = path.resolve(cwd, file);
  if (!existsSync(absolute)) throw new UsageError('usage/baseline-not-found', { path: file });
  // JSON is YAML, so the YAML reader gives located errors for a hand-edited baseline too.
  const result = readCheckedYaml<Baseline>(absolute, displayPath(cwd, absolute), [(data) => schemas.baseline(data)]);
  if ('findings' in result) throw new ConfigError(result.findings);
  return result.data;
}

export function writeBaseline(file: string, cwd: string, baseline: Baseline): void {
  writeFileAtomic(path.resolve(cwd, file), JSON.stringify(baseline, null, 2) + '\n');
}
