/**
 * A worker thread of national compare (national.ts starts them through io/worker-pool.ts): it reads the
 * buckets it is given with a DuckDB of its own and compares them as the main thread would
 * (national-buckets.ts), so the per-key work — parsing records, hashing elements, judging every region —
 * runs on every core instead of one.
 */
import { faultError } from '../../io/fault.js';
import { openBucketReader } from '../../io/national-source.js';
import { serveTasks } from '../../io/worker-pool.js';
import { compareBucket, type BucketContext, type BucketResult } from './national-buckets.js';

/** The workerData of a worker: the context of every bucket, the buckets' folder, its reader's memory. */
export interface CompareWorkerInit {
  context: BucketContext;
  folder: string;
  memoryLimit: string;
}

serveTasks<CompareWorkerInit, string[], BucketResult>(async ({ context, folder, memoryLimit }) => {
  // One DuckDB thread: the cores are shared by the workers.
  const reader = await openBucketReader(context.catalogs, folder, { threads: 1, memoryLimit });
  return {
    async run(files) {
      // Tests make a worker fail here (TONGBAN_FAULT=compare-worker:1), to see how the failure is reported.
      faultError('compare-worker');
      return compareBucket(context, await reader.read(files));
    },
    close: () => reader.close(),
  };
});
