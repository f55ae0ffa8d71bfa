import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../src/core/i18n/canonical-hash.js';
import type { PackageRenders } from '../../../src/core/plan/renders.js';
import { planInstall, planSwitch } from '../../../src/core/plan/plan.js';
import { applyPlan } from '../../../src/io/target/apply-plan.js';
import { readTargetState } from '../../../src/io/target/state.js';
import { tempDir } from '../../helpers/cli.js';

const EN = '---\nname: a\ndescription: English\n---\n\nbody\n';
const JA = '---\nname: a\ndescription: 日本語\n---\n\n本文\n';
const pkg: PackageRenders = {
  version: '1.0.0',
  agents: new Map([
    [
      'a',
      {
        name: 'a',
        locales: ['en', 'ja'],
        sourceHash: `sha256:${'c'.repeat(64)}`,
        renders: new Map([
          ['en', { locale: 'en', content: EN, sha256: contentHash(EN) }],
          ['ja', { locale: 'ja', content: JA, sha256: contentHash(JA) }],
        ]),
      },
    ],
  ]),
};

async function inputOf(dir: string) {
  const state = await readTargetState({ dir, agents: ['a'] });
  return { state, input: { dir, pkg, manifest: state.manifest, files: state.files, declared: state.declared, force: false } };
}

describe('applyPlan', () => {
  it('writes the file, then the manifest', async () => {
    const dir = tempDir();
    const { state, input } = await inputOf(dir);
    await applyPlan({ dir, plan: planInstall({ input, requests: [{ agent: 'a', locale: 'en' }] }), manifest: state.manifest });
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(EN);
    expect(JSON.parse(readFileSync(join(dir, '.agentpack.json'), 'utf8')).agents.a.sha256).toBe(contentHash(EN));
  });

  it('stops with FILE_CHANGED when a file changed between plan and apply, leaving it and the manifest as they were', async () => {
    const dir = tempDir();
    const first = await inputOf(dir);
    await applyPlan({ dir, plan: planInstall({ input: first.input, requests: [{ agent: 'a', locale: 'en' }] }), manifest: first.state.manifest });
    const manifestBefore = readFileSync(join(dir, '.agentpack.json'), 'utf8');
    const { state, input } = await inputOf(dir);
    const plan = planSwitch({ input, locale: 'ja' });
    writeFileSync(join(dir, 'a.md'), `${EN}typed meanwhile\n`);
    await expect(applyPlan({ dir, plan, manifest: state.manifest, manifestText: state.manifestText })).rejects.toMatchObject({ code: 'FILE_CHANGED' });
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe(`${EN}typed meanwhile\n`);
    expect(readFileSync(join(dir, '.agentpack.json'), 'utf8')).toBe(manifestBefore);
    expect(readdirSync(dir).sort()).toEqual(['.agentpack.json', 'a.md']);
  });

  it('removes temporary files left by an interrupted run', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.agentpack-123-abcdef.tmp'), 'half');
    const { state, input } = await inputOf(dir);
    const result = await applyPlan({ dir, plan: planInstall({ input, requests: [{ agent: 'a', locale: 'ja' }] }), manifest: state.manifest });
    expect(result.removedTemps).toEqual(['.agentpack-123-abcdef.tmp']);
    expect(existsSync(join(dir, '.agentpack-123-abcdef.tmp'))).toBe(false);
  });
});
