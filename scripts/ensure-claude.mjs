#!/usr/bin/env node
// Make the pinned Claude Code available for `npm run test:claude`, and print the path of its binary.
//
// Installs @anthropic-ai/claude-code at the exact version of scripts/claude-code.json into
// .cache/claude-code/<version>/ (git-ignored) only when it is not there and runnable yet. npm is run with
// --ignore-scripts, then the package's own postinstall (install.cjs, no network: it copies the native
// binary from the platform sub-package) is run explicitly, because npm 11 skips dependency install scripts
// that are not allow-listed. stdout: the binary's path, nothing else. Exit 1 with a reason otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pin = JSON.parse(readFileSync(join(root, 'scripts', 'claude-code.json'), 'utf8'));
const cacheDir = join(root, '.cache', 'claude-code', pin.version);

/** Where the binary sits inside an install folder (the package's `bin` entry, on every platform). */
function binaryIn(folder) {
  return join(folder, 'node_modules', ...pin.package.split('/'), 'bin', 'claude.exe');
}

/** The version line of a binary, or an explanation of why it does not run. */
function probeVersion(bin) {
  if (!existsSync(bin)) return { ok: false, why: `${bin} does not exist` };
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, DISABLE_AUTOUPDATER: '1' } });
  if (r.error) return { ok: false, why: `${bin} does not run (${r.error.code ?? r.error.message})` };
  const line = (r.stdout ?? '').trim();
  if (r.status !== 0 || !line.startsWith(`${pin.version} `)) {
    return { ok: false, why: `${bin} --version printed "${line || (r.stderr ?? '').trim().split('\n')[0]}" (exit ${r.status}), expected ${pin.version}` };
  }
  return { ok: true, line };
}

function npmCommand(args) {
  const execPath = process.env.npm_execpath;
  if (execPath && /\.c?js$/.test(execPath)) return { cmd: process.execPath, args: [execPath, ...args], shell: false };
  return { cmd: process.platform === 'win32' ? 'npm.cmd' : 'npm', args, shell: process.platform === 'win32' };
}

function fail(message) {
  process.stderr.write(`ensure-claude: ${message}\n`);
  process.exit(1);
}

function install() {
  const staging = `${cacheDir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), `${JSON.stringify({ private: true, description: 'agentpack test cache' })}\n`);
  const spec = `${pin.package}@${pin.version}`;
  process.stderr.write(`ensure-claude: installing ${spec} into ${cacheDir} (about 400 MB on disk)…\n`);
  const npm = npmCommand([
    'install',
    '--prefix',
    staging,
    '--no-audit',
    '--no-fund',
    '--no-package-lock',
    '--ignore-scripts',
    '--include=optional',
    '--loglevel=error',
    spec,
  ]);
  const r = spawnSync(npm.cmd, npm.args, { cwd: staging, stdio: ['ignore', 'inherit', 'inherit'], shell: npm.shell });
  if (r.error || r.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    fail(
      `npm install ${spec} failed (${r.error?.message ?? `exit ${r.status}`}); check the network and the npm registry, then run npm run claude:install again.`,
    );
  }
  const pkgDir = dirname(dirname(binaryIn(staging)));
  const post = spawnSync(process.execPath, [join(pkgDir, 'install.cjs')], { cwd: pkgDir, stdio: ['ignore', 'inherit', 'inherit'] });
  const check = probeVersion(binaryIn(staging));
  if (post.status !== 0 || !check.ok) {
    rmSync(staging, { recursive: true, force: true });
    fail(
      `the native binary of ${spec} could not be put in place (install.cjs exit ${post.status}; ${check.why ?? 'ok'}). Is ${process.platform}-${process.arch} supported by Claude Code?`,
    );
  }
  rmSync(cacheDir, { recursive: true, force: true });
  try {
    renameSync(staging, cacheDir);
  } catch (error) {
    // Another run finished first: keep its copy when it works.
    rmSync(staging, { recursive: true, force: true });
    if (!probeVersion(binaryIn(cacheDir)).ok) fail(`could not move the install into ${cacheDir}: ${error.message}`);
  }
}

const bin = binaryIn(cacheDir);
const before = probeVersion(bin);
if (!before.ok) {
  if (existsSync(cacheDir)) process.stderr.write(`ensure-claude: ${before.why}; reinstalling.\n`);
  install();
  const after = probeVersion(bin);
  if (!after.ok) fail(after.why);
  process.stderr.write(`ensure-claude: ${after.line}\n`);
}
process.stdout.write(`${bin}\n`);
