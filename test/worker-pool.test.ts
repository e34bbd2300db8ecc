/**
 * io/worker-pool.ts: tasks run on worker threads come back in task order whatever order they finish in,
 * and every way a worker can fail is a usage error that says so — a thrown error as its message, a usage
 * error as itself, a thread that ends mid-task or a setup that fails — never a stack trace. The worker
 * (test/fixtures/worker-pool/worker.mjs) runs the built pool: npm test builds first.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/io/errors.js';
import { runInWorkers } from '../src/io/worker-pool.js';
import { ROOT } from './helpers/cli.js';

const WORKER = pathToFileURL(path.join(ROOT, 'test', 'fixtures', 'worker-pool', 'worker.mjs'));

interface Task {
  value?: number;
  delay?: number;
  throw?: string;
  usage?: string;
  exit?: number;
}

const run = (tasks: Task[], workers = 3, init: object = {}) =>
  runInWorkers<Task, number>(WORKER, init, tasks, { workers, youngGenerationMb: 16 });

async function failure(promise: Promise<unknown>): Promise<UsageError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

describe('runInWorkers', () => {
  it('gives the results in the order of the tasks, whichever worker finishes first', async () => {
    // The first tasks are the slowest: later ones finish before them.
    const tasks = Array.from({ length: 12 }, (_, i) => ({ value: i, delay: (12 - i) * 5 }));
    expect(await run(tasks)).toEqual(tasks.map((t) => (t.value as number) * 2));
    expect(await run(tasks, 1)).toEqual(tasks.map((t) => (t.value as number) * 2));
    expect(await run([])).toEqual([]);
  });

  it('an error thrown in a worker is usage/worker-failed with its message, not a stack trace', async () => {
    const error = await failure(run([{ value: 1 }, { throw: 'x is not a function' }, { value: 3 }]));
    expect(error.messageCode).toBe('usage/worker-failed');
    expect(error.args).toEqual({ reason: 'x is not a function' });
    expect(error.message).toMatch(/^a worker thread failed \(x is not a function\).*TONGBAN_WORKERS=0/);
    expect(error.message).not.toMatch(/\n\s+at /);
  });

  it('a usage error raised in a worker is raised as itself', async () => {
    const error = await failure(run([{ value: 1 }, { usage: '/no/such/file' }]));
    expect(error.messageCode).toBe('usage/path-not-found');
    expect(error.args).toEqual({ path: '/no/such/file' });
  });

  it('a worker that ends in the middle of a task, or cannot set up, is usage/worker-failed', async () => {
    const ended = await failure(run([{ value: 1, delay: 50 }, { exit: 3 }, { value: 2 }], 2));
    expect(ended.messageCode).toBe('usage/worker-failed');
    expect(ended.args).toEqual({ reason: 'exit code 3' });
    const quiet = await failure(run([{ exit: 0 }], 1));
    expect(quiet.args).toEqual({ reason: 'the workers stopped after 0 of 1 tasks' });
    const setup = await failure(run([{ value: 1 }], 1, { failSetup: true }));
    expect(setup.args).toEqual({ reason: 'setup failed' });
  });
});
