/**
 * SARIF 2.1.0 (OASIS), the format GitHub code scanning and most CI security dashboards ingest: one run,
 * every code tongban knows as a rule, and each finding with its region and a stable fingerprint.
 */
import { createHash } from 'node:crypto';
import { FINDING_CODE_LIST, defaultSeverity, topicOf } from '../../core/finding-codes.js';
import type { Severity } from '../../core/diagnostic.js';
import { fingerprint } from '../../core/fingerprint.js';
import { describeCode } from '../../i18n/index.js';
import type { ValidationReport } from '../../core/validation-report.js';
import type { Reporter } from '../reporter.js';
import { jsonText } from '../shared/json.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export const sarif: Reporter<ValidationReport> = (report, { lang, version }) => {
  const codes = [...FINDING_CODE_LIST].sort();
  const ruleIndex = new Map(codes.map((code, index) => [code, index]));
  const rules = codes.map((code) => ({
    id: code,
    shortDescription: { text: describeCode(lang, code) },
    defaultConfiguration: { level: LEVEL[defaultSeverity(code)] },
    properties: { tags: [topicOf(code)] },
  }));
  const results = report.diagnostics.map((d) => {
    const region = d.range && {
      startLine: d.range.start.line,
      startColumn: d.range.start.column,
      endLine: d.range.end.line,
      endColumn: Math.max(d.range.end.column, d.range.start.column),
    };
    return {
      ruleId: d.code,
      ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code) } : {}),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(d.file), uriBaseId: '%SRCROOT%' },
            ...(region ? { region } : {}),
          },
          ...(d.path ? { logicalLocations: [{ fullyQualifiedName: d.path, kind: 'object' }] } : {}),
        },
      ],
      partialFingerprints: { 'tongban/v1': createHash('sha256').update(fingerprint(d)).digest('hex') },
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tongban',
            version,
            semanticVersion: version,
            informationUri: 'https://www.npmjs.com/package/tongban',
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return jsonText(log) + '\n';
};
