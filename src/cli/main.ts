import { isatty } from 'node:tty';
import { run } from './program/run.js';

// The CLI (dist/cli-main.cjs, required by bin.ts; `tsx src/cli/main.ts` runs it too). The only place that
// ends the process: it sets the exit code run() returns.
// A reader that stops early (`agentpack status --json | head`) closes the pipe. The rest of the output has
// nowhere to go, but the run still finishes what it started (files to write, a lock to release) and ends
// with its own exit code, instead of dying on an unhandled EPIPE with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

void run({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  // Asked of file descriptor 0, not process.stdin: creating that stream costs start-up time no command needs.
  stdinIsTTY: isatty(0),
}).then((code) => {
  process.exitCode = code;
});
