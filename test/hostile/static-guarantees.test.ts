/**
 * SECURITY.md promises no network, no telemetry and no code execution. These checks keep the sources and
 * the built bundle honest: no network or process-spawning module, no eval, no front-matter library with a
 * code engine among the dependencies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const FORBIDDEN = [
  /from ['"](node:)?(http|https|http2|net|tls|dgram|dns|child_process|worker_threads|vm)['"]/,
  /import\(['"](node:)?(http|https|http2|net|tls|dgram|dns|child_process|worker_threads|vm)['"]\)/,
  /require\(['"](node:)?(http|https|http2|net|tls|dgram|dns|child_process|worker_threads|vm)['"]\)/,
  /\beval\s*\(/,
  /\bnew Function\s*\(/,
  /\bfetch\s*\(/,
  /\bWebSocket\b/,
];

/**
 * The two exceptions: src/io/claude/probe.ts runs the user's own `claude` binary, only for
 * `status --claude` and the e2e suite (test-claude/), to ask the real Claude Code which agents it loads;
 * src/io/git/run-git.ts runs the user's own `git`, only when `--from` names a repository (§8 of DESIGN.md).
 * Each may import `spawn` from child_process, nothing else: network modules, eval and new Function stay forbidden there too,
 * and any other file importing child_process still fails.
 */
const SPAWN_ALLOWED = new Set(['src/io/claude/probe.ts', 'src/io/git/run-git.ts']);
const SPAWN_IMPORT = /^import \{ spawn \} from 'node:child_process';$/m;
/**
 * In dist/ the probe is bundled into the lazily loaded file of `status`: the same single import in esbuild's
 * spelling, ES module or (the CLI's files, dist/*.cjs) CommonJS. Which names it uses is held by the sources'
 * check above (the probe imports `spawn` only).
 */
const DIST_SPAWN_IMPORT = /^import \{ spawn \} from "child_process";$|\brequire\("node:child_process"\)/m;
const PROBE_MARKER = 'control_request';
/** In dist/ the git runner is its own file (build/git-entry.ts), which sets GIT_TERMINAL_PROMPT; nothing else may carry it. */
const GIT_CHUNK = 'dist/cli-git.cjs';
const GIT_MARKER = 'GIT_TERMINAL_PROMPT';

describe('static guarantees', () => {
  it.each([
    ['src', /\.ts$/],
    ['dist', /\.c?js$/],
  ] as const)('%s uses no network, process-spawning or eval', (dir, ext) => {
    const probeChunks: string[] = [];
    const gitChunks: string[] = [];
    const found = files(join(ROOT, dir), ext).flatMap((file) => {
      const raw = readFileSync(file, 'utf8');
      // Only its single static child_process import is removed before the check; everything else applies.
      const rel = relative(ROOT, file).split(sep).join('/');
      const probeChunk = dir === 'dist' && raw.includes(PROBE_MARKER) && DIST_SPAWN_IMPORT.test(raw);
      const gitChunk = dir === 'dist' && rel === GIT_CHUNK && raw.includes(GIT_MARKER) && !raw.includes(PROBE_MARKER) && DIST_SPAWN_IMPORT.test(raw);
      if (probeChunk) probeChunks.push(rel);
      if (gitChunk) gitChunks.push(rel);
      const text = SPAWN_ALLOWED.has(rel) ? raw.replace(SPAWN_IMPORT, '') : probeChunk || gitChunk ? raw.replace(DIST_SPAWN_IMPORT, '') : raw;
      return FORBIDDEN.filter((re) => re.test(text)).map((re) => `${file}: ${re.source}`);
    });
    expect(found).toEqual([]);
    // At most one bundled chunk may carry the probe's spawn, and only in dist/.
    expect(probeChunks.length).toBeLessThanOrEqual(dir === 'dist' ? 1 : 0);
    // And exactly one carries git's: its own file, required only when a repository is fetched.
    expect(gitChunks).toEqual(dir === 'dist' ? [GIT_CHUNK] : []);
  });

  it('no dependency brings a front-matter parser with code engines or an unsafe YAML loader', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies).filter((d) => /gray-matter|front-?matter|js-yaml|coffee/.test(d))).toEqual([]);
  });
});
