import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Build dist/ once before the suites: CLI tests spawn the built binary, never the sources. */
export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, [fileURLToPath(new URL('../../node_modules/tsup/dist/cli-default.js', import.meta.url))], {
    cwd: root,
    stdio: 'pipe',
  });
}
