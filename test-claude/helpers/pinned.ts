import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../test/helpers/cli.js';

/** The pinned Claude Code (scripts/claude-code.json): what ensure-claude installs and CI proves against. */
export const PIN = JSON.parse(readFileSync(join(ROOT, 'scripts', 'claude-code.json'), 'utf8')) as { package: string; version: string };

/** Where scripts/ensure-claude.mjs puts the binary. */
export const CACHED_BIN = join(ROOT, '.cache', 'claude-code', PIN.version, 'node_modules', ...PIN.package.split('/'), 'bin', 'claude.exe');

export const HOW_TO_GET_IT =
  `Run "npm run claude:install" (scripts/ensure-claude.mjs) to install ${PIN.package}@${PIN.version} into ` +
  `.cache/claude-code/${PIN.version}/ (about 400 MB, needs the npm registry once), or set AGENTPACK_CLAUDE_BIN ` +
  'to a claude binary.';

export type FoundClaude = { ok: true; bin: string; version: string } | { ok: false; why: string };

/** The binary to prove against: AGENTPACK_CLAUDE_BIN when set (any version), else the pinned cached one. */
export function findClaude(env: Record<string, string | undefined> = process.env): FoundClaude {
  const override = env['AGENTPACK_CLAUDE_BIN'];
  const bin = override && override !== '' ? override : CACHED_BIN;
  if (!existsSync(bin)) return { ok: false, why: `no Claude Code binary at ${bin}` };
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 30_000, env: { PATH: env['PATH'] ?? '', DISABLE_AUTOUPDATER: '1' } });
  if (r.error || r.status !== 0) return { ok: false, why: `${bin} --version failed (${r.error?.message ?? `exit ${r.status}`})` };
  const version = /^(\S+)/.exec((r.stdout ?? '').trim())?.[1] ?? '';
  if (!override && version !== PIN.version) return { ok: false, why: `${bin} is Claude Code ${version}, not the pinned ${PIN.version}` };
  return { ok: true, bin, version };
}

export function isCI(env: Record<string, string | undefined> = process.env): boolean {
  const ci = (env['CI'] ?? '').toLowerCase();
  return ci !== '' && ci !== '0' && ci !== 'false';
}
