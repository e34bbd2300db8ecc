/**
 * Help that teaches (issue 15): every command's help, in both languages, has examples that use only that
 * command's own options and arguments that say what they are; `tongban help templates` lists every field
 * of the guide view models (read from the TypeScript types, so a field added without its line fails
 * here); commander's own errors are worded in the user's language on one line; shell completion covers
 * every command and option (and the bash script actually completes).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { commanderMessage } from '../../src/cli/commander-messages.js';
import { GUIDE_FIELDS, INDEX_FIELDS } from '../../src/cli/template-fields.js';
import { ROOT, tongban } from '../helpers/cli.js';
import { displayWidth } from '../../src/reporters/shared/display-width.js';

type Lang = 'zh-CN' | 'en';
const HEADINGS = {
  'zh-CN': { commands: '命令：', options: '选项：', arguments: '参数：', examples: '示例：' },
  en: { commands: 'Commands:', options: 'Options:', arguments: 'Arguments:', examples: 'Examples:' },
};

/** The lines of a help section, up to the next blank line. */
function section(help: string, heading: string): string[] {
  const lines = help.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

async function help(command: string[], lang: Lang): Promise<string> {
  const result = await tongban([...command, '--help', '--lang', lang]);
  expect([command.join(' '), result.code, result.stderr]).toEqual([command.join(' '), 0, '']);
  return result.stdout;
}

/** Every command path of the program, found through the help itself (so a new command is found too). */
async function commandPaths(): Promise<string[][]> {
  const out: string[][] = [];
  const walk = async (command: string[]) => {
    out.push(command);
    for (const line of section(await help(command, 'en'), HEADINGS.en.commands)) {
      const name = /^ {2}([a-z][\w-]*)/.exec(line)?.[1];
      if (name) await walk([...command, name]);
    }
  };
  await walk([]);
  return out;
}

describe('every command’s help', () => {
  it('has two or three examples in each language, each using only that command’s options', async () => {
    const paths = await commandPaths();
    // The program, its 12 commands and the 7 code commands.
    expect(paths.length).toBeGreaterThanOrEqual(20);
    for (const command of paths) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const text = await help(command, lang);
        const examples = section(text, HEADINGS[lang].examples);
        const lines = examples.filter((l) => /^ {2}\S/.test(l));
        const where = `${command.join(' ') || '(program)'} ${lang}`;
        expect([where, lines.length >= 2 && lines.length <= 3]).toEqual([where, true]);
        // Each example is a command line followed by what it does, indented further.
        expect([where, examples.length]).toEqual([where, lines.length * 2]);
        const options = new Set(
          section(text, HEADINGS[lang].options).flatMap((l) =>
            [...l.matchAll(/(?<![\w-])(--?[A-Za-z][\w-]*)/g)].map((m) => m[1]),
          ),
        );
        for (const line of lines) {
          const words = line.trim().split(/\s+/);
          if (words[0] === 'source') continue; // source <(tongban completion bash)
          expect([where, words.slice(0, command.length + 1).join(' ')]).toEqual([
            where,
            ['tongban', ...command].join(' '),
          ]);
          // Options of this command (or, for the program and `code`, of the command the example names).
          if (command.length === 0 || command.join(' ') === 'code') continue;
          for (const flag of words.filter((w) => /^--?[A-Za-z]/.test(w)))
            expect([where, flag, options.has(flag)]).toEqual([where, flag, true]);
        }
      }
    }
  });

  it('describes each argument as what it is, not as a list of catalogs by default', async () => {
    const paths = (await help(['validate'], 'en')).match(/^ {2}paths +(.*)$/m)?.[1] as string;
    expect(paths).toMatch(/^catalogs, folders holding catalogs/);
    const argument = async (command: string[], name: string, lang: Lang = 'en') => {
      const text = await help(command, lang);
      // The argument's line and the lines its description wraps onto.
      const lines = section(text, HEADINGS[lang].arguments);
      const at = lines.findIndex((l) => l.startsWith(`  ${name} `));
      if (at < 0) return '';
      const rest = lines.slice(at + 1);
      const wrapped = rest.slice(0, (rest.findIndex((l) => /^ {2}\S/.test(l)) + 1 || rest.length + 1) - 1);
      return [lines[at] as string, ...wrapped]
        .map((l, i) => (i === 0 ? l.slice(2 + name.length) : l).trim())
        .join(lang === 'en' ? ' ' : '');
    };
    expect(await argument(['import'], 'file')).toMatch(/^the file to import: CSV/);
    expect(await argument(['diff'], 'left')).not.toMatch(/default/);
    expect(await argument(['diff'], 'right')).toMatch(/--git/);
    expect(await argument(['code', 'explain'], 'codes')).toMatch(/basic codes \(12 characters\)/);
    expect(await argument(['compare'], 'catalogs')).toMatch(/folder holding them/);
    expect(await argument(['export'], 'catalogs')).toMatch(/one kind of catalog/);
    expect(await argument(['code', 'merge'], 'codes')).toMatch(/two or more/);
    expect(await argument(['code', 'split'], 'codes')).toMatch(/one/);
    expect(await argument(['import'], 'file', 'zh-CN')).toMatch(/^要导入的文件/);
    expect(await argument(['code', 'explain'], 'codes', 'zh-CN')).toMatch(/基本编码（12 位）/);
  });

  it('is headed in Chinese under zh-CN, with no space after the full-width colon', async () => {
    const text = await help(['validate'], 'zh-CN');
    expect(text.startsWith('用法：tongban validate [选项] [paths...]\n')).toBe(true);
    expect(text).toContain('\n参数：\n');
    expect(text).toContain('\n选项：\n');
    expect(text).toMatch(/^ {2}-f, --format <name> +输出格式[^\n]*（可选：stylish、json/m);
    expect(await help([], 'zh-CN')).toMatch(/^ {2}code +统一编码/m);
    expect(await help([], 'zh-CN')).toContain('\n命令：\n');
  });

  it('`tongban help <command>` is the command’s help; an unknown topic is a usage error', async () => {
    expect((await tongban(['help', 'code', 'explain'])).stdout).toBe(await help(['code', 'explain'], 'en'));
    const unknown = await tongban(['help', 'nonsense', '--lang', 'zh-CN']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/^错误：没有帮助主题“nonsense”/);
  });
});

/** Every field path of an interface, as templates name them: `a.b`, lists as `a[].b`. */
function fieldPaths(file: string, name: string): string[] {
  const program = ts.createProgram([file], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file) as ts.SourceFile;
  const declaration = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name,
  ) as ts.InterfaceDeclaration;
  const paths: string[] = [];
  const walk = (type: ts.Type, prefix: string, depth: number) => {
    if (depth > 6) return;
    // Unwrap `T | null` and `T[]`.
    const parts = type.isUnion() ? type.types.filter((t) => !(t.flags & ts.TypeFlags.Null)) : [type];
    for (const part of parts) {
      if (checker.isArrayType(part)) {
        walk(checker.getTypeArguments(part as ts.TypeReference)[0] as ts.Type, `${prefix}[]`, depth + 1);
        continue;
      }
      if (!(part.flags & ts.TypeFlags.Object)) continue;
      for (const property of checker.getPropertiesOfType(part)) {
        const path = prefix ? `${prefix}.${property.name}` : property.name;
        paths.push(path);
        walk(checker.getTypeOfSymbolAtLocation(property, declaration), path, depth + 1);
      }
    }
  };
  walk(checker.getTypeAtLocation(declaration), '', 0);
  return [...new Set(paths)].sort();
}

describe('tongban help templates', () => {
  const guideFields = fieldPaths(path.join(ROOT, 'src/core/guide/view.ts'), 'GuideView');
  const indexFields = fieldPaths(path.join(ROOT, 'src/core/guide/index-view.ts'), 'IndexView');

  it('documents exactly the fields of the view models (GuideView, IndexView): none missing, none stale', () => {
    expect(guideFields).toContain('materials[].name');
    expect(guideFields).toContain('catalog.region');
    expect(Object.keys(GUIDE_FIELDS).sort()).toEqual(guideFields);
    expect(Object.keys(INDEX_FIELDS).sort()).toEqual(indexFields);
  });

  it('prints every field with its description, in both languages', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const result = await tongban(['help', 'templates', '--lang', lang]);
      expect(result.code).toBe(0);
      for (const [fields, docs] of [
        [guideFields, GUIDE_FIELDS],
        [indexFields, INDEX_FIELDS],
      ] as const)
        for (const field of fields) {
          const words = (docs as Record<string, Record<Lang, string>>)[field]?.[lang] as string;
          expect(result.stdout).toMatch(
            new RegExp(
              `^ {2}${field.replace(/[[\].]/g, '\\$&')} +${words.replace(/[()[\]{}.*+?^$|\\]/g, '\\$&')}$`,
              'm',
            ),
          );
        }
    }
  });
});

describe("commander's own errors", () => {
  it('are worded in Chinese on one line, with the suggestion and a pointer to --help', async () => {
    const cases: [string[], RegExp][] = [
      [['valdate'], /^错误：未知命令 valdate；你是不是想输入 validate？（用 --help 查看用法）\n$/],
      [['validate', '--bogus'], /^错误：未知选项 --bogus（用 --help 查看用法）\n$/],
      [['diff'], /^错误：缺少参数 <left>（用 --help 查看用法）\n$/],
      [['import', 'x.csv'], /^错误：缺少必需的选项 --map <mapping>（用 --help 查看用法）\n$/],
      [
        ['validate', '--fail-on', 'x'],
        /^错误：选项 --fail-on <severity> 的值“x”无效：可选值为 error、warning、info、none（用 --help 查看用法）\n$/,
      ],
      [
        ['stats', '-f', 'xml'],
        /^错误：选项 -f, --format <name> 的值“xml”无效：可选值为 stylish、json、csv、html（用 --help 查看用法）\n$/,
      ],
      [
        ['stats', '-o', 'a', '-o', 'b'],
        /^错误：选项 -o, --output <file> 的值“b”无效：每个 --output 应紧跟在它所对应的 --format 之后/,
      ],
      [['import', 'a', 'b', '--map', 'm', '--out', 'o'], /^错误：import 最多接受 1 个参数，却给出了 2 个/],
      [['validate', '--cache-location'], /^错误：选项 --cache-location <dir> 需要一个值/],
      [['completion', 'tcsh'], /^错误：参数 <shell> 的值“tcsh”无效：可选值为 bash、zsh、fish/],
    ];
    for (const [args, expected] of cases) {
      const result = await tongban([...args, '--lang', 'zh-CN']);
      expect([args.join(' '), result.code, result.stdout]).toEqual([args.join(' '), 2, '']);
      expect(result.stderr).toMatch(expected);
    }
  });

  it('keep commander’s words in English, the suggestion on the same line', async () => {
    expect((await tongban(['valdate'])).stderr).toBe("error: unknown command 'valdate' (did you mean validate?)\n");
    expect((await tongban(['code', 'explain'])).stderr).toBe("error: missing required argument 'codes'\n");
  });

  it('a message of an unknown kind keeps its words after a Chinese explanation', () => {
    expect(commanderMessage("error: option '--a' cannot be used with option '--b'\n", 'zh-CN')).toBe(
      "错误：命令行参数有误（option '--a' cannot be used with option '--b'）（用 --help 查看用法）\n",
    );
  });
});

describe('tongban completion', () => {
  /** Every command path and option flag, from the help. */
  async function surface(): Promise<{ paths: string[][]; flags: Map<string, string[]> }> {
    const paths = await commandPaths();
    const flags = new Map<string, string[]>();
    for (const command of paths) {
      const text = await help(command, 'en');
      flags.set(
        command.join('/'),
        // The option column only: descriptions mention other commands' options (`import --map …`).
        section(text, 'Options:')
          .filter((l) => /^\s{1,4}-/.test(l))
          .flatMap((l) =>
            [...(l.trim().split(/\s{2,}/)[0] ?? '').matchAll(/(?<![\w-])(--?[A-Za-z][\w-]*)/g)].map(
              (m) => m[1] as string,
            ),
          ),
      );
    }
    return { paths, flags };
  }

  it('bash: every command and option, and format choices, complete in a real bash', async () => {
    const { paths, flags } = await surface();
    const script = (await tongban(['completion', 'bash'])).stdout;
    for (const command of paths.filter((p) => p.length)) expect(script).toContain(`cmd="${command.join('/')}"`);
    for (const [command, list] of flags) {
      const line = script.split('\n').find((l) => l.startsWith(`    "${command}") list=`)) ?? '';
      for (const flag of list)
        expect([command, flag, line.includes(` ${flag}`) || line.includes(`"${flag}`)]).toEqual([command, flag, true]);
    }
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tongban-completion-')), 'tongban.bash');
    writeFileSync(file, script);
    const complete = (...words: string[]) =>
      execFileSync(
        'bash',
        [
          '-c',
          `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _tongban; printf '%s\\n' "\${COMPREPLY[@]}"`,
          'bash',
          file,
          'tongban',
          ...words,
        ],
        { encoding: 'utf8' },
      )
        .split('\n')
        .filter(Boolean);
    expect(complete('val')).toEqual(['validate']);
    expect(complete('validate', '--fail-on', '')).toEqual(['error', 'warning', 'info', 'none']);
    expect(complete('diff', '-f', '')).toEqual(['stylish', 'json', 'markdown', 'csv', 'html']);
    expect(complete('code', '')).toEqual(
      expect.arrayContaining(['explain', 'assign', 'retire', 'merge', 'split', 'check', 'repair']),
    );
    expect(complete('code', 'explain', '--pro')).toEqual(['--profile']);
    expect(complete('completion', '')).toEqual(expect.arrayContaining(['bash', 'zsh', 'fish']));
  });

  it('fish and zsh: every command and option', async () => {
    const { paths, flags } = await surface();
    const fish = (await tongban(['completion', 'fish'])).stdout;
    for (const command of paths.filter((p) => p.length)) expect(fish).toContain(` -a ${command.at(-1)} -d `);
    for (const list of flags.values())
      for (const flag of list.filter((f) => f.startsWith('--'))) expect(fish).toContain(` -l ${flag.slice(2)}`);
    expect(fish).toContain("-l format -x -a 'stylish json sarif junit github markdown'");
    const zsh = (await tongban(['completion', 'zsh'])).stdout;
    expect(zsh.startsWith('#compdef tongban\n')).toBe(true);
    expect(zsh).toContain('bashcompinit');
    expect(zsh).toContain('complete -o filenames -F _tongban tongban');
  });
});

describe('help on a terminal', () => {
  it('is wrapped to the terminal’s width (at most 100 columns), in Chinese by display width', async () => {
    // The usage and options commander lays out; the texts after them (exit codes, examples) are as written.
    const width = (text: string) =>
      Math.max(
        ...text
          .split(/\n\n(?=Exit codes|退出码)/)[0]!
          .split('\n')
          .map((line) => displayWidth(line)),
      );
    for (const lang of ['en', 'zh-CN']) {
      const narrow = await tongban(['validate', '--help', '--lang', lang], { tty: true, columns: 80 });
      expect(width(narrow.stdout), lang).toBeLessThanOrEqual(80);
      const wide = await tongban(['validate', '--help', '--lang', lang], { tty: true, columns: 200 });
      expect(width(wide.stdout), lang).toBeGreaterThan(80);
      expect(width(wide.stdout), lang).toBeLessThanOrEqual(100);
      // Notes join a description's own parenthesis rather than following it in another.
      expect(wide.stdout).not.toContain('）（');
      // Not a terminal: 100 columns, as before.
      expect((await tongban(['validate', '--help', '--lang', lang], { columns: 80 })).stdout).toBe(wide.stdout);
    }
  });
});
