import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../src/core/i18n/canonical-hash.js';
import type { FileState } from '../../../src/core/plan/installation.js';
import { emptyManifest, withEntry, type Manifest } from '../../../src/core/manifest/manifest.js';
import type { PackageRenders } from '../../../src/core/plan/renders.js';
import { planInstall, planSwitch, planUninstall, planUpdate } from '../../../src/core/plan/plan.js';
import type { PlanInput } from '../../../src/core/plan/types.js';

const EN = '---\nname: a\ndescription: English\n---\n\nbody\n';
const JA = '---\nname: a\ndescription: 日本語\n---\n\n本文\n';
const OLD_EN = '---\nname: a\ndescription: English (old)\n---\n\nbody\n';
const EDITED = `${EN}my edit\n`;
const SRC = `sha256:${'c'.repeat(64)}`;

const pkg: PackageRenders = {
  version: '2.0.0',
  agents: new Map([
    [
      'a',
      {
        name: 'a',
        locales: ['en', 'ja'],
        sourceHash: SRC,
        renders: new Map([
          ['en', { locale: 'en', content: EN, sha256: contentHash(EN) }],
          ['ja', { locale: 'ja', content: JA, sha256: contentHash(JA) }],
        ]),
      },
    ],
  ]),
};

const file = (text: string): FileState => ({ kind: 'file', sha256: contentHash(text) });
const recorded = (locale: string, text: string): Manifest =>
  withEntry({ manifest: emptyManifest(), agent: 'a', entry: { locale, packageVersion: '1.0.0', sourceHash: SRC, sha256: contentHash(text) } });

function input(options: { manifest?: Manifest; state?: FileState; force?: boolean; declared?: [string, string[]][] }): PlanInput {
  return {
    dir: '/agents',
    pkg,
    manifest: options.manifest ?? emptyManifest(),
    files: new Map([['a', options.state ?? { kind: 'missing' }]]),
    declared: new Map(options.declared ?? []),
    force: options.force ?? false,
  };
}

const summary = (plan: { actions: { kind: string; reason: string; locale: string | null; backup: boolean; attention: boolean }[] }): string[] =>
  plan.actions.map((a) => `${a.kind}:${a.reason}:${a.locale ?? '-'}${a.backup ? ':backup' : ''}${a.attention ? ':!' : ''}`);

describe('planInstall', () => {
  it.each<[string, Parameters<typeof input>[0], string, string[]]>([
    ['nothing there', {}, 'en', ['create:not-installed:en']],
    ['same locale, unchanged', { manifest: recorded('en', EN), state: file(EN) }, 'en', ['skip:up-to-date:en']],
    ['other locale', { manifest: recorded('en', EN), state: file(EN) }, 'ja', ['switch:locale-change:ja']],
    ['outdated, same locale', { manifest: recorded('en', OLD_EN), state: file(OLD_EN) }, 'en', ['overwrite:outdated:en']],
    ['manifest lists it, file gone', { manifest: recorded('en', EN) }, 'en', ['create:file-missing:en']],
    ['edited', { manifest: recorded('en', EN), state: file(EDITED) }, 'en', ['conflict:modified:en:!']],
    ['edited, --force', { manifest: recorded('en', EN), state: file(EDITED), force: true }, 'en', ['overwrite:modified:en:backup']],
    ['edited, --force, other locale', { manifest: recorded('en', EN), state: file(EDITED), force: true }, 'ja', ['switch:modified:ja:backup']],
    ['hand-written file', { state: file('---\nname: a\ndescription: mine\n---\n') }, 'en', ['conflict:foreign:-:!']],
    ['hand-written, --force', { state: file('x'), force: true }, 'en', ['overwrite:foreign:en:backup']],
    ['symlink', { state: { kind: 'symlink', target: '/etc/passwd' } }, 'en', ['conflict:symlink:-:!']],
    ['symlink, --force', { state: { kind: 'symlink', target: '/x' }, force: true }, 'en', ['overwrite:symlink:en:backup']],
    ['a folder', { state: { kind: 'other' }, force: true }, 'en', ['conflict:not-a-file:-:!']],
    ['same name in another file', { declared: [['a', ['sub/other.md']]] }, 'en', ['conflict:duplicate-name:-:!']],
    ['render without manifest (interrupted run)', { state: file(JA) }, 'ja', ['skip:up-to-date:ja']],
  ])('%s', (_label, given, locale, expected) => {
    expect(summary(planInstall({ input: input(given), requests: [{ agent: 'a', locale }] }))).toEqual(expected);
  });

  it('records locale, package version, source hash and sha256 of the bytes in the next manifest', () => {
    const plan = planInstall({ input: input({}), requests: [{ agent: 'a', locale: 'ja' }] });
    expect(plan.manifest.agents['a']).toEqual({ locale: 'ja', packageVersion: '2.0.0', sourceHash: SRC, sha256: contentHash(JA) });
    expect(plan.actions[0]?.content).toBe(JA);
  });

  it('re-records a file the manifest lost, without writing it', () => {
    const plan = planInstall({ input: input({ manifest: recorded('en', EN), state: file(JA) }), requests: [{ agent: 'a', locale: 'ja' }] });
    expect(summary(plan)).toEqual(['skip:up-to-date:ja']);
    expect(plan.manifest.agents['a']?.locale).toBe('ja');
  });

  it('a conflict changes nothing in the next manifest', () => {
    const m = recorded('en', EN);
    expect(planInstall({ input: input({ manifest: m, state: file(EDITED) }), requests: [{ agent: 'a', locale: 'ja' }] }).manifest).toEqual(m);
  });
});

describe('planSwitch', () => {
  it.each<[string, Parameters<typeof input>[0], string[] | undefined, string[]]>([
    ['all installed', { manifest: recorded('en', EN), state: file(EN) }, undefined, ['switch:locale-change:ja']],
    ['already there', { manifest: recorded('ja', JA), state: file(JA) }, undefined, ['skip:up-to-date:ja']],
    ['nothing installed', {}, undefined, []],
    ['named but not installed', {}, ['a'], ['skip:not-installed:-:!']],
    ['file gone', { manifest: recorded('en', EN) }, undefined, ['skip:file-missing:en:!']],
    ['edited', { manifest: recorded('en', EN), state: file(EDITED) }, undefined, ['conflict:modified:en:!']],
    ['edited, --force', { manifest: recorded('en', EN), state: file(EDITED), force: true }, undefined, ['switch:modified:ja:backup']],
  ])('%s', (_label, given, agents, expected) => {
    expect(summary(planSwitch({ input: input(given), locale: 'ja', ...(agents ? { agents } : {}) }))).toEqual(expected);
  });
});

describe('planSwitch to a locale the source does not have', () => {
  it('leaves the agent as it is: the goal when no agent was named, a failure when it was', () => {
    const given = { manifest: recorded('en', EN), state: file(EN) };
    expect(summary(planSwitch({ input: input(given), locale: 'fr' }))).toEqual(['skip:not-in-package:en']);
    expect(summary(planSwitch({ input: input(given), locale: 'fr', agents: ['a'] }))).toEqual(['skip:not-in-package:en:!']);
  });
});

describe('planUpdate', () => {
  it.each<[string, Parameters<typeof input>[0], string[]]>([
    ['outdated', { manifest: recorded('ja', OLD_EN), state: file(OLD_EN) }, ['overwrite:outdated:ja']],
    ['current', { manifest: recorded('en', EN), state: file(EN) }, ['skip:up-to-date:en']],
    ['edited: skipped, needs attention', { manifest: recorded('en', OLD_EN), state: file(EDITED) }, ['skip:modified:en:!']],
    ['edited, --force', { manifest: recorded('en', OLD_EN), state: file(EDITED), force: true }, ['overwrite:modified:en:backup']],
    ['file gone', { manifest: recorded('en', EN) }, ['skip:file-missing:en:!']],
  ])('%s', (_label, given, expected) => {
    expect(summary(planUpdate({ input: input(given) }))).toEqual(expected);
  });
});

describe('planUninstall', () => {
  it.each<[string, Parameters<typeof input>[0], string[]]>([
    ['installed', { manifest: recorded('ja', JA), state: file(JA) }, ['remove:installed:ja']],
    ['outdated but unchanged', { manifest: recorded('en', OLD_EN), state: file(OLD_EN) }, ['remove:installed:en']],
    ['not installed', {}, ['skip:not-installed:-']],
    ['file already gone', { manifest: recorded('en', EN) }, ['remove:file-missing:en']],
    ['edited', { manifest: recorded('en', EN), state: file(EDITED) }, ['conflict:modified:en:!']],
    ['edited, --force', { manifest: recorded('en', EN), state: file(EDITED), force: true }, ['remove:modified:en:backup']],
    ['hand-written', { state: file('mine') }, ['conflict:foreign:-:!']],
  ])('%s', (_label, given, expected) => {
    const plan = planUninstall({ input: input(given), agents: ['a'] });
    expect(summary(plan)).toEqual(expected);
    if (plan.actions[0]?.kind === 'remove') expect(plan.manifest.agents).toEqual({});
  });
});
