import { spawn } from 'node:child_process';
import { AgentpackError } from '../../core/errors.js';

/** Variables that point git at another repository (set inside a git hook, say): never passed on. */
const REPOSITORY_VARIABLES = new Set([
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
  'GIT_PREFIX',
]);

/** What git printed on stdout, or why it failed: git's first useful line of stderr. */
export type GitResult = { ok: true; stdout: string } | { ok: false; code: number | null; reason: string };

/** git's first line that says something (not a blank line nor a `hint:` line), trimmed and bounded. */
function firstUsefulLine(stderr: string): string | undefined {
  const line = stderr.split(/\r?\n/).find((l) => l.trim() !== '' && !/^hint:/i.test(l.trim()));
  return line === undefined ? undefined : line.trim().slice(0, 300);
}

/**
 * Runs the user's own `git` with an argument array (no shell) and no stdin, with GIT_TERMINAL_PROMPT=0 (and
 * the credential manager told not to ask) so that it fails rather than waits for a password. git missing
 * from PATH is GIT_NOT_FOUND; any other failure is returned with git's reason for the caller to name.
 * The only place agentpack starts git (test/hostile/static-guarantees.test.ts).
 */
export function runGit(options: { args: readonly string[]; env: Record<string, string | undefined>; cwd: string }): Promise<GitResult> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.env)) if (value !== undefined && !REPOSITORY_VARIABLES.has(key)) env[key] = value;
  env['GIT_TERMINAL_PROMPT'] = '0';
  env['GCM_INTERACTIVE'] = 'never';
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn('git', [...options.args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    } catch (error) {
      reject(new AgentpackError({ code: 'GIT_NOT_FOUND', params: { detail: (error as NodeJS.ErrnoException).code ?? String(error) } }));
      return;
    }
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < 1024 * 1024) stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 64 * 1024) stderr += chunk;
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') reject(new AgentpackError({ code: 'GIT_NOT_FOUND', params: { detail: 'git' } }));
      else resolve({ ok: false, code: null, reason: error.code ?? error.message });
    });
    child.on('close', (code, signal) => {
      if (code === 0) resolve({ ok: true, stdout });
      else resolve({ ok: false, code, reason: firstUsefulLine(stderr) ?? (signal ? `signal ${signal}` : `exit code ${code}`) });
    });
  });
}
