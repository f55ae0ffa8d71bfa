import { execFileSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isolatedEnv, ROOT, tempDir } from './cli.js';

/**
 * An environment for runs that use git: isolatedEnv plus a git of its own — a temporary GIT_CONFIG_GLOBAL
 * (user, default branch; `config` adds lines such as url.<base>.insteadOf), no system config, a temporary
 * XDG_CACHE_HOME, and GIT_ALLOW_PROTOCOL=file so that git itself refuses anything but file:// (no test can
 * reach the network, even through a mistaken URL).
 */
export function gitEnv(options: { config?: string; extra?: Record<string, string | undefined> } = {}): {
  env: Record<string, string>;
  home: string;
  cache: string;
} {
  const base = isolatedEnv(options.extra);
  const dir = tempDir('agentpack-git-');
  const config = join(dir, 'gitconfig');
  writeFileSync(config, `[user]\n\tname = agentpack test\n\temail = test@example.invalid\n[init]\n\tdefaultBranch = main\n${options.config ?? ''}`);
  const cache = join(dir, 'cache');
  Object.assign(base.env, { GIT_CONFIG_GLOBAL: config, GIT_CONFIG_NOSYSTEM: '1', XDG_CACHE_HOME: cache, GIT_ALLOW_PROTOCOL: 'file' });
  return { ...base, cache };
}

/** Run git in `cwd` with `env`; its stdout, trimmed. */
export function git(options: { args: string[]; cwd: string; env: Record<string, string> }): string {
  return execFileSync('git', options.args, { cwd: options.cwd, env: options.env, encoding: 'utf8' }).trim();
}

/** A new repository holding a copy of test/fixtures/catalogs/<fixture>, committed once; its folder, file:// URL and commit. */
export function fixtureRepo(options: { fixture: string; env: Record<string, string>; dir?: string }): { dir: string; url: string; commit: string } {
  const dir = options.dir ?? join(tempDir('agentpack-repo-'), 'catalog');
  cpSync(join(ROOT, 'test', 'fixtures', 'catalogs', options.fixture), dir, { recursive: true });
  git({ args: ['init', '--quiet'], cwd: dir, env: options.env });
  const commit = commitAll({ dir, env: options.env, message: 'catalog' });
  return { dir, url: pathToFileURL(dir).href, commit };
}

/** Commit everything in `dir`; the new commit. */
export function commitAll(options: { dir: string; env: Record<string, string>; message: string }): string {
  git({ args: ['add', '--all'], cwd: options.dir, env: options.env });
  git({ args: ['commit', '--quiet', '-m', options.message], cwd: options.dir, env: options.env });
  return git({ args: ['rev-parse', 'HEAD'], cwd: options.dir, env: options.env });
}
