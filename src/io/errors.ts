/**
 * The two ways a call of tongban itself can be wrong (exit code 2), and their words. Both carry an English
 * message for programs that just log `error.message`; `describeError` words them in either language.
 */
import { locationOf, type Finding, type MessageArgs } from '../core/diagnostic.js';
import type { UsageCode } from '../core/usage-codes.js';
import { formatMessage, type Lang } from '../i18n/index.js';

/** A problem with how tongban was called (a path that does not exist, nothing to check): exit code 2. */
export class UsageError extends Error {
  constructor(
    readonly messageCode: UsageCode,
    readonly args: MessageArgs = {},
  ) {
    super(formatMessage('en', messageCode, args));
    this.name = 'UsageError';
  }
}

/** tongban.config.yaml, a code profile, a mapping or a baseline is invalid: the located findings say where (exit code 2). */
export class ConfigError extends Error {
  constructor(readonly findings: Finding[]) {
    super(findings.map((f) => findingLine(f, 'en')).join('\n'));
    this.name = 'ConfigError';
  }
}

function findingLine(finding: Finding, lang: Lang): string {
  return `${locationOf(finding)}: ${formatMessage(lang, finding.code, finding.args)} (${finding.code})`;
}

/**
 * The lines to show for an error thrown by tongban: a usage error's message, a configuration error's
 * located findings; undefined for anything else (a fault of tongban's own).
 */
export function describeError(error: unknown, lang: Lang): string[] | undefined {
  if (error instanceof ConfigError) return error.findings.map((f) => findingLine(f, lang));
  if (error instanceof UsageError) return [formatMessage(lang, error.messageCode, error.args)];
  return undefined;
}
