/** The binary: `run` with the real process's arguments, folder, environment and streams. */
import { run } from './run.js';

/**
 * `tongban … | head` closes the pipe early: that is the reader's choice, not an error. Any other failure to
 * write output (a full disk, /dev/full) is said in one line and ends the run with exit code 2.
 */
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    stream.destroy();
    if (error.code === 'EPIPE') {
      process.exitCode ??= 0;
      return;
    }
    if (stream === process.stdout && !process.stderr.destroyed) {
      process.stderr.write(`error: cannot write to standard output (${error.code ?? error.message})\n`);
    }
    process.exitCode = 2;
  });
}

process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
