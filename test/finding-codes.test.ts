/**
 * Every finding code has words in both languages (the compiler checks that), a fixture that triggers it
 * (this file checks that), and a line in docs/findings.md (checked here too). A code is triggered either by
 * a validate fixture case that marks it (test/fixtures/validate/cases, run by rules.test.ts) or by one of
 * the scenarios below, each of which runs the CLI and must produce the codes it claims.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { FINDING_CODE_LIST, type FindingCode } from '../src/core/finding-codes.js';
import { adaptAjvErrors } from '../src/core/schema/ajv-adapter.js';
import { markersIn } from './helpers/fixtures.js';
import { ROOT, tongban } from './helpers/cli.js';

const BASE = path.join(ROOT, 'test', 'fixtures', 'validate', 'base');
const CASES = path.join(ROOT, 'test', 'fixtures', 'validate', 'cases');
const KNOWN = new Set<string>(FINDING_CODE_LIST);
const NATIONAL = readFileSync(path.join(ROOT, 'schemas', 'profiles', 'national.yaml'), 'utf8');
const IMPL_ITEM = readFileSync(path.join(BASE, 'impl', 'items', '000100001000.yaml'), 'utf8');

/** A fresh copy of the base fixture (a basic catalog and an implementation list) with `files` laid over it. */
function project(files: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tongban-trigger-'));
  cpSync(BASE, root, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

/** Every finding code mentioned in a run's output, JSON or text. */
function codesIn(text: string): Set<string> {
  return new Set([...text.matchAll(/[a-z]+\/[a-z-]+/g)].map((m) => m[0]).filter((c) => KNOWN.has(c)));
}

async function run(root: string, args: string[]): Promise<Set<string>> {
  const { stdout, stderr } = await tongban(args, { cwd: root });
  return codesIn(stdout + '\n' + stderr);
}

/** An uncoded basic item. */
const newBasic = (name: string, type = '行政许可', extra = '') =>
  `name: ${name}\ntype: ${type}\nlevels: [市级]\n${extra}basis:\n  - law: 《某法》\n`;

/** The base implementation item without its code (so `code assign` composes one). */
const uncodedImpl = IMPL_ITEM.replace(/^code: .*\n/, '');

interface Scenario {
  name: string;
  triggers: FindingCode[];
  run: () => Promise<Set<string>>;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'files that are not one UTF-8 YAML mapping',
    triggers: [
      'file/too-large',
      'file/encoding',
      'file/nul-byte',
      'file/unreadable',
      'yaml/syntax',
      'yaml/too-deep',
      'yaml/warning',
      'yaml/multi-document',
      'yaml/empty',
      'yaml/not-mapping',
      'yaml/alias-limit',
    ],
    async run() {
      const root = project({
        'impl/items/big.yaml': 'name: x\n' + '#'.repeat(17 * 1024 * 1024) + '\n',
        // "name: 名称" in GBK
        'impl/items/gbk.yaml': Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xc3, 0xfb, 0xb3, 0xc6, 0x0a]),
        'impl/items/nul.yaml': 'name: a\u0000\n',
        'impl/items/syntax.yaml': 'name: [a\n',
        'impl/items/deep.yaml': 'name: ' + '['.repeat(150) + ']'.repeat(150) + '\n',
        'impl/items/warning.yaml': 'name: !foo 1\n',
        'impl/items/multi.yaml': 'name: a\n---\nname: b\n',
        'impl/items/empty.yaml': '',
        'impl/items/list.yaml': '- a\n',
        'impl/items/alias.yaml': 'a: &x 1\n' + Array.from({ length: 120 }, (_, i) => `k${i}: *x`).join('\n') + '\n',
      });
      // A ledger.yaml that is a folder cannot be read.
      mkdirSync(path.join(root, 'basic', 'ledger.yaml'));
      return run(root, ['validate', '.', '-f', 'json']);
    },
  },
  {
    name: 'basic catalogs that are missing, not basic, or unusable',
    triggers: ['catalog/basic-missing', 'catalog/basic-kind', 'catalog/basic-unusable'],
    async run() {
      const root = project();
      const meta = readFileSync(path.join(root, 'impl', 'catalog.yaml'), 'utf8');
      for (const [dir, basic] of [
        ['missing', '../nowhere'],
        ['self', '.'],
        ['unusable', '../broken-basic'],
      ]) {
        cpSync(path.join(root, 'impl'), path.join(root, dir as string), { recursive: true });
        writeFileSync(
          path.join(root, dir as string, 'catalog.yaml'),
          meta.replace('basic: ../basic', `basic: ${basic}`),
        );
      }
      cpSync(path.join(root, 'basic'), path.join(root, 'broken-basic'), { recursive: true });
      writeFileSync(path.join(root, 'broken-basic', 'catalog.yaml'), 'kind: basic\norigin: "00"\n');
      return run(root, ['validate', 'missing', 'self', 'unusable', '-f', 'json']);
    },
  },
  {
    name: 'schema violations in an item',
    triggers: ['schema/empty', 'schema/type', 'schema/unique-items', 'schema/pattern'],
    async run() {
      const item = IMPL_ITEM.replace('name: 食品经营许可', 'name: ""')
        .replace('visits: 0', 'visits: "x"')
        .replace('levels: [市级]', 'levels: [市级, 市级]')
        .replace('online: { depth: 4 }', 'online: { depth: 4, url: "ftp://example.invalid" }');
      return run(project({ 'impl/items/000100001000.yaml': item }), ['validate', '.', '-f', 'json']);
    },
  },
  {
    name: 'schema keywords without a code of their own, in a mapping',
    triggers: ['schema/invalid'],
    async run() {
      const root = project({ 'map.yaml': 'kind: implementation\nfields:\n  name: 5\n', 'rows.csv': 'a\n1\n' });
      return run(root, ['import', 'rows.csv', '--map', 'map.yaml', '--out', 'impl']);
    },
  },
  {
    name: 'USCCs of the wrong length and with letters GB 32100 never uses',
    triggers: ['uscc/length', 'uscc/character'],
    async run() {
      const short = IMPL_ITEM.replace('uscc: "114403000971908070"', 'uscc: "11440300097190807"');
      const letter = IMPL_ITEM.replace('uscc: "114403000971908070"', 'uscc: "11440300097190807I"');
      return run(project({ 'impl/items/000100001000.yaml': short, 'impl/items/other.yaml': letter }), [
        'validate',
        '.',
        '-f',
        'json',
      ]);
    },
  },
  {
    name: 'an implementation of a cancelled basic item',
    triggers: ['basic/cancelled'],
    async run() {
      const root = project();
      const file = path.join(root, 'basic', 'items', '000100001000.yaml');
      writeFileSync(file, readFileSync(file, 'utf8') + 'status: 取消\ncancelDate: "2026-01-01"\n');
      return run(root, ['validate', 'impl', '-f', 'json']);
    },
  },
  {
    name: 'a ledger that contradicts itself',
    triggers: [
      'ledger/duplicate',
      'ledger/retired-undated',
      'ledger/active-retired',
      'ledger/active-replaced',
      'ledger/lineage-unknown',
      'ledger/lineage-one-sided',
    ],
    async run() {
      const entry = (code: string, rest: string) => `  - code: "${code}"\n    issued: "2026-01-01"\n${rest}`;
      const ledger = [
        'version: 1',
        'entries:',
        entry('000100001000', '    state: active\n    file: items/000100001000.yaml\n'),
        entry('000100001000', '    state: active\n    file: items/000100001000.yaml\n'),
        entry('000100002001', '    state: retired\n'),
        entry('00010000200Y', '    state: active\n    retired: "2026-02-01"\n'),
        entry('000200001000', '    state: active\n    replacedBy: ["000100009000"]\n'),
        entry('000100008000', '    state: retired\n    retired: "2026-02-01"\n    replacedBy: ["000100007000"]\n'),
        entry('000100007000', '    state: active\n'),
        '',
      ].join('\n');
      return run(project({ 'basic/ledger.yaml': ledger }), ['validate', 'basic', '-f', 'json']);
    },
  },
  {
    name: 'a ledger and items that disagree, and a stale suppression',
    triggers: [
      'ledger/unrecorded',
      'ledger/vanished',
      'ledger/file-mismatch',
      'ledger/retired-in-use',
      'suppression/unused',
    ],
    async run() {
      const root = project();
      await tongban(['code', 'assign', 'basic'], { cwd: root });
      const ledgerFile = path.join(root, 'basic', 'ledger.yaml');
      const ledger = readFileSync(ledgerFile, 'utf8')
        .replace(/(- code: "000200001000"\n\s+state: )"active"/, '$1"retired"\n    retired: "2026-01-01"')
        .replace('file: "items/000100002001.yaml"', 'file: "items/00010000200Y.yaml"');
      writeFileSync(ledgerFile, ledger);
      rmSync(path.join(root, 'basic', 'items', '000100001000.yaml'));
      writeFileSync(path.join(root, 'basic', 'items', 'extra.yaml'), 'code: "000100005000"\n' + newBasic('新事项'));
      writeFileSync(
        path.join(root, 'impl', 'items', '000100001000.yaml'),
        IMPL_ITEM.replace('fee:', '# tongban-disable-next-line fee/items-missing\nfee:'),
      );
      return run(root, ['validate', '.', '-f', 'json']);
    },
  },
  {
    name: 'an item moved to another file, which code assign then records',
    triggers: ['ledger/file-moved'],
    async run() {
      const root = project();
      await tongban(['code', 'assign', 'basic'], { cwd: root });
      mkdirSync(path.join(root, 'basic', 'items', 'sub'));
      cpSync(
        path.join(root, 'basic', 'items', '000200001000.yaml'),
        path.join(root, 'basic', 'items', 'sub', 'penalty.yml'),
      );
      rmSync(path.join(root, 'basic', 'items', '000200001000.yaml'));
      const codes = await run(root, ['validate', 'basic', '-f', 'json']);
      // The move is recorded, after which the ledger and the items agree again.
      const assign = await tongban(['code', 'assign', 'basic'], { cwd: root });
      expect(assign.stdout).toContain('~ 000200001000');
      const after = await run(root, ['validate', 'basic', '-f', 'json']);
      expect([...after].filter((code) => code.startsWith('ledger/'))).toEqual([]);
      return codes;
    },
  },
  {
    name: 'an item that is a link out of the catalog, and a change a killed run left half done',
    triggers: ['file/link-outside', 'ledger/interrupted'],
    async run() {
      const root = project();
      writeFileSync(path.join(root, 'outside.yaml'), 'name: 外面\n');
      symlinkSync(path.join(root, 'outside.yaml'), path.join(root, 'impl', 'items', 'link.yaml'));
      const journal = {
        version: 1,
        command: 'code assign',
        started: '2026-01-01T00:00:00Z',
        pid: 1,
        host: 'h',
        steps: [],
      };
      writeFileSync(path.join(root, 'basic', '.tongban-journal.json'), JSON.stringify(journal));
      return run(root, ['validate', '.', '-f', 'json']);
    },
  },
  {
    name: 'a code profile pattern that can backtrack catastrophically',
    triggers: ['profile/pattern-unsafe'],
    async run() {
      const profile = NATIONAL.replace("pattern: '[0-9]{5}'", "pattern: '([0-9]+)+'");
      const root = project({
        'mine.yaml': profile,
        'tongban.config.yaml': 'catalogs:\n  - { path: impl, profile: mine.yaml }\n',
      });
      return run(root, ['validate', '.']);
    },
  },
  {
    name: 'a config naming a code that does not exist',
    triggers: ['config/unknown-code'],
    run: () => run(project({ 'tongban.config.yaml': 'rules:\n  no/such-code: off\n' }), ['validate', '.']),
  },
  {
    name: 'a config glob with more wildcards than a match can afford',
    triggers: ['config/glob-unsafe'],
    run: () => run(project({ 'tongban.config.yaml': 'ignore: ["**/*a*a*a*z"]\n' }), ['validate', '.']),
  },
  {
    name: 'code profiles with a broken pattern, and with a type code that does not fit',
    triggers: ['profile/pattern', 'profile/type-code'],
    async run() {
      const codes = new Set<string>();
      for (const profile of [
        NATIONAL.replace("pattern: '[0-9]{5}'", "pattern: '[0-9'"),
        NATIONAL.replace("行政许可: '01'", "行政许可: '001'"),
      ]) {
        const root = project({
          'mine.yaml': profile,
          'tongban.config.yaml': 'catalogs:\n  - { path: impl, profile: mine.yaml }\n',
        });
        for (const code of await run(root, ['validate', '.'])) codes.add(code);
      }
      return codes;
    },
  },
  {
    name: 'an item the code commands refuse because it fails the schema',
    triggers: ['item/invalid'],
    run: () =>
      run(project({ 'impl/items/000100001000.yaml': IMPL_ITEM.replace('levels: [市级]', 'levels: 市级') }), [
        'code',
        'assign',
        'impl',
        '--dry-run',
      ]),
  },
  {
    name: 'an element a report leaves out because its shape is wrong (the rest of the item is used)',
    triggers: ['item/partial'],
    run: () =>
      run(project({ 'impl/items/000100001000.yaml': IMPL_ITEM.replace('visits: 0\n', 'visits: many\n') }), [
        'stats',
        'impl',
      ]),
  },
  {
    name: 'a bundle (一件事) a report leaves out because it fails its schema',
    triggers: ['bundle/invalid'],
    run: () => run(project({ 'impl/bundles/broken.yaml': 'id: broken\nname: 缺少成员的一件事\n' }), ['stats', 'impl']),
  },
  {
    name: 'bundle rows (one per member) that disagree on the bundle',
    triggers: ['import/bundle-mismatch'],
    run: () =>
      run(
        project({
          'rows.csv':
            'id,name,code\nb,一件事,1144030009719080703000100001000\nb,另一个名称,1144030009719080703000100001000\n',
          'map.yaml': 'kind: bundle\nfields:\n  id: id\n  name: name\n  member.code: code\n',
        }),
        ['import', 'rows.csv', '--map', 'map.yaml', '--out', 'impl', '-f', 'json'],
      ),
  },
  {
    name: 'basic items that cannot be coded',
    triggers: ['assign/parent-unknown', 'assign/exhausted', 'assign/rename-exists'],
    async run() {
      const root = project({
        'basic/items/orphan.yaml': newBasic('孤儿子项', '行政许可', 'parent: 不存在的主项\n'),
        'basic/items/099999.yaml': 'code: "000299999000"\n' + newBasic('最后一个处罚', '行政处罚'),
        'basic/items/one-more.yaml': newBasic('再一个处罚', '行政处罚'),
        // Files are named by code, and the next 行政许可 code's file name is taken by an uncoded item.
        'basic/items/a.yaml': newBasic('甲'),
        'basic/items/000100003000.yaml': newBasic('乙', '行政强制'),
      });
      rmSync(path.join(root, 'basic', 'items', '099999.yaml'));
      writeFileSync(
        path.join(root, 'basic', 'items', '000299999000.yaml'),
        'code: "000299999000"\n' + newBasic('最后一个处罚', '行政处罚'),
      );
      return run(root, ['code', 'assign', 'basic', '--dry-run', '-f', 'json']);
    },
  },
  {
    name: 'profiles that cannot number new items',
    triggers: ['assign/type-unknown', 'assign/profile-unsupported'],
    async run() {
      const root = project({ 'basic/items/new.yaml': newBasic('新事项', '公共服务') });
      for (const [dir, meta, profile] of [
        [
          'no-type',
          'kind: basic\nname: 缺类型\norigin: "00"\nprofile: p.yaml\n',
          NATIONAL.replace("  公共服务: '20'\n", '').replace('id: national', 'id: no-type'),
        ],
        [
          'no-main',
          'kind: basic\nname: 无主项段\norigin: "00"\nprofile: p.yaml\n',
          NATIONAL.replace('name: main', 'name: number').replace('id: national', 'id: no-main'),
        ],
      ] as const) {
        cpSync(path.join(root, 'basic'), path.join(root, dir), { recursive: true });
        writeFileSync(path.join(root, dir, 'catalog.yaml'), meta);
        if (profile) writeFileSync(path.join(root, dir, 'p.yaml'), profile);
      }
      return run(root, ['code', 'assign', 'no-type', 'no-main', '--dry-run', '-f', 'json']);
    },
  },
  {
    name: 'implementation items whose code cannot be composed',
    triggers: [
      'assign/agency-invalid',
      'assign/level-unknown',
      'assign/basic-invalid',
      'assign/impl-taken',
      'assign/element-missing',
    ],
    async run() {
      const root = project({
        // As real lists have it: no 实施主体 at all.
        'impl/items/no-agency.yaml': uncodedImpl.replace(/^agency:\n(?: {2}.*\n)+/m, ''),
        'impl/items/000100001000.yaml': uncodedImpl,
        'impl/items/twin.yaml': uncodedImpl,
        'impl/items/bad-uscc.yaml': uncodedImpl.replace('uscc: "114403000971908070"', 'uscc: "114403000971908071"'),
        'impl/items/village.yaml': uncodedImpl.replace('levels: [市级]', 'levels: [村（社区）级]'),
        'impl/items/bad-basic.yaml': uncodedImpl.replace('basicCode: "000100001000"', 'basicCode: "ABC"'),
      });
      return run(root, ['code', 'assign', 'impl', '--dry-run', '-f', 'json']);
    },
  },
  {
    name: 'an item reached through a link, which code commands do not edit',
    triggers: ['file/link-edit'],
    run() {
      const root = project();
      const items = path.join(root, 'impl', 'items');
      mkdirSync(path.join(root, 'impl', 'kept'));
      renameSync(path.join(items, '000100001000.yaml'), path.join(root, 'impl', 'kept', 'item.yaml'));
      symlinkSync('../kept/item.yaml', path.join(items, '000100001000.yaml'));
      return run(root, ['code', 'assign', 'impl', '--dry-run']);
    },
  },
  {
    name: 'a code in an item that is no code at all, never recorded in the ledger',
    triggers: ['assign/code-malformed'],
    run: () =>
      run(project({ 'impl/items/000100001000.yaml': IMPL_ITEM.replace(/^code: .*$/m, 'code: "ABC-123"') }), [
        'code',
        'assign',
        'impl',
        '--dry-run',
      ]),
  },
  {
    name: 'an implementation code that was retired',
    triggers: ['assign/impl-retired'],
    async run() {
      const ledger =
        'version: 1\nentries:\n  - code: "1144030009719080703000100001000"\n    state: retired\n    issued: "2025-01-01"\n    retired: "2026-01-01"\n';
      const root = project({ 'impl/items/000100001000.yaml': uncodedImpl, 'impl/ledger.yaml': ledger });
      return run(root, ['code', 'assign', 'impl', '--dry-run', '-f', 'json']);
    },
  },
  {
    name: 'retire, merge and split refused',
    triggers: [
      'lifecycle/unknown-code',
      'lifecycle/already-retired',
      'lifecycle/target-missing',
      'lifecycle/target-coded',
    ],
    async run() {
      const root = project();
      await tongban(['code', 'assign', 'basic'], { cwd: root });
      await tongban(['code', 'retire', 'basic', '000200001000'], { cwd: root });
      const codes = new Set<string>();
      for (const args of [
        ['code', 'retire', 'basic', '000999999000'],
        ['code', 'retire', 'basic', '000200001000'],
        ['code', 'merge', 'basic', '000100001000', '00010000200Y', '--into', 'basic/items/nowhere.yaml'],
        [
          'code',
          'split',
          'basic',
          '000100001000',
          '--into',
          'basic/items/00010000200Y.yaml',
          'basic/items/000100002001.yaml',
        ],
      ]) {
        for (const code of await run(root, [...args, '-f', 'json'])) codes.add(code);
      }
      return codes;
    },
  },
  {
    name: 'edits that cannot be written safely',
    triggers: ['edit/not-block-mapping', 'edit/not-plain-scalar', 'edit/unsafe'],
    async run() {
      const root = project({
        'basic/items/flow.yaml': '{ name: 新事项, type: 行政许可, levels: [市级], basis: [{ law: 某法 }] }\n',
      });
      const codes = await run(root, ['code', 'assign', 'basic']);
      // Both need the items coded and in the ledger first.
      rmSync(path.join(root, 'basic', 'items', 'flow.yaml'));
      await tongban(['code', 'assign', 'basic'], { cwd: root });
      const permit = path.join(root, 'basic', 'items', '000100001000.yaml');
      writeFileSync(permit, readFileSync(permit, 'utf8') + 'effectiveDate: &d "2026-01-01"\ncancelDate: *d\n');
      const penalty = path.join(root, 'basic', 'items', '000200001000.yaml');
      writeFileSync(penalty, readFileSync(penalty, 'utf8') + 'status: &s 在用\nversion: *s\n');
      for (const code of await run(root, ['code', 'retire', 'basic', '000100001000'])) codes.add(code);
      for (const code of await run(root, ['code', 'retire', 'basic', '000200001000'])) codes.add(code);
      return codes;
    },
  },
  {
    name: 'templates that are unsafe or broken',
    triggers: ['guide/raw-output', 'guide/partial-name', 'guide/template-syntax', 'guide/partial-missing'],
    async run() {
      const root = project({
        'tpl/guide.md.hbs': '# {{{name}}}\n{{> ../../secret}}\n',
        'tpl/index.md.hbs': '{{#if}}\n',
        'tpl/partials/extra.hbs': '{{> nosuch}}\n',
      });
      return run(root, ['guide', 'impl', '-f', 'md', '-o', 'out', '--templates', 'tpl']);
    },
  },
  {
    name: 'a template field the item does not have',
    triggers: ['guide/missing-field'],
    run: () =>
      run(project({ 'tpl/guide.md.hbs': '# {{nosuch}}\n' }), [
        'guide',
        'impl',
        '-f',
        'md',
        '-o',
        'out',
        '--templates',
        'tpl',
      ]),
  },
  {
    name: 'cells and rows an import cannot read',
    triggers: [
      'import/not-integer',
      'import/not-number',
      'import/not-boolean',
      'import/not-time-limit',
      'import/not-in-code-list',
      'import/not-json',
      'import/no-name',
      'import/duplicate-row',
    ],
    async run() {
      const mapping = [
        'kind: implementation',
        'fields:',
        '  code: 编码',
        '  name: 名称',
        '  visits: { column: 次数, transform: integer }',
        '  online.depth: { column: 深度, transform: number }',
        '  fee.charged: { column: 收费, transform: boolean }',
        '  statutoryLimit: { column: 时限, transform: timeLimit }',
        '  type: { column: 类型, transform: codeList, list: item-type }',
        '  materials: { column: 材料, transform: json }',
        '',
      ].join('\n');
      const csv = [
        '编码,名称,次数,深度,收费,时限,类型,材料',
        'C1,甲,两次,很深,也许,很快,许可吗,[{',
        ',乙,0,4,否,5个工作日,行政许可,[]',
        'C2,丙,0,4,否,5个工作日,行政许可,[]',
        'C2,丙,0,4,否,5个工作日,行政许可,[]',
        '',
      ].join('\n');
      return run(project({ 'map.yaml': mapping, 'rows.csv': csv }), [
        'import',
        'rows.csv',
        '--map',
        'map.yaml',
        '--out',
        'impl',
        '-f',
        'json',
      ]);
    },
  },
  {
    name: 'import rows too large, too deep or not objects, and rows that match no single existing item',
    triggers: [
      'import/cell-too-large',
      'import/too-deep',
      'import/not-object',
      'import/file-taken',
      'import/ambiguous-match',
    ],
    async run() {
      const mapping = [
        'kind: implementation',
        'fields:',
        '  code: 编码',
        '  name: 名称',
        '  materials: { column: 材料, transform: json }',
        '',
      ].join('\n');
      const rows = [
        { 编码: 'C1', 名称: '长'.repeat(400_000) },
        { 编码: 'C2', 材料: JSON.parse('['.repeat(100) + ']'.repeat(100)) },
        ['not', 'an', 'object'],
        // impl/items/C3.yaml holds another item; two files hold the base item's code.
        { 编码: 'C3', 名称: '丙' },
        { 编码: '1144030009719080703000100001000', 名称: '食品经营许可' },
      ];
      const root = project({
        'map.yaml': mapping,
        'rows.jsonl': rows.map((row) => JSON.stringify(row)).join('\n') + '\n',
        'impl/items/C3.yaml': IMPL_ITEM.replace(/^code: .*$/m, 'code: "C9"'),
        'impl/items/copy.yaml': IMPL_ITEM,
      });
      return run(root, ['import', 'rows.jsonl', '--map', 'map.yaml', '--out', 'impl', '-f', 'json']);
    },
  },
  {
    name: 'a nested export with cells a mapping cannot read as asked',
    triggers: ['import/not-phone', 'import/not-materials', 'import/material-element', 'import/no-records'],
    async run() {
      const mapping = [
        'kind: implementation',
        'records: { path: [departments, items] }',
        'fields:',
        '  code: bm',
        '  name: mc',
        '  contacts.consultation.phone: { column: dh, transform: phones }',
        '  materials: { column: cl, transform: materials, fields: { name: n, necessity: b } }',
        '',
      ].join('\n');
      const data = {
        departments: [
          {
            items: [
              { bm: 'C1', mc: '甲', dh: '83130000', cl: [{ n: '申请书', b: '也许' }] },
              { bm: 'C2', mc: '乙', cl: { n: '不是列表' } },
            ],
          },
          { items: '不是数组' },
        ],
      };
      const root = project({ 'map.yaml': mapping, 'rows.json': JSON.stringify(data) });
      return run(root, ['import', 'rows.json', '--map', 'map.yaml', '--out', 'impl', '-f', 'json']);
    },
  },
  {
    name: 'a time limit in months, a misspelt and an unknown mapping key, a constant its transform cannot read',
    triggers: ['import/time-limit-unit', 'mapping/misspelt-key', 'mapping/unknown-key', 'mapping/constant'],
    async run() {
      const good =
        'kind: implementation\nfields:\n  code: 编码\n  statutoryLimit: { column: 时限, transform: timeLimit }\n';
      const root = project({
        'good.yaml': good,
        'typo.yaml': 'kind: implementation\nfields:\n  code: { column: 编码, transfrom: text, zzzzzz: 1 }\n',
        'constant.yaml':
          'kind: implementation\nfields:\n  code: 编码\n  levels: { value: 银河级, transform: codeListSet, list: level }\n',
        'rows.csv': '编码,时限\nC1,3个月\n',
      });
      const codes = new Set<string>();
      for (const map of ['good.yaml', 'typo.yaml', 'constant.yaml'])
        for (const code of await run(root, ['import', 'rows.csv', '--map', map, '--out', 'impl', '-f', 'json']))
          codes.add(code);
      return codes;
    },
  },
  {
    name: 'mapping patterns that do not compile or could backtrack catastrophically',
    triggers: ['mapping/pattern', 'mapping/pattern-unsafe'],
    async run() {
      const mapping = [
        'kind: implementation',
        'fields:',
        "  code: { column: a, capture: '(' }",
        "  name: { column: b, strip: '(a+)+$' }",
        '',
      ].join('\n');
      const root = project({ 'map.yaml': mapping, 'rows.csv': 'a,b\n1,2\n' });
      return run(root, ['import', 'rows.csv', '--map', 'map.yaml', '--out', 'impl']);
    },
  },
  {
    name: 'a mapping naming a code list that does not exist',
    triggers: ['mapping/unknown-list'],
    async run() {
      const mapping = [
        'kind: implementation',
        'fields:',
        '  levels: { column: a, transform: codeListSet, list: levle }',
        '',
      ];
      const root = project({ 'map.yaml': mapping.join('\n'), 'rows.csv': 'a\n市级\n' });
      return run(root, ['import', 'rows.csv', '--map', 'map.yaml', '--out', 'impl']);
    },
  },
  {
    name: 'schema bounds no shipped schema uses yet (the adapter words them when one does)',
    triggers: ['schema/length', 'schema/items-count'],
    async run() {
      const ajv = new Ajv2020({ allErrors: true });
      const check = ajv.compile({
        type: 'object',
        properties: { name: { type: 'string', maxLength: 3 }, list: { type: 'array', maxItems: 1 } },
      });
      check({ name: 'abcd', list: [1, 2] });
      return new Set(adaptAjvErrors(check.errors ?? []).map((f) => f.code));
    },
  },
];

/** Codes marked in the validate fixture cases; rules.test.ts checks that each case produces exactly those. */
function markedInCases(): Set<string> {
  const codes = new Set<string>();
  const walk = (dir: string, rel: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, `${rel}/${entry.name}`);
      else for (const m of markersIn(`${rel}/${entry.name}`, readFileSync(full, 'utf8'))) codes.add(m.code);
    }
  };
  walk(CASES, '');
  return codes;
}

describe('finding codes', () => {
  for (const scenario of SCENARIOS) {
    it(`triggered: ${scenario.name}`, { timeout: 60_000 }, async () => {
      const produced = await scenario.run();
      expect(scenario.triggers.filter((code) => !produced.has(code))).toEqual([]);
    });
  }

  it('every code has a fixture case or a scenario that triggers it', () => {
    const triggered = new Set<string>([...markedInCases(), ...SCENARIOS.flatMap((s) => s.triggers)]);
    expect(FINDING_CODE_LIST.filter((code) => !triggered.has(code))).toEqual([]);
  });

  it('every code is documented in docs/findings.md, and the file is current (npm run docs)', async () => {
    const doc = readFileSync(path.join(ROOT, 'docs', 'findings.md'), 'utf8');
    expect(FINDING_CODE_LIST.filter((code) => !doc.includes(`\`${code}\``))).toEqual([]);
    const { renderFindingsDoc } = (await import('../scripts/findings-doc.mjs')) as { renderFindingsDoc: () => string };
    expect(doc).toBe(renderFindingsDoc());
  });
});
