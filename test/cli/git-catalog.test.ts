import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, ROOT, runCli, tempDir } from '../helpers/cli.js';
import { commitAll, fixtureRepo, git, gitEnv } from '../helpers/git.js';

// --from <git URL>: the user's own git clones into the cache, the checkout is read as a --from folder, the
// manifest records URL and commit, update fetches again. Every repository is local (file://), and git is
// told to refuse any other protocol (helpers/git.ts), so no test reaches the network.

const manifestOf = (home: string): { agents: Record<string, { source?: { from: string; root: string; git?: Record<string, string> } }> } =>
  JSON.parse(readFileSync(join(home, '.claude', 'agents', '.agentpack.json'), 'utf8'));

/** The commit folders of the cache (one per URL, one per commit inside), and any temporary clone left behind. */
function cacheContents(cache: string): { commits: string[]; leftovers: string[] } {
  const root = join(cache, 'agentpack', 'git');
  const commits: string[] = [];
  const leftovers: string[] = [];
  for (const repo of existsSync(root) ? readdirSync(root) : []) {
    for (const name of readdirSync(join(root, repo))) {
      if (/^[0-9a-f]{40}$/.test(name)) commits.push(name);
      else if (name.startsWith('.tmp-')) leftovers.push(name);
    }
  }
  return { commits: commits.sort(), leftovers };
}

describe('--from a git repository (file://)', () => {
  it('list clones into the cache once, says so on stderr in English and Japanese, and reads the checkout as a folder', async () => {
    const { env, cache } = gitEnv();
    const repo = fixtureRepo({ fixture: 'ja-mirror', env });
    const first = await runCli(['list', '--from', repo.url], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^api-designer\s+en, ja\s/m);
    expect(first.stdout).toMatch(/^task-divider\s+ja\s/m);
    expect(first.stderr).toContain(`Cloning ${repo.url} into ${join(cache, 'agentpack', 'git')}`);
    expect(cacheContents(cache)).toEqual({ commits: [repo.commit], leftovers: [] });
    // A read-only run again: the fresh cache is reused, git is not run (nothing said), the same list.
    const again = await runCli(['list', '--from', repo.url], { env });
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe(first.stdout);
    // --json: stdout is the envelope alone; the notice stays on stderr.
    const { env: other } = gitEnv();
    const json = await runCli(['list', '--json', '--lang', 'ja', '--from', repo.url], { env: other });
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { ok: boolean; agents: { name: string }[]; from: string; git: unknown };
    expect(parsed.ok).toBe(true);
    expect(parsed.from).toBe(repo.url);
    expect(parsed.git).toEqual({ url: repo.url, commit: repo.commit });
    expect(parsed.agents.map((a) => a.name)).toContain('api-designer');
    expect(json.stderr).toMatch(new RegExp(`^${repo.url} を .*agentpack/git/[0-9a-f]+ にクローンしています…$`, 'm'));
  });

  it('install from a file:// catalog (as install --from and as the positional of add) records URL and commit; list and status show them', async () => {
    const { env, home } = gitEnv();
    const repo = fixtureRepo({ fixture: 'ja-mirror', env });
    const installed = await runCli(['add', repo.url, 'api-designer', '--locale', 'ja'], { env });
    expect(installed.code, installed.stderr).toBe(0);
    expect(readFileSync(join(home, '.claude', 'agents', 'api-designer.md'), 'utf8')).toContain('コードを書く前に');
    const viaFrom = await runCli(['install', '--from', repo.url, 'cache-tuner'], { env });
    expect(viaFrom.code, viaFrom.stderr).toBe(0);
    // install asks the remote again (a write), and finds the commit it has.
    expect(viaFrom.stderr).toContain(`Fetching ${repo.url}`);
    const entries = manifestOf(home).agents;
    for (const agent of ['api-designer', 'cache-tuner']) {
      expect(entries[agent]?.source?.git).toEqual({ url: repo.url, commit: repo.commit });
      expect(entries[agent]?.source?.from).toBe(repo.url);
      expect(entries[agent]?.source?.root).toMatch(new RegExp(`agentpack/git/[0-9a-f]+/${repo.commit}$`));
    }
    const short = repo.commit.slice(0, 7);
    const list = await runCli(['list'], { env });
    expect(list.stdout).toMatch(new RegExp(`^api-designer .* ${repo.url.replace(/[.]/g, '\\.')} @ ${short}: \\.claude/agents/backend/api-designer\\.md`, 'm'));
    const status = await runCli(['status', '--json'], { env });
    expect(status.stdout).toContain(`"commit": "${repo.commit}"`);
    expect(status.stdout).toContain(`"url": "${repo.url}"`);
    const human = await runCli(['status', '--lang', 'ja'], { env });
    expect(human.stdout).toContain(`${repo.url} @ ${short}`);
    // Nothing was fetched for these read-only reports.
    expect(list.stderr + status.stderr + human.stderr).not.toMatch(/Cloning|Fetching|クローン|取得しています/);
    // uninstall --from the URL removes what came from it, without fetching anything.
    const removed = await runCli(['uninstall', '--from', repo.url], { env });
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stderr).toBe('');
    expect(existsSync(join(home, '.claude', 'agents', 'api-designer.md'))).toBe(false);
    expect(existsSync(join(home, '.claude', 'agents', 'cache-tuner.md'))).toBe(false);
  });

  it('update fetches again, reports old → new commit, updates the unmodified file and refuses the edited one', async () => {
    const { env, home } = gitEnv();
    const repo = fixtureRepo({ fixture: 'ja-mirror', env });
    expect((await runCli(['install', '--from', repo.url, 'api-designer', 'cache-tuner'], { env })).code).toBe(0);
    const api = join(repo.dir, '.claude', 'agents', 'backend', 'api-designer.md');
    const cacheFile = join(repo.dir, '.claude', 'agents', 'backend', 'cache-tuner.md');
    writeFileSync(api, readFileSync(api, 'utf8').replace('before any code is written', 'before the first line of code'));
    writeFileSync(cacheFile, readFileSync(cacheFile, 'utf8').replace('poor hit rate', 'low hit rate'));
    const next = commitAll({ dir: repo.dir, env, message: 'sharper descriptions' });
    const edited = join(home, '.claude', 'agents', 'cache-tuner.md');
    const mine = `${readFileSync(edited, 'utf8')}\nMy own note.\n`;
    writeFileSync(edited, mine);

    // Read-only commands do not fetch: list still shows the installed commit.
    const before = await runCli(['list'], { env });
    expect(before.stdout).toContain(`@ ${repo.commit.slice(0, 7)}`);

    const update = await runCli(['update'], { env });
    expect(update.code).toBe(1);
    expect(update.stderr).toContain(`${repo.url}: ${repo.commit.slice(0, 7)} → ${next.slice(0, 7)}`);
    expect(readFileSync(join(home, '.claude', 'agents', 'api-designer.md'), 'utf8')).toContain('before the first line of code');
    expect(update.stdout + update.stderr).toContain('agentpack update cache-tuner --force');
    expect(readFileSync(edited, 'utf8')).toBe(mine);
    const entries = manifestOf(home).agents;
    expect(entries['api-designer']?.source?.git?.['commit']).toBe(next);
    expect(entries['api-designer']?.source?.root).toMatch(new RegExp(`/${next}$`));
    expect(entries['cache-tuner']?.source?.git?.['commit']).toBe(repo.commit);

    // --json carries the change as data (cache-tuner, left alone, is still at the first commit).
    const json = await runCli(['update', '--json'], { env });
    const body = JSON.parse(json.stdout) as { repositories?: { from: string; url: string; before: string; after: string; changed: boolean }[] };
    expect(body.repositories).toEqual([{ from: repo.url, url: repo.url, before: repo.commit, after: next, changed: true }]);

    // Nothing new: said so in Japanese, nothing rewritten.
    const { env: jaEnv } = { env: { ...env, LANG: 'ja_JP.UTF-8' } };
    expect((await runCli(['update', 'api-designer'], { env: jaEnv })).stderr).toContain(`${repo.url}: ${next.slice(0, 7)}（新しいコミットはありません）`);

    // update --from the URL: the same, through the --from path.
    const viaFrom = await runCli(['update', '--from', repo.url, 'api-designer'], { env });
    expect(viaFrom.code, viaFrom.stderr).toBe(0);
    expect(viaFrom.stderr).toContain(`${repo.url}: ${next.slice(0, 7)} (no new commit)`);
    const viaFromJson = JSON.parse((await runCli(['update', '--from', repo.url, 'api-designer', '--json'], { env })).stdout) as { repositories?: unknown };
    expect(viaFromJson.repositories).toEqual([{ from: repo.url, url: repo.url, before: next, after: next, changed: false }]);
    // A package-only update fetches nothing and has no repositories key (control).
    const plain = isolatedEnv().env;
    expect((await runCli(['install', 'ml-engineer'], { env: plain })).code).toBe(0);
    expect(JSON.parse((await runCli(['update', '--json'], { env: plain })).stdout)).not.toHaveProperty('repositories');
  });

  it('a cleared cache: list, status and diff say the checkout is gone and that update fetches it again; update does', async () => {
    const { env, home, cache } = gitEnv();
    const repo = fixtureRepo({ fixture: 'ja-mirror', env });
    expect((await runCli(['install', '--from', repo.url, 'api-designer'], { env })).code).toBe(0);
    rmSync(cache, { recursive: true });
    const hint = "That was agentpack's cached copy of the git repository (the cache was cleared): agentpack update fetches it again.";
    const list = await runCli(['list'], { env });
    expect(list.stderr).toContain('warning SOURCE_NOT_FOUND');
    expect(list.stderr).toContain(hint);
    const status = await runCli(['status'], { env });
    expect(status.stdout + status.stderr).toContain(hint);
    const diff = await runCli(['diff', 'api-designer', '--lang', 'ja'], { env });
    expect(diff.code).toBe(1);
    expect(diff.stderr).toContain('agentpack update で取得し直せます。');
    const update = await runCli(['update'], { env });
    expect(update.code, update.stderr).toBe(0);
    expect(update.stderr).toContain(`Cloning ${repo.url}`);
    expect(update.stderr).toContain(`${repo.url}: ${repo.commit.slice(0, 7)} (no new commit)`);
    const after = await runCli(['list'], { env });
    expect(after.stderr).toBe('');
    expect(existsSync(manifestOf(home).agents['api-designer']?.source?.root ?? '')).toBe(true);
    // Negative control: a folder (not a repository) that vanished keeps the folder's hint.
    const folder = join(tempDir(), 'catalog');
    cpSync(repo.dir, folder, { recursive: true });
    expect((await runCli(['install', '--from', folder, 'cache-tuner'], { env })).code).toBe(0);
    rmSync(folder, { recursive: true });
    const gone = await runCli(['list'], { env });
    expect(gone.stderr).toContain('agentpack update --from <new folder>');
    expect(gone.stderr).not.toContain('cached copy');
  });

  it('a file:// URL that does not exist is GIT_FETCH_FAILED (exit 1) with git reason on its own line, in English and Japanese', async () => {
    const { env } = gitEnv();
    const url = pathToFileURL(join(tempDir(), 'no-such-repo')).href;
    const en = await runCli(['list', '--from', url], { env });
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(`error GIT_FETCH_FAILED: git could not fetch ${url}. git said:\n  fatal: `);
    expect(en.stderr).toMatch(/does not appear to be a git repository/);
    expect(en.stderr).not.toMatch(/INTERNAL|\n\s+at /);
    // Nothing is left in the cache for a URL that could not be fetched.
    expect(readdirSync(join(env['XDG_CACHE_HOME'] ?? '', 'agentpack', 'git'))).toEqual([]);
    const ja = await runCli(['install', '--lang', 'ja', '--from', url, 'x', '--json'], { env });
    expect(ja.code).toBe(1);
    const body = JSON.parse(ja.stdout) as { ok: boolean; error: { code: string; message: string; hint: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('GIT_FETCH_FAILED');
    const [sentence, reason] = body.error.message.split('\n');
    expect(sentence).toBe(`git で ${url} を取得できませんでした。git の出力:`);
    expect(reason).toMatch(/^ {2}fatal: .*does not appear to be a git repository/);
    expect(body.error.hint).toContain('agentpack list --from <フォルダー>');
  });

  it('github:<owner>/<repo> is https://github.com/<owner>/<repo>.git (mapped to a local repository by url.insteadOf)', async () => {
    const mirror = tempDir('agentpack-mirror-');
    const { env, home } = gitEnv({ config: `[url "${pathToFileURL(mirror).href}/"]\n\tinsteadOf = https://github.com/\n` });
    const work = fixtureRepo({ fixture: 'ja-mirror', env });
    mkdirSync(join(mirror, 'acme'));
    git({ args: ['clone', '--quiet', '--bare', work.dir, join(mirror, 'acme', 'agents.git')], cwd: mirror, env });
    const r = await runCli(['add', 'github:acme/agents', 'release-planner'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Cloning https://github.com/acme/agents.git into ');
    const entry = manifestOf(home).agents['release-planner'];
    expect(entry?.source?.from).toBe('github:acme/agents');
    expect(entry?.source?.git).toEqual({ url: 'https://github.com/acme/agents.git', commit: work.commit });
    // Negative control: without the mapping git is not allowed to reach github.com, and says why.
    const { env: plain } = gitEnv();
    const refused = await runCli(['list', '--from', 'github:acme/agents'], { env: plain });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('GIT_FETCH_FAILED');
    expect(refused.stderr).toMatch(/transport 'https' not allowed/);
  });

  it('a branch, a tag and a folder after #; a ref that does not exist is GIT_REF_NOT_FOUND', async () => {
    const { env } = gitEnv();
    const repo = fixtureRepo({ fixture: 'ja-mirror', env });
    git({ args: ['tag', '-a', 'v1', '-m', 'v1'], cwd: repo.dir, env });
    git({ args: ['checkout', '--quiet', '-b', 'next'], cwd: repo.dir, env });
    writeFileSync(join(repo.dir, '.claude', 'agents', 'ops', 'new-agent.md'), '---\nname: new-agent\ndescription: Only on the next branch.\n---\n\nBody.\n');
    commitAll({ dir: repo.dir, env, message: 'next' });
    git({ args: ['checkout', '--quiet', 'main'], cwd: repo.dir, env });
    const main = await runCli(['list', '--from', repo.url], { env });
    expect(main.stdout).not.toContain('new-agent');
    const branch = await runCli(['list', '--from', `${repo.url}#next`], { env });
    expect(branch.code, branch.stderr).toBe(0);
    expect(branch.stdout).toMatch(/^new-agent\s/m);
    const tag = await runCli(['list', '--from', `${repo.url}#v1`], { env });
    expect(tag.code, tag.stderr).toBe(0);
    expect(tag.stdout).toMatch(/^api-designer\s/m);
    const folder = await runCli(['list', '--from', `${repo.url}#next:.claude/agents/ops`], { env });
    expect(folder.code, folder.stderr).toBe(0);
    expect(folder.stdout).toMatch(/^new-agent\s/m);
    expect(folder.stdout).not.toContain('api-designer');
    const missing = await runCli(['list', '--from', `${repo.url}#no-such-branch`], { env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`error GIT_REF_NOT_FOUND: ${repo.url} has no branch or tag named no-such-branch.`);
  });

  it('a repository without agents is GIT_NO_AGENTS; a malformed URL is a usage error (exit 2)', async () => {
    const { env } = gitEnv();
    const dir = join(tempDir(), 'docs-only');
    mkdirSync(dir);
    writeFileSync(join(dir, 'README.md'), '# Only a readme\n');
    git({ args: ['init', '--quiet'], cwd: dir, env });
    commitAll({ dir, env, message: 'docs' });
    const empty = await runCli(['list', '--lang', 'ja', '--from', pathToFileURL(dir).href], { env });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain(`エラー GIT_NO_AGENTS: ${pathToFileURL(dir).href} にはエージェント定義がありません。`);
    for (const bad of ['http://example.com/r.git', 'github:only-owner', 'https://me:token@example.com/r.git']) {
      const r = await runCli(['list', '--from', bad], { env });
      expect(r.code, bad).toBe(2);
      expect(r.stderr, bad).toContain(`error GIT_SOURCE_INVALID: ${bad} is not a git repository agentpack can fetch.`);
    }
  });

  it('i18n stamp refuses a repository (it would write into the cached checkout) and names the clone to stamp in', async () => {
    const { env, cache } = gitEnv();
    const r = await runCli(['i18n', 'stamp', 'api-designer', '--locale', 'ja', '--from', 'github:acme/agents'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("i18n stamp writes into the translation file, so it does not stamp agentpack's cached copy of github:acme/agents");
    expect(r.stderr).toContain('git clone https://github.com/acme/agents.git');
    expect(existsSync(cache)).toBe(false);
  });

  it('add <repository> with no names and no terminal is the usage error, with a hint that keeps the source', async () => {
    const { env } = gitEnv();
    const r = await runCli(['add', 'github:acme/agents'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'error USAGE: Name at least one agent, or use --all. The agents of github:acme/agents: agentpack list --from github:acme/agents',
    );
    // Nothing was fetched for a usage error.
    expect(r.stderr).not.toContain('Cloning');
    // A plain agent name stays an agent name.
    const name = await runCli(['add', 'github:reviewer'], { env });
    expect(name.stderr).toContain('AGENT_UNKNOWN');
  });

  it('git missing from PATH is GIT_NOT_FOUND (exit 1) with how to install it or use a folder', async () => {
    const emptyPath = tempDir('agentpack-nogit-');
    const { env } = gitEnv({ extra: { PATH: emptyPath } });
    const r = await runCli(['list', '--from', 'file:///tmp/whatever'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error GIT_NOT_FOUND: git was not found on PATH');
    expect(r.stderr).toContain('agentpack list --from <folder>');
    // Negative control: the same PATH with git in it fetches.
    const withGit = tempDir('agentpack-withgit-');
    const real = (process.env['PATH'] ?? '')
      .split(':')
      .map((d) => join(d, 'git'))
      .find((p) => existsSync(p));
    symlinkSync(real ?? 'git', join(withGit, 'git'));
    const repo = fixtureRepo({ fixture: 'ja-mirror', env: gitEnv().env });
    const ok = await runCli(['list', '--from', repo.url], { env: { ...env, PATH: withGit } });
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('two concurrent installs from the same new URL both succeed, leaving one checkout and no temporary clone', async () => {
    const { env, home, cache } = gitEnv();
    const repo = fixtureRepo({ fixture: 'ja-mirror', env });
    const [a, b] = await Promise.all([
      runCli(['install', '--from', repo.url, 'api-designer', '--dir', join(home, 'a')], { env, timeoutMs: 60_000 }),
      runCli(['install', '--from', repo.url, 'api-designer', '--dir', join(home, 'b')], { env, timeoutMs: 60_000 }),
    ]);
    expect(a?.code, a?.stderr).toBe(0);
    expect(b?.code, b?.stderr).toBe(0);
    expect(readFileSync(join(home, 'a', 'api-designer.md'), 'utf8')).toBe(readFileSync(join(home, 'b', 'api-designer.md'), 'utf8'));
    expect(cacheContents(cache)).toEqual({ commits: [repo.commit], leftovers: [] });
  });

  it('git is not pointed at another repository by GIT_DIR or GIT_WORK_TREE in the environment (a git hook, say)', async () => {
    const { env, home } = gitEnv();
    const repo = fixtureRepo({ fixture: 'ja-mirror', env });
    const other = fixtureRepo({ fixture: 'names', env });
    const r = await runCli(['install', '--from', repo.url, 'api-designer'], { env: { ...env, GIT_DIR: join(other.dir, '.git'), GIT_WORK_TREE: other.dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(manifestOf(home).agents['api-designer']?.source?.git?.['commit']).toBe(repo.commit);
    expect(git({ args: ['status', '--porcelain'], cwd: other.dir, env })).toBe('');
  });

  it('the git runner is loaded only for a repository (dist/cli-git.cjs)', async () => {
    const { env } = gitEnv();
    const repo = fixtureRepo({ fixture: 'ja-mirror', env });
    const preload = join(tempDir(), 'record.cjs');
    writeFileSync(preload, "process.on('exit', () => require('node:fs').writeFileSync(process.env.OUT, Object.keys(require.cache).join('\\n')));\n");
    const loaded = async (from: string): Promise<string[]> => {
      const out = join(tempDir(), 'modules.txt');
      const r = await runCli(['list', '--from', from], { env: { ...env, NODE_OPTIONS: `--require ${preload}`, OUT: out } });
      expect(r.code, r.stderr).toBe(0);
      return readFileSync(out, 'utf8')
        .split('\n')
        .filter((p) => p.startsWith(join(ROOT, 'dist')));
    };
    const folder = await loaded(repo.dir);
    expect(folder).toContain(join(ROOT, 'dist', 'cli-action-list.cjs'));
    expect(folder).not.toContain(join(ROOT, 'dist', 'cli-git.cjs'));
    expect(await loaded(repo.url)).toContain(join(ROOT, 'dist', 'cli-git.cjs'));
  });
});
