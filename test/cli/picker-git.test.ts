import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureRepo, gitEnv } from '../helpers/git.js';
import { KEY, runInPty } from '../helpers/pty.js';

// `agentpack add <repository>` — the first command of a user who found a catalog on GitHub — opens the picker
// over that repository in a terminal (a local file:// repository here; git refuses every other protocol).

const manifestOf = (home: string): { agents: Record<string, { source?: { git?: { url: string; commit: string } } }> } =>
  JSON.parse(readFileSync(join(home, '.claude', 'agents', '.agentpack.json'), 'utf8'));

describe('add <repository> in a terminal', () => {
  it('opens the picker over the repository: its agents are the rows; the one chosen is installed with URL and commit', async () => {
    const { env, home } = gitEnv({ extra: { CI: 'false' } });
    const repo = fixtureRepo({ fixture: 'ja-mirror', env });
    const r = await runInPty({
      args: ['add', repo.url],
      env,
      cwd: home,
      steps: [
        ['wait', 'Agents to install'],
        ['send', 'cache-tuner'],
        ['wait', 'cache-tuner'],
        ['send', KEY.space],
        ['wait', '1 selected'],
        ['send', KEY.enter],
        ['wait', 'Language:'],
        ['send', KEY.enter],
        ['wait', 'Go ahead with this plan?'],
        ['send', KEY.enter],
        ['wait', 'Installed'],
      ],
    });
    expect(r.failed, r.text).toBeNull();
    expect(r.code, r.text).toBe(0);
    // A repository agent that is not in the package: the rows came from the clone.
    expect(r.text).toMatch(/\[x\] cache-tuner /);
    expect(manifestOf(home).agents['cache-tuner']?.source?.git).toEqual({ url: repo.url, commit: repo.commit });
  });

  it('negative control: add <repository> <agent> installs that agent without a picker, even in a terminal', async () => {
    const { env, home } = gitEnv({ extra: { CI: 'false' } });
    const repo = fixtureRepo({ fixture: 'ja-mirror', env });
    const r = await runInPty({ args: ['add', repo.url, 'cache-tuner'], env, cwd: home, steps: [] });
    expect(r.code, r.text).toBe(0);
    expect(r.text).not.toContain('Agents to install');
    expect(Object.keys(manifestOf(home).agents)).toEqual(['cache-tuner']);
  });
});
