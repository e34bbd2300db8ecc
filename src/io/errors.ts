import type { Finding } from '../core/diagnostic.js';
import type { MessageArgs } from '../core/diagnostic.js';
import type { UsageCode } from '../core/usage-codes.js';

/** A problem with how tongban was called (a path that does not exist, nothing to check): exit code 2. */
export class UsageError extends Error {
  constructor(
    readonly messageCode: UsageCode,
    readonly args: MessageArgs = {},
  ) {
    super(messageCode);
    this.name = 'UsageError';
  }
}

/** tongban.config.yaml, a code profile, a mapping or a baseline is invalid: the located findings say where (exit code 2). */
export class ConfigError extends Error {
  constructor(readonly findings: Finding[]) {
    super('invalid configuration');
    this.name = 'ConfigError';
  }
}
