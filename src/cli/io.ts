/**
 * What the CLI needs of the process, passed in: the working folder, the environment, and two streams. The
 * binary passes the real process; tests pass their own and read what was written.
 */

export interface OutputStream {
  write(text: string): unknown;
  /** A terminal (colours, progress bars); absent or false for pipes, files and tests. */
  isTTY?: boolean;
  /** A terminal's width in columns. */
  columns?: number;
}

/** Help is wrapped to the terminal's width, at most 100 columns (40 at least); 100 off a terminal. */
export function helpWidth(stream: OutputStream): number {
  const columns = stream.isTTY ? stream.columns : undefined;
  return columns === undefined || columns <= 0 ? 100 : Math.max(40, Math.min(100, columns));
}

export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutputStream;
  stderr: OutputStream;
}

/**
 * Colour on a terminal unless NO_COLOR (https://no-color.org) says otherwise; FORCE_COLOR turns it on
 * for CI logs that render ANSI; an explicit --color / --no-color beats both.
 */
export function useColour(flag: boolean | undefined, io: Pick<CliIo, 'stdout' | 'env'>): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0';
  return io.stdout.isTTY === true;
}
