/**
 * Tasks shared among worker threads (node:worker_threads), for work a second core can take. Each worker
 * starts with the same data, takes one task at a time as it becomes free, and the results come back in
 * the order of the tasks whatever order they finish in, so a run gives the same result with any number of
 * workers. A usage error raised in a worker (a file it cannot read) is raised here as itself; any other
 * failure — an exception, a worker that dies or runs out of memory — stops the other workers and is a
 * usage error that says a worker failed and why (usage/worker-failed), never a worker's stack trace.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { MessageArgs } from '../core/diagnostic.js';
import type { UsageCode } from '../core/usage-codes.js';
import { UsageError } from './errors.js';

type Request<Task> = { n: number; task: Task } | { end: true };
type Failure = { usage?: { code: UsageCode; args: MessageArgs }; message: string };
type Reply<Result> = { n: number; result: Result } | { n: number; error: Failure };

export interface PoolOptions {
  /** How many workers (at most one per task). */
  workers: number;
  /**
   * The V8 young generation of each worker, in MB. Work that makes many short-lived objects (parsed
   * records) spends less time collecting them in a larger one; undefined keeps V8's default.
   */
  youngGenerationMb?: number;
  /** Told each time a task's result is in (task index), e.g. for a progress bar. */
  onResult?: (n: number) => void;
}

function failed(reason: string): UsageError {
  return new UsageError('usage/worker-failed', { reason });
}

/**
 * Runs `tasks` on workers started from `script` with `init` as their workerData (see serveTasks). After a
 * failure no task is started, and the workers still running one finish it before they are told to end:
 * a worker stopped in the middle of a native call (a DuckDB query) would abort the whole process.
 */
export function runInWorkers<Task, Result>(
  script: URL,
  init: unknown,
  tasks: readonly Task[],
  options: PoolOptions,
): Promise<Result[]> {
  if (tasks.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const results: Result[] = new Array<Result>(tasks.length);
    const count = Math.max(1, Math.min(options.workers, tasks.length));
    let started = 0;
    let exited = 0;
    let next = 0;
    let done = 0;
    let failure: UsageError | undefined;
    const fail = (error: UsageError) => (failure ??= error);
    const feed = (worker: Worker) => {
      const n = next++;
      worker.postMessage(
        n < tasks.length && !failure ? ({ n, task: tasks[n] as Task } satisfies Request<Task>) : { end: true },
      );
    };
    const exit = () => {
      if (++exited < started) return;
      if (!failure && done < tasks.length) fail(failed(`the workers stopped after ${done} of ${tasks.length} tasks`));
      if (failure) reject(failure);
      else resolve(results);
    };
    for (let i = 0; i < count && !failure; i++) {
      let worker: Worker;
      try {
        worker = new Worker(script, {
          workerData: init,
          ...(options.youngGenerationMb
            ? { resourceLimits: { maxYoungGenerationSizeMb: options.youngGenerationMb } }
            : {}),
        });
      } catch (error) {
        fail(failed(error instanceof Error ? error.message : String(error)));
        break;
      }
      started++;
      worker.on('message', (reply: Reply<Result>) => {
        if ('error' in reply) {
          const { usage, message } = reply.error;
          fail(usage ? new UsageError(usage.code, usage.args) : failed(message));
        } else {
          results[reply.n] = reply.result;
          done++;
          options.onResult?.(reply.n);
        }
        feed(worker);
      });
      worker.on('error', (error) => fail(failed(error.message)));
      worker.on('exit', (code) => {
        if (code !== 0) fail(failed(`exit code ${code}`));
        exit();
      });
      feed(worker);
    }
    // No worker could start: there is none to wait for.
    if (started === 0) reject(failure);
  });
}

/** What a worker serves: each task in turn, then `close` when there are no more. */
export interface Served<Task, Result> {
  run(task: Task): Promise<Result> | Result;
  close(): void;
}

/**
 * The worker's side of runInWorkers: `setup` is given the workerData once; its tasks are run one at a time
 * (the pool sends the next only when a result is back), and the worker ends once it is told there are none.
 */
export function serveTasks<Init, Task, Result>(setup: (init: Init) => Promise<Served<Task, Result>>): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  const ready = setup(workerData as Init);
  // A failed setup is reported with the first task, below.
  ready.catch(() => undefined);
  port.on('message', async (request: Request<Task>) => {
    if ('end' in request) {
      // The last message: the worker ends whatever happens. Nothing is left to report — every task is
      // done, and a setup that failed was reported with the first task.
      try {
        (await ready).close();
      } catch {
        // A reader that fails to close changes no result.
      } finally {
        port.close();
      }
      return;
    }
    try {
      const served = await ready;
      port.postMessage({ n: request.n, result: await served.run(request.task) } satisfies Reply<Result>);
    } catch (error) {
      const failure: Failure =
        error instanceof UsageError
          ? { usage: { code: error.messageCode, args: error.args }, message: error.message }
          : { message: error instanceof Error ? error.message : String(error) };
      port.postMessage({ n: request.n, error: failure } satisfies Reply<Result>);
    }
  });
}
