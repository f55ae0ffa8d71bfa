#!/usr/bin/env node
// Make the pinned real clients of the other coding agents available for `npm run test:targets`, and print
// where each one's program is.
//
// For every client of scripts/target-clients.json (or only the ones named on the command line: codex, copilot,
// gemini, opencode, qwen), installs the package at its exact version into .cache/<tool>/<version>/
// (git-ignored) only when it is not there and runnable yet. npm verifies every tarball against the registry;
// on top of that the installed package's integrity must be the pinned one. npm runs with --ignore-scripts;
// a package that needs its own install step (OpenCode's postinstall.mjs copies the native binary out of its
// platform package, no network) has it named in the pin and run explicitly. The machine's npm settings, CA
// bundle and proxies are used as they are. Each client is run once with `--version`, with HOME in a temporary
// folder so the real home is never touched. stdout: one line per client, `<tool>\t<program>`; exit 1 with a
// reason otherwise. agentpack itself never runs these clients; only the tests do.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pins = JSON.parse(readFileSync(join(root, 'scripts', 'target-clients.json'), 'utf8'));

function fail(message) {
  process.stderr.write(`ensure-clients: ${message}\n`);
  process.exit(1);
}

const asked = process.argv.slice(2);
for (const tool of asked) if (!(tool in pins)) fail(`unknown client "${tool}"; known: ${Object.keys(pins).join(', ')}`);
const tools = asked.length > 0 ? asked : Object.keys(pins);

/** The folder a client is installed in. */
function cacheDirOf(tool) {
  return join(root, '.cache', tool, pins[tool].version);
}

/** The package's folder inside an install folder. */
function packageDirIn(folder, pin) {
  return join(folder, 'node_modules', ...pin.package.split('/'));
}

/** The program the package's `bin` names, and whether Node runs it (a .js file) or it runs by itself. */
function programIn(folder, pin) {
  const dir = packageDirIn(folder, pin);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : Object.values(manifest.bin ?? {})[0];
  if (typeof bin !== 'string') throw new Error(`${pin.package} names no program in its package.json "bin"`);
  const path = join(dir, bin);
  return { path, node: /\.[cm]?js$/.test(path) };
}

/** `--version` of the client in `folder`, or why it does not run. */
function probeVersion(folder, pin) {
  let program;
  try {
    program = programIn(folder, pin);
  } catch (error) {
    return { ok: false, why: `${packageDirIn(folder, pin)} is not installed (${error.message})` };
  }
  if (!existsSync(program.path)) return { ok: false, why: `${program.path} does not exist` };
  const home = mkdtempSync(join(tmpdir(), 'agentpack-client-home-'));
  try {
    const env = { PATH: process.env.PATH ?? '', HOME: home, USERPROFILE: home, TMPDIR: home, CODEX_HOME: home, NO_COLOR: '1' };
    const [cmd, args] = program.node ? [process.execPath, [program.path, '--version']] : [program.path, ['--version']];
    const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000, env, cwd: home });
    if (r.error) return { ok: false, why: `${program.path} does not run (${r.error.code ?? r.error.message})` };
    const text = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    const line = text.split('\n').find((l) => l.includes(pin.version)) ?? '';
    if (r.status !== 0 || !new RegExp(`(^|[^0-9.])${pin.version.replace(/\./g, '\\.')}(?![0-9]|\\.[0-9])`).test(line)) {
      return { ok: false, why: `${program.path} --version printed "${text.trim().split('\n')[0]}" (exit ${r.status}), expected ${pin.version}` };
    }
    return { ok: true, line: line.trim(), program };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

function npmCommand(args) {
  const execPath = process.env.npm_execpath;
  if (execPath && /\.c?js$/.test(execPath)) return { cmd: process.execPath, args: [execPath, ...args], shell: false };
  return { cmd: process.platform === 'win32' ? 'npm.cmd' : 'npm', args, shell: process.platform === 'win32' };
}

/** The integrity npm recorded for the package in the install folder's hidden lockfile. */
function installedIntegrity(folder, pin) {
  try {
    const lock = JSON.parse(readFileSync(join(folder, 'node_modules', '.package-lock.json'), 'utf8'));
    return lock.packages?.[`node_modules/${pin.package}`]?.integrity;
  } catch {
    return undefined;
  }
}

function install(tool) {
  const pin = pins[tool];
  const cacheDir = cacheDirOf(tool);
  const staging = `${cacheDir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), `${JSON.stringify({ private: true, description: 'agentpack test cache' })}\n`);
  const spec = `${pin.package}@${pin.version}`;
  process.stderr.write(`ensure-clients: installing ${spec} into ${cacheDir}…\n`);
  const started = Date.now();
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
  // npm's own report goes to stderr: stdout is for the programs' paths only.
  const r = spawnSync(npm.cmd, npm.args, { cwd: staging, stdio: ['ignore', process.stderr, 'inherit'], shell: npm.shell });
  const cleanUp = () => rmSync(staging, { recursive: true, force: true });
  if (r.error || r.status !== 0) {
    cleanUp();
    fail(
      `npm install ${spec} failed (${r.error?.message ?? `exit ${r.status}`}); check the network and the npm registry, then run npm run targets:install again.`,
    );
  }
  const integrity = installedIntegrity(staging, pin);
  if (integrity !== pin.integrity) {
    cleanUp();
    fail(`${spec} was installed with integrity ${integrity ?? '(none recorded)'}, not the pinned ${pin.integrity}; refusing to use it.`);
  }
  if (pin.postinstall) {
    const pkgDir = packageDirIn(staging, pin);
    const post = spawnSync(process.execPath, [join(pkgDir, pin.postinstall)], { cwd: pkgDir, stdio: ['ignore', 'ignore', 'inherit'] });
    if (post.status !== 0) {
      cleanUp();
      fail(`${pin.postinstall} of ${spec} failed (exit ${post.status}). Is ${process.platform}-${process.arch} supported?`);
    }
  }
  const check = probeVersion(staging, pin);
  if (!check.ok) {
    cleanUp();
    fail(`${spec} does not run after installing: ${check.why}`);
  }
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(dirname(cacheDir), { recursive: true });
  try {
    renameSync(staging, cacheDir);
  } catch (error) {
    // Another run finished first: keep its copy when it works.
    cleanUp();
    if (!probeVersion(cacheDir, pin).ok) fail(`could not move the install into ${cacheDir}: ${error.message}`);
  }
  process.stderr.write(`ensure-clients: ${spec} installed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const lines = [];
for (const tool of tools) {
  const pin = pins[tool];
  let check = probeVersion(cacheDirOf(tool), pin);
  if (!check.ok) {
    if (existsSync(cacheDirOf(tool))) process.stderr.write(`ensure-clients: ${check.why}; reinstalling.\n`);
    install(tool);
    check = probeVersion(cacheDirOf(tool), pin);
    if (!check.ok) fail(check.why);
  }
  process.stderr.write(`ensure-clients: ${tool}: ${check.line}\n`);
  lines.push(`${tool}\t${check.program.path}`);
}
process.stdout.write(`${lines.join('\n')}\n`);
