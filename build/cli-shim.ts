import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The executable is <outDir>/cli.cjs (package.json bin); <outDir>/cli.js is kept so that
 * `node dist/cli.js` in users' scripts keeps working. Both are made executable.
 */
export async function writeCliShim(outDir: string): Promise<void> {
  const shim = join(outDir, 'cli.js');
  await writeFile(
    shim,
    "#!/usr/bin/env node\n// The executable is dist/cli.cjs (package.json bin); this path is kept for scripts that name it.\nimport './cli.cjs';\n",
  );
  await chmod(shim, 0o755);
  await chmod(join(outDir, 'cli.cjs'), 0o755);
}
