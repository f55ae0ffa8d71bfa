import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AGENT, packageRenders } from '../helpers/agentpack.js';
import { isolatedEnv, runCli } from '../helpers/cli.js';
import { FIXTURES_DIR } from '../../scripts/generate-source-fixtures.js';

// The short options users type first (DESIGN §6): -p/--project, -g/--global (= --user), -l/--locale,
// -f/--force, -n/--dry-run, -y/--yes, -a/--all, and the global -v/--verbose, -q/--quiet.

/** A home with a project (a .git folder) to run in. */
function world() {
  const { env, home } = isolatedEnv();
  const project = join(home, 'proj');
  mkdirSync(join(project, '.git'), { recursive: true });
  return { env, home, project, user: join(home, '.claude', 'agents'), projectAgents: join(project, '.claude', 'agents') };
}

const TERMS: Record<string, string[]> = {
  install: ['-a, --all', '-l, --locale', '-g, --user', '-p, --project', '-f, --force', '-n, --dry-run', '-y, --yes'],
  uninstall: ['-g, --user', '-p, --project', '-f, --force', '-n, --dry-run', '-y, --yes'],
  locale: ['-g, --user', '-p, --project', '-f, --force', '-n, --dry-run', '-y, --yes'],
  update: ['-g, --user', '-p, --project', '-f, --force', '-n, --dry-run', '-y, --yes'],
  show: ['-l, --locale', '-g, --user', '-p, --project'],
  diff: ['-l, --locale', '-g, --user', '-p, --project'],
  list: ['-g, --user', '-p, --project'],
  status: ['-g, --user', '-p, --project'],
  'i18n stamp': ['-l, --locale'],
};

describe('short options', () => {
  it.each(Object.entries(TERMS))('%s --help names them, with -v and -q, in both languages', async (command, terms) => {
    for (const lang of ['en', 'ja']) {
      const r = await runCli([...command.split(' '), '--help', '--lang', lang]);
      expect(r.code).toBe(0);
      for (const term of [...terms, '-v, --verbose', '-q, --quiet']) expect(r.stdout, `${command} (${lang}): ${term}`).toContain(`  ${term}`);
    }
  });

  it('each does what its long option does: -p -l ja -n is --project --locale ja --dry-run', async () => {
    const w = world();
    const short = await runCli(['install', AGENT, '-p', '-l', 'ja', '-n'], { env: w.env, cwd: w.project });
    const long = await runCli(['install', AGENT, '--project', '--locale', 'ja', '--dry-run'], { env: w.env, cwd: w.project });
    expect(short.code, short.stderr).toBe(0);
    expect(short).toEqual(long);
    expect(short.stdout).toContain(w.projectAgents);
    expect(existsSync(w.projectAgents)).toBe(false);
    const { ja } = await packageRenders();
    expect((await runCli(['install', AGENT, '-p', '-l', 'ja'], { env: w.env, cwd: w.project })).code).toBe(0);
    expect(readFileSync(join(w.projectAgents, `${AGENT}.md`), 'utf8')).toBe(ja);
    expect(existsSync(w.user)).toBe(false);
  });

  it('-g, --global and --user all name the user folder, and together with -p are one scope too many', async () => {
    for (const flag of ['-g', '--global', '--user']) {
      const w = world();
      const r = await runCli(['install', AGENT, flag], { env: w.env, cwd: w.project });
      expect(r.code, `${flag}: ${r.stderr}`).toBe(0);
      expect(readdirSync(w.user), flag).toContain(`${AGENT}.md`);
      expect(existsSync(w.projectAgents), flag).toBe(false);
    }
    const w = world();
    const both = await runCli(['install', AGENT, '-g', '-p'], { env: w.env, cwd: w.project });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('error USAGE: Choose only one of --user, --project and --dir.');
  });

  it('-a installs every agent, -f replaces an edited copy (keeping a backup), -n on uninstall changes nothing', async () => {
    const w = world();
    const dir = join(w.home, 'out');
    expect((await runCli(['install', '-a', '--dir', dir], { env: w.env })).code).toBe(0);
    const file = join(dir, `${AGENT}.md`);
    writeFileSync(file, `${readFileSync(file, 'utf8')}my note\n`);
    const refused = await runCli(['install', AGENT, '--dir', dir], { env: w.env });
    expect(refused.code).toBe(1);
    const forced = await runCli(['install', AGENT, '--dir', dir, '-f'], { env: w.env });
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('my note');
    expect(readdirSync(dir).some((f) => f.startsWith(`${AGENT}.md.`) && f !== `${AGENT}.md`)).toBe(true);
    const dry = await runCli(['uninstall', AGENT, '--dir', dir, '-n'], { env: w.env });
    expect(dry.code).toBe(0);
    expect(existsSync(file)).toBe(true);
  });
});

describe('-y/--yes: never ask, never widen', () => {
  it('is accepted by every command that could ask, and changes nothing about what they do', async () => {
    const w = world();
    const dir = join(w.home, 'out');
    for (const args of [['install', AGENT], ['locale', 'ja'], ['update'], ['uninstall', AGENT]]) {
      const plain = await runCli([...args, '--dir', dir, '-n'], { env: w.env });
      const yes = await runCli([...args, '--dir', dir, '-n', '-y'], { env: w.env });
      expect(yes, args.join(' ')).toEqual(plain);
      expect((await runCli([...args, '--dir', dir, '--yes'], { env: w.env })).code, args.join(' ')).toBe(0);
    }
  });

  it('without names it installs nothing (a usage error, as without -y), and with a name only that agent', async () => {
    const w = world();
    const dir = join(w.home, 'out');
    for (const lang of ['en', 'ja']) {
      const r = await runCli(['install', '-y', '--from', join(FIXTURES_DIR, 'team'), '--dir', dir, '--lang', lang], { env: w.env });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(lang === 'en' ? /^error USAGE: Name at least one agent, or use --all\./ : /^エラー USAGE: /);
      expect(existsSync(dir)).toBe(false);
    }
    const one = await runCli(['install', 'pr-describer', '-y', '--from', join(FIXTURES_DIR, 'team'), '--dir', dir], { env: w.env });
    expect(one.code, one.stderr).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.md'))).toEqual(['pr-describer.md']);
  });
});

describe('-v/--verbose and -q/--quiet', () => {
  it('are accepted before or after any command; list and status print what they find either way', async () => {
    const w = world();
    for (const args of [['list'], ['status']]) {
      const plain = await runCli(args, { env: w.env, cwd: w.project });
      for (const extra of [['-v'], ['--quiet']]) {
        expect(await runCli([...args, ...extra], { env: w.env, cwd: w.project }), `${args.join(' ')} ${extra.join(' ')}`).toEqual(plain);
        expect(await runCli([...extra, ...args], { env: w.env, cwd: w.project }), `${extra.join(' ')} ${args.join(' ')}`).toEqual(plain);
      }
    }
  });

  it('a dry run of one agent: its plan line is the summary, -v prints the same, -q only the summary line', async () => {
    const w = world();
    const args = ['install', AGENT, '-n'];
    const plain = await runCli(args, { env: w.env, cwd: w.project });
    expect(plain.stdout).toMatch(/^Dry run, nothing was changed\. Plan for .* \(user\):\n {2}create {2}ml-engineer\.md {2}en {2}not installed\n/);
    const dir = join(w.home, '.claude', 'agents');
    const quiet = { code: 0, stdout: `Would install 1 agent into ${dir}; 0 would be skipped\n`, stderr: '' };
    for (const extra of [['-v'], ['--verbose']]) expect(await runCli([...args, ...extra], { env: w.env, cwd: w.project })).toEqual(plain);
    expect(await runCli([...args, '-q'], { env: w.env, cwd: w.project })).toEqual(quiet);
    expect(await runCli(['-q', ...args], { env: w.env, cwd: w.project })).toEqual(quiet);
    const ja = await runCli([...args, '-q', '--lang', 'ja'], { env: w.env, cwd: w.project });
    expect(ja).toEqual({ code: 0, stdout: `1 個のエージェントを ${dir} にインストールします。スキップ予定: 0 個。\n`, stderr: '' });
  });

  it('in a group, as npm and git users type them: -nq is -n -q, -pnl ja is -p -n -l ja; a value is never split', async () => {
    const w = world();
    const run = (args: string[]) => runCli(args, { env: w.env, cwd: w.project });
    const dir = join(w.home, '.claude', 'agents');
    for (const group of [['-nq'], ['-qn']]) {
      expect(await run(['install', AGENT, ...group]), group.join(' ')).toEqual({
        code: 0,
        stdout: `Would install 1 agent into ${dir}; 0 would be skipped\n`,
        stderr: '',
      });
    }
    const nv = await run(['install', AGENT, '-nv']);
    expect(nv.code, nv.stderr).toBe(0);
    expect(nv).toEqual(await run(['install', AGENT, '-n', '-v']));
    const grouped = await run(['install', AGENT, '-pnl', 'ja']);
    expect(grouped.code, grouped.stderr).toBe(0);
    expect(grouped).toEqual(await run(['install', AGENT, '--project', '--dry-run', '--locale', 'ja']));
    expect(grouped.stdout).toContain(w.projectAgents);
    const nlja = await run(['install', AGENT, '-nlja']);
    expect(nlja.code, nlja.stderr).toBe(0);
    expect(nlja.stdout).toContain('ja');
    expect(nlja).toEqual(await run(['install', AGENT, '-n', '-l', 'ja']));
    // The value of --dir is a folder name, even one that looks like a group of flags.
    const odd = await run(['install', AGENT, '--dir', '-nq', '-n']);
    expect(odd.code, odd.stderr).toBe(0);
    expect(odd.stdout).toContain(join(w.project, '-nq'));
    // A letter no command has is still an unknown option, named as typed after the split.
    const unknown = await run(['install', AGENT, '-nz']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('error USAGE: Unknown option -z.');
    expect(existsSync(w.projectAgents)).toBe(false);
    expect(existsSync(dir)).toBe(false);
  });

  it('cannot be given together', async () => {
    const r = await runCli(['list', '-v', '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error USAGE: --verbose cannot be used together with --quiet.');
  });
});
