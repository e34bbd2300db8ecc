/**
 * Fault injection for the crash tests (test/crash.test.ts): with TONGBAN_FAULT=<point>:<n>, the process
 * kills itself (SIGKILL, like a power cut or kill -9) the n-th time it reaches that point. Unset — always,
 * outside those tests — a point costs one comparison.
 */
const spec = process.env.TONGBAN_FAULT?.split(':');
const point = spec?.[0];
let remaining = Number(spec?.[1] ?? 0);

export function faultPoint(name: string): void {
  if (point !== name) return;
  remaining--;
  if (remaining === 0) process.kill(process.pid, 'SIGKILL');
}

/**
 * As faultPoint, but throws the n-th time instead of killing the process: a fault inside a worker thread,
 * which must come back to the main thread as a clear error (test/national.test.ts).
 */
export function faultError(name: string): void {
  if (point !== name) return;
  remaining--;
  if (remaining === 0) throw new Error(`fault injected at ${name}`);
}
