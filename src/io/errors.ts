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
