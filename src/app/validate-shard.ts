/**
 * `tongban validate --shard i/n`: validates one shard's catalogs (see core/shard.ts) and returns the
 * partial report `merge-reports` combines with the other shards' into what a single run reports.
 */
import path from 'node:path';
import { defaultSeverity } from '../core/finding-codes.js';
import type { FindingCode } from '../core/diagnostic.js';
import { PARTIAL_REPORT_FORMAT, type CrossCatalogCode, type PartialReport } from '../core/partial-report.js';
import type { Shard } from '../core/shard.js';
import { DISK_READER, withProgress, type ItemReader } from '../io/item-reader.js';
import { VERSION } from '../io/package-files.js';
import type { Workspace } from '../io/workspace.js';
import { checkSet } from './validate.js';

export interface ValidateShardOptions {
  /** As `validate`'s: every shard of one run must be given the same. */
  paths?: readonly string[];
  shard: Shard;
  /** Called as item files are read: how many of how many. */
  onProgress?: (done: number, total: number) => void;
}

export async function validateShard(workspace: Workspace, options: ValidateShardOptions): Promise<PartialReport> {
  const set = workspace.catalogs(options.paths ?? [], { honourIgnores: true, shard: options.shard });
  let reader: ItemReader = DISK_READER;
  if (options.onProgress) {
    const total = set.all.reduce((sum, c) => sum + c.items.length, 0);
    reader = withProgress(reader, total, options.onProgress);
  }
  const checked = checkSet(workspace, set, reader);
  const settingFor = (code: FindingCode, file: string) =>
    workspace.settings.settingFor(code, workspace.configPath(file), defaultSeverity(code));

  // The severities the merge cannot work out without the config: only where they are not the default.
  const severities: PartialReport['severities'] = {};
  const note = (file: string, code: CrossCatalogCode) => {
    const setting = settingFor(code, file);
    if (setting !== defaultSeverity(code)) (severities[file] ??= {})[code] = setting;
  };
  if (workspace.config)
    for (const summary of checked.summaries) {
      for (const [file] of summary.codes) note(file, 'code/duplicate-catalog');
      if (summary.ledger) note(summary.ledger.file, 'ledger/issued-elsewhere');
    }

  const { config } = workspace;
  return {
    report: 'validate-partial',
    version: PARTIAL_REPORT_FORMAT,
    tool: { name: 'tongban', version: VERSION },
    shard: options.shard,
    run: {
      // As shown, so `sample/`, `./sample` and `sample` are one run.
      paths: (options.paths ?? []).map((given) => workspace.display(path.resolve(workspace.cwd, given))),
      config: config ? workspace.display(config.file) : null,
      ...(config?.config.failOn ? { failOn: config.config.failOn } : {}),
    },
    catalogs: set.requested.map((c) => c.dir),
    itemCount: set.itemCount,
    files: set.files,
    ledgers: set.requested.flatMap((c) => (c.ledger && set.isRequested(c.ledger.file) ? [c.ledger.file] : [])),
    findings: checked.findings,
    suppressions: [...checked.suppressions].map(([file, list]) => ({
      file,
      unused: settingFor('suppression/unused', file),
      list,
    })),
    summaries: checked.summaries,
    severities,
  };
}
