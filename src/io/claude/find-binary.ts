import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

type Env = Record<string, string | undefined>;

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The `claude` binary for `status --claude`: the given path (relative to `cwd`) as is, or the first
 * executable `claude` on the PATH of `env`; undefined when there is none.
 */
export function findClaudeBinary(options: { env: Env; cwd: string; bin?: string | undefined }): string | undefined {
  if (options.bin !== undefined) return isAbsolute(options.bin) ? options.bin : resolve(options.cwd, options.bin);
  const names = process.platform === 'win32' ? ['claude.exe', 'claude.cmd', 'claude'] : ['claude'];
  for (const dir of (options.env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const name of names) {
      const candidate = join(resolve(options.cwd, dir), name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}
