/**
 * JUnit XML for GitLab, Jenkins and Azure test reports: a suite per file checked, a failing test case per
 * finding at or above warning, and one passing case for a clean file so the report counts it.
 */
import { locationOf, positionOf, type Diagnostic } from '../../core/diagnostic.js';
import type { ValidationReport } from '../../core/validation-report.js';
import type { Reporter } from '../reporter.js';
import { visibleControls } from '../shared/safe-text.js';

/**
 * What XML 1.0 allows nowhere, not even as `&#…;`: C0 controls but tab, LF and CR, U+FFFE, U+FFFF, and
 * halves of surrogate pairs standing alone. (Controls from catalogue text arrive already made visible —
 * `visibleControls` — so this is what is left: a report must stay well-formed whatever it is given.)
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching the characters XML forbids is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

function xml(text: string): string {
  return text.replace(NOT_XML, '\ufffd').replace(/[&<>"']/g, (c) => ENTITY[c] as string);
}

export const junit: Reporter<ValidationReport> = visibleControls((report) => {
  const byFile = new Map<string, Diagnostic[]>(report.files.map((file) => [file, []]));
  for (const d of report.diagnostics) {
    if (!byFile.has(d.file)) byFile.set(d.file, []);
    if (d.severity !== 'info') byFile.get(d.file)!.push(d);
  }
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [file, findings] of byFile) {
    const cases = findings.length
      ? findings.map((d) => {
          const name = `${d.code} ${positionOf(d)}`.trim();
          return `    <testcase classname="${xml(file)}" name="${xml(name)}">\n      <failure type="${xml(d.code)}" message="${xml(d.message)}">${xml(`${d.severity}: ${locationOf(d)} ${d.message} (${d.path || '/'})`)}</failure>\n    </testcase>`;
        })
      : [`    <testcase classname="${xml(file)}" name="tongban validate"/>`];
    tests += cases.length;
    failures += findings.length;
    suites.push(
      `  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${findings.length}" errors="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="tongban" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
});
