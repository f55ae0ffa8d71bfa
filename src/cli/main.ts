import { run } from './run.js';

// The CLI (dist/cli-main.cjs, required by bin.ts; `tsx src/cli/main.ts` runs it too). The only place that
// ends the process: it sets the exit code run() returns.
void run({ argv: process.argv.slice(2), env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr }).then((code) => {
  process.exitCode = code;
});
