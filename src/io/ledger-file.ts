/** `<catalog>/ledger.yaml`: read with located errors, written atomically in one stable layout. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Finding } from '../core/diagnostic.js';
import { EMPTY_LEDGER, ledgerProblems, type Ledger } from '../core/codes/ledger.js';
import type { SchemaValidator } from '../core/schema/validator.js';
import { LEDGER_FILE } from './discover.js';
import { displayPath } from './display-path.js';
import { readCheckedYaml } from './read-checked-yaml.js';

export { LEDGER_FILE };

export function ledgerPath(catalogDir: string): string {
  return path.join(catalogDir, LEDGER_FILE);
}

/** The catalog's ledger (empty when there is none yet), or the located problems that make it unusable. */
export function readLedger(
  catalogDir: string,
  cwd: string,
  schemas: SchemaValidator,
): { ledger: Ledger } | { findings: Finding[] } {
  const file = ledgerPath(catalogDir);
  if (!existsSync(file)) return { ledger: EMPTY_LEDGER };
  const result = readCheckedYaml<Ledger>(file, displayPath(cwd, file), [
    (data) => schemas.ledger(data),
    (data) => ledgerProblems(data as Ledger),
  ]);
  return 'findings' in result ? result : { ledger: result.data };
}

const HEADER = `# 编码台账：本目录发出过的每一个编码及其状态与沿革。由 tongban code 命令维护，编码永不重复使用。
# Code ledger: every code this catalog ever issued. Maintained by \`tongban code\`; codes are never reused.
`;

/** The ledger as its file holds it, in one stable layout. */
export function ledgerText(ledger: Ledger): string {
  const { stringify } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return HEADER + stringify(ledger, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
}

/** The ledger file's text as it is now, or null when the catalog has none yet. */
export function currentLedgerText(catalogDir: string): string | null {
  return existsSync(ledgerPath(catalogDir)) ? readFileSync(ledgerPath(catalogDir), 'utf8') : null;
}
