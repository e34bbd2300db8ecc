/** Every code the tool can report has words in both languages, and the two catalogs hold the same keys. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/rules/index.js';
import { en } from '../../src/i18n/en.js';
import { formatMessage, hasMessage } from '../../src/i18n/index.js';
import { zhCN } from '../../src/i18n/zh-CN.js';

const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

/** Codes written as string literals anywhere in src (reader, schema adapter, core), e.g. 'yaml/empty'. */
function codesInSource(): Set<string> {
  const codes = new Set<string>();
  const files = readdirSync(SRC, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.startsWith('i18n'));
  for (const file of files) {
    const text = readFileSync(path.join(SRC, file), 'utf8');
    for (const match of text.matchAll(
      /'((?:yaml|file|schema|catalog|code|uscc|region|basic|agency|limit|visits|fee|contact|process|result|conditions|usage|ledger|assign|lifecycle|edit|config|profile|suppression|guide|import)\/[a-z-]+)'/g,
    )) {
      codes.add(match[1] as string);
    }
  }
  return codes;
}

describe('message catalogs', () => {
  it('zh-CN and en have the same keys', () => expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort()));

  it('every rule code has a message in both languages', () => {
    const missing = RULES.flatMap((rule) => Object.keys(rule.codes)).filter(
      (code) => !hasMessage('en', code) || !hasMessage('zh-CN', code),
    );
    expect(missing).toEqual([]);
  });

  it('every code written in the source has a message', () => {
    const codes = [...codesInSource()];
    expect(codes.length).toBeGreaterThan(60);
    expect(codes.filter((code) => !hasMessage('en', code))).toEqual([]);
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
