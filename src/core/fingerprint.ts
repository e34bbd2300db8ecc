/**
 * A finding's identity across unrelated edits: its code, its file, where in the document (with list
 * positions wildcarded, since inserting a material shifts every index after it) and the values it is
 * about. Line numbers are deliberately absent.
 */
import type { Finding } from './diagnostic.js';

export interface FindingIdentity {
  code: string;
  file: string;
  path: string;
  value: string;
}

function canonicalArgs(args: Finding['args']): string {
  return Object.keys(args)
    .sort()
    .map((key) => `${key}=${String(args[key]).replace(/\s+/g, ' ').trim()}`)
    .join(';');
}

export function findingIdentity(finding: Pick<Finding, 'code' | 'file' | 'path' | 'args'>): FindingIdentity {
  return {
    code: finding.code,
    file: finding.file,
    path: finding.path.replace(/\/\d+(?=\/|$)/g, '/*'),
    value: canonicalArgs(finding.args),
  };
}

export function fingerprint(finding: Pick<Finding, 'code' | 'file' | 'path' | 'args'>): string {
  const { code, file, path, value } = findingIdentity(finding);
  return [code, file, path, value].join('\u0000');
}
