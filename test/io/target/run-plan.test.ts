import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../src/core/i18n/canonical-hash.js';
import type { PackageRenders } from '../../../src/core/plan/renders.js';
import { planInstall, planSwitch } from '../../../src/core/plan/plan.js';
import { executePlan } from '../../../src/io/target/run-plan.js';
import { tempDir } from '../../helpers/cli.js';

function agent(name: string) {
  const en = `---\nname: ${name}\ndescription: English\n---\n\nbody\n`;
  const ja = `---\nname: ${name}\ndescription: 日本語\n---\n\n本文\n`;
  return {
    name,
    locales: ['en', 'ja'],
    sourceHash: `sha256:${'c'.repeat(64)}`,
    renders: new Map([
      ['en', { locale: 'en', content: en, sha256: contentHash(en) }],
      ['ja', { locale: 'ja', content: ja, sha256: contentHash(ja) }],
    ]),
  };
}
const both: PackageRenders = {
  version: '1.0.0',
  agents: new Map([
    ['a', agent('a')],
    ['b', agent('b')],
  ]),
};
const onlyA: PackageRenders = { version: '1.0.0', agents: new Map([['a', agent('a')]]) };

/**
 * `locale` and `update` read the renders of the folders the manifest records before taking the lock. If another
 * run installs an agent meanwhile (found by the race test, issue 8), the plan under the lock must not meet an
 * installed agent without renders: the renders are read again when the manifest changed.
 */
describe('executePlan with renders read from the manifest', () => {
  async function folderWithTwo(): Promise<{ dir: string; staleText: string }> {
    const dir = tempDir();
    await executePlan({ dir, pkg: onlyA, agents: ['a'], force: false, plan: (input) => planInstall({ input, requests: [{ agent: 'a', locale: 'en' }] }) });
    const staleText = readFileSync(join(dir, '.agentpack.json'), 'utf8');
    // "Another run" installs b after this run read the manifest.
    await executePlan({ dir, pkg: both, agents: ['b'], force: false, plan: (input) => planInstall({ input, requests: [{ agent: 'b', locale: 'en' }] }) });
    return { dir, staleText };
  }

  it('reads the renders again under the lock when the manifest changed, and switches the agent installed meanwhile', async () => {
    const { dir, staleText } = await folderWithTwo();
    let reloads = 0;
    const outcome = await executePlan({
      dir,
      pkg: onlyA,
      agents: ['a'],
      force: false,
      plan: (input) => planSwitch({ input, locale: 'ja' }),
      sources: {
        manifestText: staleText,
        reload: async () => {
          reloads++;
          return both;
        },
      },
    });
    expect(reloads).toBe(1);
    expect(outcome.plan.actions.filter((a) => a.attention)).toEqual([]);
    expect(readFileSync(join(dir, 'b.md'), 'utf8')).toContain('日本語');
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toContain('日本語');
  });

  it('does not read them again when the manifest is the one they were read for', async () => {
    const { dir } = await folderWithTwo();
    let reloads = 0;
    const text = readFileSync(join(dir, '.agentpack.json'), 'utf8');
    await executePlan({
      dir,
      pkg: both,
      agents: ['a', 'b'],
      force: false,
      plan: (input) => planSwitch({ input, locale: 'ja' }),
      sources: {
        manifestText: text,
        reload: async () => {
          reloads++;
          return both;
        },
      },
    });
    expect(reloads).toBe(0);
  });

  it('negative control: without them, the agent installed meanwhile is skipped as having no such locale', async () => {
    const { dir } = await folderWithTwo();
    const outcome = await executePlan({ dir, pkg: onlyA, agents: ['a'], force: false, plan: (input) => planSwitch({ input, locale: 'ja' }) });
    expect(outcome.plan.actions.filter((a) => a.kind === 'skip').map((a) => [a.agent, a.reason])).toEqual([['b', 'not-in-package']]);
    expect(readFileSync(join(dir, 'b.md'), 'utf8')).not.toContain('日本語');
  });
});
