/** The layer boundaries are enforced by ESLint (eslint.config.js): a file that crosses one fails lint. */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const eslint = new ESLint({ cwd: ROOT });

async function messagesFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer boundaries', () => {
  it('core imports nothing from io, app, cli or reporters, and nothing impure', async () => {
    expect(
      await messagesFor(
        'src/core/probe.ts',
        "import { openWorkspace } from '../io/workspace.js';\nexport const x = openWorkspace;\n",
      ),
    ).toEqual([expect.stringContaining('src/core must not import from src/io')]);
    expect(
      await messagesFor('src/core/rules/probe.ts', "import { run } from '../../cli/run.js';\nexport const x = run;\n"),
    ).toEqual([expect.stringContaining('src/core must not import from src/cli')]);
    expect(
      await messagesFor(
        'src/core/probe.ts',
        "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      ),
    ).toEqual([expect.stringContaining('src/core is pure')]);
    expect(await messagesFor('src/core/probe.ts', 'export const cwd = () => process.cwd();\n')).toEqual([
      expect.stringContaining('src/core is pure'),
    ]);
  });

  it('reporters import no io, app imports no cli, io imports no app', async () => {
    expect(
      await messagesFor(
        'src/reporters/diff/probe.ts',
        "import { DISK_READER } from '../../io/item-reader.js';\nexport const x = DISK_READER;\n",
      ),
    ).toEqual([expect.stringContaining('src/reporters must not import from src/io')]);
    expect(
      await messagesFor(
        'src/app/probe.ts',
        "import { CommandContext } from '../cli/cli.js';\nexport const x = CommandContext;\n",
      ),
    ).toEqual([expect.stringContaining('src/app must not import from src/cli')]);
    expect(
      await messagesFor(
        'src/io/probe.ts',
        "import { validate } from '../app/validate.js';\nexport const x = validate;\n",
      ),
    ).toEqual([expect.stringContaining('src/io must not import from src/app')]);
  });

  it('the allowed direction passes', async () => {
    expect(
      await messagesFor(
        'src/app/probe.ts',
        "import { openWorkspace } from '../io/workspace.js';\nexport const x = openWorkspace;\n",
      ),
    ).toEqual([]);
    expect(
      await messagesFor(
        'src/core/probe.ts',
        "import { locationOf } from './diagnostic.js';\nexport const x = locationOf;\n",
      ),
    ).toEqual([]);
  });
});
