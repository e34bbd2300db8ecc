/**
 * Reads a YAML file that configures tongban (config, profile) and checks it, returning either its data or
 * located findings. Configuration problems stop the run (exit 2), so they are collected, not reported later.
 */
import { findingIn, type Finding } from '../core/diagnostic.js';
import type { RuleFinding } from '../core/rules/rule.js';
import { decodeItemFile } from './decode.js';
import { readRegularFile } from './read-document.js';
import { locateFindings } from './locate-findings.js';
import { parseItemYaml } from './parse-yaml.js';

export function readCheckedYaml<T>(
  absolute: string,
  file: string,
  checks: ((data: unknown) => RuleFinding[])[],
): { data: T } | { findings: Finding[] } {
  const bytes = readRegularFile(absolute);
  if (!(bytes instanceof Uint8Array)) {
    return { findings: [findingIn(file, { code: 'file/unreadable', path: '', args: { reason: bytes.reason } })] };
  }
  const decoded = decodeItemFile(bytes, file);
  if ('finding' in decoded) return { findings: [decoded.finding] };
  const parsed = parseItemYaml(decoded.text, file);
  if (parsed.data === undefined) return { findings: parsed.findings };
  for (const check of checks) {
    const problems = check(parsed.data);
    if (problems.length) {
      const findings: Finding[] = problems.map((p) => ({ severity: 'error', file, args: {}, ...p }));
      return { findings: locateFindings(findings, () => decoded.text) };
    }
  }
  return { data: parsed.data as T };
}
