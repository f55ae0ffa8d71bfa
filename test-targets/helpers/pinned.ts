import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../test/helpers/cli.js';

/** The other coding agents whose real client runs here offline (scripts/target-clients.json). */
export const CLIENTS = ['codex', 'copilot', 'gemini', 'opencode', 'qwen'] as const;
export type Client = (typeof CLIENTS)[number];

interface Pin {
  package: string;
  version: string;
  integrity: string;
  postinstall?: string;
}

export const PINS = JSON.parse(readFileSync(join(ROOT, 'scripts', 'target-clients.json'), 'utf8')) as Record<Client, Pin>;

export const HOW_TO_GET_THEM =
  'Run "npm run targets:install" (scripts/ensure-clients.mjs) to install the pinned clients into .cache/<tool>/<version>/ ' +
  '(about 470 MB to download, 1.2 GB on disk, needs the npm registry once).';

/** How to start a client: its program, run by Node when it is a JavaScript file. */
export interface Program {
  path: string;
  node: boolean;
  version: string;
}

export type FoundClient = ({ ok: true } & Program) | { ok: false; why: string };

/** Where scripts/ensure-clients.mjs puts a client's program (the package's `bin`). */
function cachedProgram(client: Client): { path: string; node: boolean } | undefined {
  const pin = PINS[client];
  const dir = join(ROOT, '.cache', client, pin.version, 'node_modules', ...pin.package.split('/'));
  const manifestPath = join(dir, 'package.json');
  if (!existsSync(manifestPath)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : Object.values(manifest.bin ?? {})[0];
  if (bin === undefined) return undefined;
  const path = join(dir, bin);
  return { path, node: /\.[cm]?js$/.test(path) };
}

/** The pinned client when it is installed and prints its pinned version (with HOME in a temporary folder). */
export function findClient(client: Client): FoundClient {
  const pin = PINS[client];
  const program = cachedProgram(client);
  if (program === undefined || !existsSync(program.path)) return { ok: false, why: `${pin.package}@${pin.version} is not in .cache/${client}/` };
  const home = mkdtempSync(join(tmpdir(), 'agentpack-client-home-'));
  try {
    const [cmd, args] = program.node ? [process.execPath, [program.path, '--version']] : [program.path, ['--version']];
    const r = spawnSync(cmd, args, {
      encoding: 'utf8',
      timeout: 60_000,
      cwd: home,
      env: { PATH: process.env['PATH'] ?? '', HOME: home, TMPDIR: home, CODEX_HOME: home, NO_COLOR: '1' },
    });
    const text = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    if (r.error || r.status !== 0) return { ok: false, why: `${program.path} --version failed (${r.error?.message ?? `exit ${r.status}`})` };
    if (!text.includes(pin.version)) return { ok: false, why: `${program.path} --version printed "${text.trim()}", not ${pin.version}` };
    return { ok: true, ...program, version: pin.version };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

export function isCI(env: Record<string, string | undefined> = process.env): boolean {
  const ci = (env['CI'] ?? '').toLowerCase();
  return ci !== '' && ci !== '0' && ci !== 'false';
}
