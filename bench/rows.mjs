// The rows of the benchmark table: what each runs, its target (issue 7) and how to check it worked.
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaptured } from './measure.mjs';

const created = [];

/** Remove every temp HOME made by this run. */
export function cleanupHomes() {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A temp HOME and a clean environment (LANG=C, no colour, no inherited Claude variables). */
export function isolatedHome(prefix = 'agentpack-bench-home-') {
  const home = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  created.push(home);
  mkdirSync(join(home, 'tmp'));
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, USERPROFILE: home, TMPDIR: join(home, 'tmp'), LANG: 'C', NO_COLOR: '1' };
  return { home, env };
}

/**
 * Whether this build has a subcommand: its own help (`Usage: agentpack <command> …`) is printed, not the
 * program's; optionally, whether that help lists an option.
 */
function hasCommand(bin, command, option) {
  const { env, home } = isolatedHome();
  const r = runCaptured({ argv: [bin, command, '--help'], env, cwd: home });
  if (r.status !== 0 || !r.stdout.includes(`agentpack ${command}`)) return false;
  return option === undefined || r.stdout.includes(option);
}

const expectExit0 = (r) => (r.status === 0 ? undefined : `exit ${r.status}: ${r.stderr.trim().split('\n')[0] ?? ''}`);

/**
 * Build the row list. `trees.validate` is the 10,000-file catalog, `trees.list` the 1,000-agent one
 * (generated lazily by `ensureListTree` because only the list row needs it).
 */
export function defineRows(options) {
  const { bin, version, validateTree, validateFiles, ensureListTree } = options;
  const shared = isolatedHome();
  const simple = (argv) => () => ({ argv: [bin, ...argv], env: shared.env, cwd: shared.home });
  const installAvailable = () => (hasCommand(bin, 'install') ? { ok: true } : { ok: false, reason: 'command not available' });
  const localeAvailable = () => (hasCommand(bin, 'locale') && hasCommand(bin, 'install') ? { ok: true } : { ok: false, reason: 'command not available' });
  let listHome;

  return [
    {
      id: 'version',
      label: 'agentpack --version',
      target: { kind: 'ratio', max: 1.25 },
      round: simple(['--version']),
      verify: (r) => expectExit0(r) ?? (r.stdout.trim() === version ? undefined : `printed ${JSON.stringify(r.stdout.trim())}, expected ${version}`),
    },
    {
      id: 'help',
      label: 'agentpack --help',
      target: { kind: 'ratio', max: 1.35 },
      round: simple(['--help']),
      verify: (r) => expectExit0(r) ?? (r.stdout.includes('agentpack') && r.stdout.includes('validate') ? undefined : 'help text lacks the commands'),
    },
    {
      id: 'list-json',
      label: 'agentpack list --json (empty HOME)',
      target: { kind: 'ratio', max: 1.6 },
      round: simple(['list', '--json']),
      verify: (r) => expectExit0(r) ?? (JSON.parse(r.stdout).agents?.some((a) => a.name === 'ml-engineer') ? undefined : 'ml-engineer not listed'),
    },
    {
      id: 'show',
      label: 'agentpack show ml-engineer --locale ja',
      target: { kind: 'ratio', max: 1.6 },
      round: simple(['show', 'ml-engineer', '--locale', 'ja']),
      verify: (r) =>
        expectExit0(r) ?? (r.stdout.startsWith('---\nname: ml-engineer\n') && /[\u3040-\u30ff]/.test(r.stdout) ? undefined : 'not the Japanese render'),
    },
    {
      id: 'install',
      label: 'agentpack install ml-engineer (fresh HOME)',
      target: { kind: 'ratio', max: 1.8 },
      available: installAvailable,
      round: () => {
        const { env, home } = isolatedHome();
        return { argv: [bin, 'install', 'ml-engineer'], env, cwd: home };
      },
      verify: expectExit0,
    },
    {
      id: 'locale',
      label: 'agentpack locale ja (after install, fresh HOME)',
      target: { kind: 'ratio', max: 1.8 },
      available: localeAvailable,
      round: () => {
        const { env, home } = isolatedHome();
        const setup = runCaptured({ argv: [bin, 'install', 'ml-engineer', '--locale', 'en'], env, cwd: home });
        if (setup.status !== 0) throw new Error(`install before locale failed: ${setup.stderr}`);
        return { argv: [bin, 'locale', 'ja'], env, cwd: home };
      },
      verify: expectExit0,
    },
    {
      id: 'validate',
      label: `agentpack validate (${validateFiles.toLocaleString('en')} files)`,
      target: { kind: 'throughput', minFilesPerSec: 5000, maxRssMb: 150, files: validateFiles },
      round: () => ({ argv: [bin, 'validate', '.'], env: shared.env, cwd: validateTree }),
      verifyArgv: [bin, 'validate', '.', '--json'],
      verify: (r) => {
        const failed = expectExit0(r);
        if (failed) return failed;
        const summary = JSON.parse(r.stdout).summary;
        return summary.files === validateFiles && summary.errors === 0 ? undefined : `summary ${JSON.stringify(summary)}`;
      },
    },
    {
      id: 'list-1000',
      label: 'agentpack list (1,000 agents installed)',
      target: { kind: 'ratio', max: 2.5 },
      available: () => (hasCommand(bin, 'install', '--from') ? { ok: true } : { ok: false, reason: 'command not available' }),
      prepare: () => {
        const tree = ensureListTree();
        listHome = isolatedHome();
        const r = runCaptured({ argv: [bin, 'install', '--all', '--from', tree, '--locale', 'en'], env: listHome.env, cwd: listHome.home });
        if (r.status !== 0) throw new Error(`install --all --from failed: ${r.stderr.split('\n').slice(0, 3).join(' ')}`);
      },
      round: () => ({ argv: [bin, 'list'], env: listHome.env, cwd: listHome.home }),
      verifyArgv: [bin, 'list', '--json'],
      verify: (r) => {
        const failed = expectExit0(r);
        if (failed) return failed;
        const agents = JSON.parse(r.stdout).agents ?? [];
        // The package's own agents are listed; the 1,000 installed from the folder are read from the user scope.
        return agents.some((a) => a.name === 'ml-engineer') ? undefined : 'ml-engineer not listed';
      },
    },
  ];
}
