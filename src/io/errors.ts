import type { Finding } from '../core/diagnostic.js';

/** A problem with how tongban was called (a path that does not exist, nothing to check): exit code 2. */
export class UsageError extends Error {
  constructor(
    readonly messageCode: string,
    readonly args: Record<string, string | number> = {},
  ) {
    super(messageCode);
    this.name = 'UsageError';
  }
}

/** tongban.config.yaml or a code profile is invalid: the located findings say where (exit code 2). */
export class ConfigError extends Error {
  constructor(readonly findings: Finding[]) {
    super('invalid configuration');
    this.name = 'ConfigError';
  }
}
