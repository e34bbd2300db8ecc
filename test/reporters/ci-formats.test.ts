/** The CI formats against a fixed report: SARIF checked by the official SARIF validator, the others by structure. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ValidationReport } from '../../src/core/validation-report.js';
import { github } from '../../src/reporters/validate/github.js';
import { junit } from '../../src/reporters/validate/junit.js';
import { markdown } from '../../src/reporters/validate/markdown.js';
import { sarif } from '../../src/reporters/validate/sarif.js';

const OPTIONS = { lang: 'en', color: false, version: '1.2.3' } as const;

const REPORT: ValidationReport = {
  catalogCount: 1,
  itemCount: 2,
  files: ['c/catalog.yaml', 'c/items/a.yaml', 'c/items/b.yaml'],
  diagnostics: [
    {
      code: 'uscc/check-char',
      severity: 'error',
      file: 'c/items/a.yaml',
      path: '/agency/uscc',
      args: { value: 'X', expected: 'J', actual: 'L' },
      range: { start: { line: 18, column: 9 }, end: { line: 18, column: 29 } },
      message: 'USCC "X" <bad> & wrong | check, 100%\nsecond line',
    },
    {
      code: 'contact/area-code',
      severity: 'warning',
      file: 'c/items/a.yaml',
      path: '/contacts/consultation/phone',
      args: { phone: '83001117' },
      range: { start: { line: 30, column: 12 }, end: { line: 30, column: 20 } },
      message: 'phone lacks an area code',
    },
    {
      code: 'code/missing',
      severity: 'info',
      file: 'c/items/b.yaml',
      path: '',
      args: {},
      range: { start: { line: 1, column: 1 }, end: { line: 1, column: 5 } },
      message: 'no code',
    },
  ],
};

/** The Multitool prints nothing and succeeds on some malformed enums, so its verdict is paired with our own checks. */
function validateWithMultitool(log: string): { results: unknown[]; successful: boolean } {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-sarif-'));
  const input = path.join(dir, 'in.sarif');
  const output = path.join(dir, 'out.sarif');
  writeFileSync(input, log);
  const binary = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
  const run = spawnSync(binary, ['validate', input, '-o', output], {
    encoding: 'utf8',
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
  });
  expect(run.status, run.stderr + run.stdout).toBe(0);
  const verdict = JSON.parse(readFileSync(output, 'utf8'));
  return { results: verdict.runs[0].results ?? [], successful: verdict.runs[0].invocations[0].executionSuccessful };
}

describe('sarif', () => {
  const log = sarif(REPORT, OPTIONS);
  const parsed = JSON.parse(log);

  it('is valid SARIF 2.1.0 according to the SARIF Multitool', { timeout: 60_000 }, () => {
    expect(validateWithMultitool(log)).toEqual({ results: [], successful: true });
  });

  it('the validator does catch a broken log (so the check above can fail)', { timeout: 60_000 }, () => {
    const broken = JSON.parse(log);
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validateWithMultitool(JSON.stringify(broken)).results.length).toBeGreaterThan(0);
  });

  it('names every rule and points each result at its rule, region and pointer', () => {
    const { rules } = parsed.runs[0].tool.driver;
    expect(parsed.runs[0].tool.driver).toMatchObject({ name: 'tongban', version: '1.2.3' });
    for (const result of parsed.runs[0].results) expect(rules[result.ruleIndex].id).toBe(result.ruleId);
    expect(parsed.runs[0].results.map((r: { level: string }) => r.level)).toEqual(['error', 'warning', 'note']);
    expect(parsed.runs[0].results[0].locations[0]).toEqual({
      physicalLocation: {
        artifactLocation: { uri: 'c/items/a.yaml', uriBaseId: '%SRCROOT%' },
        region: { startLine: 18, startColumn: 9, endLine: 18, endColumn: 29 },
      },
      logicalLocations: [{ fullyQualifiedName: '/agency/uscc', kind: 'object' }],
    });
  });

  it('fingerprints ignore line numbers', () => {
    const moved = {
      ...REPORT,
      diagnostics: REPORT.diagnostics.map((d) => ({
        ...d,
        range: { start: { line: 99, column: 1 }, end: { line: 99, column: 2 } },
      })),
    };
    const again = JSON.parse(sarif(moved, OPTIONS));
    expect(again.runs[0].results.map((r: { partialFingerprints: unknown }) => r.partialFingerprints)).toEqual(
      parsed.runs[0].results.map((r: { partialFingerprints: unknown }) => r.partialFingerprints),
    );
  });
});

describe('junit', () => {
  const xml = junit(REPORT, OPTIONS);

  it('has a suite per file, a failure per warning or error, and a passing case for clean files', () => {
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="tongban" tests="4" failures="2" errors="0">/,
    );
    expect(xml).toContain('<testsuite name="c/items/a.yaml" tests="2" failures="2" errors="0">');
    expect(xml).toContain('<testsuite name="c/items/b.yaml" tests="1" failures="0" errors="0">');
    expect(xml).toContain('<testcase classname="c/catalog.yaml" name="tongban validate"/>');
  });

  it('escapes XML', () => {
    expect(xml).toContain('message="USCC &quot;X&quot; &lt;bad&gt; &amp; wrong | check, 100%\nsecond line"');
    expect(xml).not.toContain('<bad>');
  });
});

describe('github', () => {
  it('writes one escaped workflow command per finding', () => {
    expect(github(REPORT, OPTIONS).split('\n')).toEqual([
      '::error file=c/items/a.yaml,line=18,col=9,endLine=18,endColumn=29,title=tongban uscc/check-char::USCC "X" <bad> & wrong | check, 100%25\\nsecond line',
      '::warning file=c/items/a.yaml,line=30,col=12,endLine=30,endColumn=20,title=tongban contact/area-code::phone lacks an area code',
      '::notice file=c/items/b.yaml,line=1,col=1,endLine=1,endColumn=5,title=tongban code/missing::no code',
      '',
    ]);
  });
});

describe('markdown', () => {
  it('writes a summary and a table whose cells cannot break it', () => {
    const text = markdown(REPORT, OPTIONS);
    expect(text).toContain('❌ 3 problems (1 error, 1 warning, 1 info) in 1 catalog, 2 items');
    expect(text).toContain(
      // (A line break in a message is shown as \n, so no line of its own: escaped once more for Markdown.)
      '| `c/items/a.yaml` | 18:9 | error | `uscc/check-char` | USCC "X" <bad> & wrong \\| check, 100%\\\\nsecond line |',
    );
  });

  it('says so when there is nothing to report', () => {
    expect(markdown({ ...REPORT, diagnostics: [] }, { ...OPTIONS, lang: 'zh-CN' })).toBe(
      '### tongban validate\n\n✔ 已检查 1 个目录、2 个事项，未发现问题\n',
    );
  });
});
