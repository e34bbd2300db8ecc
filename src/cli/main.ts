/** The binary: `run` with the real process's arguments, folder, environment and streams. */
import { run } from './run.js';

/** `tongban … | head` closes the pipe early; that is the reader's choice, not an error worth a stack trace. */
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exitCode ??= 0;
    stream.destroy();
  });
}

process.exitCode = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
