/**
 * Import reads what guides print (issue 15): a code-list value written as tongban's own guide writes it
 * ("Ⅳ级（全程网办）", and its parts "Ⅳ级" and "全程网办"), Roman numerals typed in ASCII, and a promised
 * limit phrased "自受理之日起5个工作日内办结"; anything else is still refused.
 */
import { describe, expect, it } from 'vitest';
import { onlineDepthPhrase, promisedPhrase } from '../../src/core/guide/phrasing.js';
import { applyTransform, codeListAliases, parseTimeLimit } from '../../src/core/exchange/transforms.js';
import { readCodeLists } from '../../src/io/read-mapping.js';

const lists = readCodeLists();
const depth = (cell: string) => applyTransform('codeList', cell, { list: lists.get('online-depth') });

describe('import accepts the wordings a guide prints', () => {
  it('online depth: the guide’s phrase, its parts, ASCII numerals and the national code', () => {
    expect(depth(onlineDepthPhrase(4))).toEqual({ value: 4 });
    expect(depth('Ⅳ级')).toEqual({ value: 4 });
    expect(depth('全程网办')).toEqual({ value: 4 });
    expect(depth('IV级')).toEqual({ value: 4 });
    expect(depth(onlineDepthPhrase(3))).toEqual({ value: 3 });
    expect(depth('III级')).toEqual({ value: 3 });
    expect(depth('4')).toEqual({ value: 4 });
    expect(depth('Ⅴ级')).toMatchObject({ problem: 'import/not-in-code-list' });
    expect(depth('网办')).toMatchObject({ problem: 'import/not-in-code-list' });
  });

  it('every value of every code list is read back from its own title and from each alias it alone has', () => {
    for (const [name, list] of lists) {
      for (const [title, value] of list.byName) {
        expect([name, title, applyTransform('codeList', title, { list })]).toEqual([name, title, { value }]);
        for (const alias of codeListAliases(title)) {
          // An alias two values share says neither: it is refused rather than guessed.
          const owners = new Set(
            [...list.byName].filter(([t]) => t === alias || codeListAliases(t).includes(alias)).map(([, v]) => v),
          );
          const read = applyTransform('codeList', alias, { list });
          if (owners.size === 1) expect([name, alias, read]).toEqual([name, alias, { value }]);
          else expect([name, alias, read]).toMatchObject([name, alias, { problem: 'import/not-in-code-list' }]);
        }
      }
    }
  });

  it('a promised limit as the guide phrases it', () => {
    expect(parseTimeLimit(promisedPhrase('承诺件', { value: 5, unit: '工作日' }))).toEqual({
      value: 5,
      unit: '工作日',
    });
    expect(parseTimeLimit('自受理之日起30个自然日内办结')).toEqual({ value: 30, unit: '自然日' });
    expect(parseTimeLimit(promisedPhrase('即办件', { value: 0, unit: '工作日' }))).toEqual({
      value: 0,
      unit: '工作日',
    });
    expect(parseTimeLimit('自受理之日起尽快办结')).toBeUndefined();
  });
});
