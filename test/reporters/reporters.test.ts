import { describe, expect, it } from 'vitest';
import type { ValidationReport } from '../../src/core/validation-report.js';
import { json } from '../../src/reporters/validate/json.js';
import { stylish } from '../../src/reporters/validate/stylish.js';

const REPORT: ValidationReport = {
  catalogCount: 2,
  itemCount: 7,
  files: [
    'catalogs/shenzhen/catalog.yaml',
    'catalogs/shenzhen/items/000100001000.yaml',
    'catalogs/wuhou/items/002000001000.yaml',
  ],
  diagnostics: [
    {
      code: 'uscc/check-char',
      severity: 'error',
      file: 'catalogs/shenzhen/items/000100001000.yaml',
      path: '/agency/uscc',
      args: { value: '114403000971908071', expected: '0', actual: '1' },
      range: { start: { line: 18, column: 9 }, end: { line: 18, column: 29 } },
      message: '统一社会信用代码“114403000971908071”校验码错误：应为 0，实为 1（GB 32100）',
    },
    {
      code: 'contact/area-code',
      severity: 'warning',
      file: 'catalogs/shenzhen/items/000100001000.yaml',
      path: '/contacts/consultation/phone',
      args: { phone: '83001117' },
      range: { start: { line: 102, column: 12 }, end: { line: 102, column: 20 } },
      message: '电话“83001117”缺少区号，应写作如 020-12345678',
    },
    {
      code: 'code/missing',
      severity: 'info',
      file: 'catalogs/wuhou/items/002000001000.yaml',
      path: '',
      args: {},
      range: { start: { line: 3, column: 1 }, end: { line: 3, column: 5 } },
      message: '尚未赋码；可运行 tongban code assign 赋予编码',
    },
  ],
};

describe('stylish', () => {
  it('groups by file and aligns CJK text by display width', () => {
    expect(stylish(REPORT, { lang: 'zh-CN', color: false, version: '0.0.0' })).toMatchSnapshot();
  });

  it('prints a clean summary when nothing was found', () => {
    expect(stylish({ ...REPORT, diagnostics: [] }, { lang: 'en', color: false, version: '0.0.0' })).toBe(
      '✔ 2 catalogs, 7 items checked: no problems\n',
    );
  });

  it('colours only when asked', () => {
    expect(stylish(REPORT, { lang: 'en', color: false, version: '0.0.0' })).not.toMatch(/\u001b\[/);
    expect(stylish(REPORT, { lang: 'en', color: true, version: '0.0.0' })).toMatch(/\u001b\[31m/);
  });
});

describe('json', () => {
  it('carries code, severity, message, file, pointer and range', () => {
    const output = JSON.parse(json(REPORT, { lang: 'en', color: false, version: '0.0.0' }));
    expect(output.summary).toEqual({ catalogs: 2, items: 7, errors: 1, warnings: 1, infos: 1 });
    expect(output.diagnostics[0]).toEqual({
      code: 'uscc/check-char',
      severity: 'error',
      message: REPORT.diagnostics[0]!.message,
      file: 'catalogs/shenzhen/items/000100001000.yaml',
      path: '/agency/uscc',
      line: 18,
      column: 9,
      endLine: 18,
      endColumn: 29,
      args: { value: '114403000971908071', expected: '0', actual: '1' },
    });
  });
});
