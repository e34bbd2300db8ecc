/** The message catalogs: the compiler holds both to the same keys; these check what it cannot — the words. */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { formatMessage } from '../../src/i18n/index.js';
import { zhCN } from '../../src/i18n/zh-CN.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(?:\|term)?\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('zh-CN and en have the same keys', () => expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort()));

  it('each message names the same arguments in both languages', () => {
    // Where a tool's own English words are the detail (YAML parser, git), Chinese shows its reason in
    // Chinese instead (`{reason|term}`); English keeps the tool's words.
    const translatedReason = new Set(['yaml/syntax', 'yaml/warning', 'usage/git']);
    const differing = Object.keys(en).filter(
      (key) =>
        !translatedReason.has(key) &&
        JSON.stringify(placeholders(en[key as keyof typeof en])) !==
          JSON.stringify(placeholders(zhCN[key as keyof typeof zhCN])),
    );
    expect(differing).toEqual([]);
    for (const key of translatedReason) expect(zhCN[key as keyof typeof zhCN]).toContain('{reason|term}');
  });

  it('the Chinese catalog is Chinese', () => {
    const notChinese = Object.entries(zhCN)
      .filter(([key]) => !key.startsWith('explain.') || key === 'explain.length')
      .filter(([, text]) => !/[\u4e00-\u9fff]/.test(text))
      .map(([key]) => key);
    expect(notChinese).toEqual([]);
  });

  it('fills arguments and translates terms', () => {
    expect(formatMessage('zh-CN', 'uscc/check-char', { value: 'X', expected: 'J', actual: 'L' })).toBe(
      '统一社会信用代码“X”校验码错误：应为 J，实为 L（GB 32100）',
    );
    expect(formatMessage('zh-CN', 'yaml/not-mapping', { actual: 'list' })).toBe(
      '文件内容应为键值对象（映射），实为列表',
    );
    expect(formatMessage('en', 'contact/missing', { channel: 'complaint' })).toBe('missing complaint channel');
  });
});
