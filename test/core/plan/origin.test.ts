import { describe, expect, it } from 'vitest';
import { checkFolderOrigin, checkInstalledOrigin, installedOrigin, originAtInstall } from '../../../src/core/plan/origin.js';
import type { ManifestEntry } from '../../../src/core/manifest/manifest.js';
import type { PackageAgent } from '../../../src/core/plan/renders.js';
import { parseAgent } from '../../../src/core/agent/parse.js';
import { variantHash } from '../../../src/core/i18n/status.js';
import { catalogOf } from '../../helpers/catalog.js';

const en = (description: string): string =>
  `---\nname: demo\ndescription: ${description}\n---\n\n> **English** | **[日本語](../locales/ja/agents/demo.md)**\n\nBody.\n`;
const ja = (hash: string | undefined): string =>
  `---\nname: demo\ndescription: デモ\n${hash ? `i18n:\n  source: ../../../agents/demo.md\n  sourceHash: ${hash}\n` : ''}---\n\n> **[English](../../../agents/demo.md)** | **日本語**\n\n本文。\n`;

const H1 = variantHash(parseAgent(en('First.'))) as string;
const H2 = variantHash(parseAgent(en('Second.'))) as string;
const at = (description: string, jaHash: string | undefined) => catalogOf({ 'agents/demo.md': en(description), 'locales/ja/agents/demo.md': ja(jaHash) });

describe('installed origin (for list/status)', () => {
  it('records the source hash and the translation status at install time', () => {
    expect(originAtInstall({ catalog: at('First.', H1), agent: 'demo', locale: 'ja' })).toEqual({ sourceHash: H1, translationStatus: 'current' });
    expect(originAtInstall({ catalog: at('Second.', H1), agent: 'demo', locale: 'ja' })).toEqual({ sourceHash: H2, translationStatus: 'outdated' });
    expect(originAtInstall({ catalog: at('First.', H1), agent: 'demo', locale: 'en' })).toEqual({ sourceHash: H1, translationStatus: 'source' });
    expect(originAtInstall({ catalog: at('First.', H1), agent: 'nope', locale: 'ja' })).toBeUndefined();
    expect(originAtInstall({ catalog: at('First.', H1), agent: 'demo', locale: 'fr' })).toBeUndefined();
  });

  it('says an update is due when the package source changed since install', () => {
    const recorded = { sourceHash: H1, translationStatus: 'current' };
    expect(checkInstalledOrigin({ catalog: at('First.', H1), agent: 'demo', locale: 'ja', recorded })).toEqual({
      state: 'same-source',
      updateDue: false,
      wasCurrent: true,
      packageSourceHash: H1,
    });
    expect(checkInstalledOrigin({ catalog: at('Second.', H2), agent: 'demo', locale: 'ja', recorded })).toEqual({
      state: 'source-changed',
      updateDue: true,
      wasCurrent: true,
      packageSourceHash: H2,
    });
  });

  it('reports a translation that was outdated when installed, and the cases it cannot judge', () => {
    const catalog = at('First.', H1);
    expect(checkInstalledOrigin({ catalog, agent: 'demo', locale: 'ja', recorded: { sourceHash: H1, translationStatus: 'outdated' } })).toMatchObject({
      wasCurrent: false,
      updateDue: false,
    });
    expect(checkInstalledOrigin({ catalog, agent: 'demo', locale: 'en', recorded: { sourceHash: H1, translationStatus: 'source' } })).not.toHaveProperty(
      'wasCurrent',
    );
    expect(checkInstalledOrigin({ catalog, agent: 'demo', locale: 'ja', recorded: {} })).toMatchObject({ state: 'unrecorded', updateDue: false });
    expect(checkInstalledOrigin({ catalog, agent: 'gone', locale: 'ja', recorded: { sourceHash: H1 } })).toMatchObject({
      state: 'agent-gone',
      updateDue: false,
    });
    expect(checkInstalledOrigin({ catalog, agent: 'demo', locale: 'fr', recorded: { sourceHash: H1 } })).toMatchObject({
      state: 'locale-gone',
      updateDue: false,
    });
    const broken = catalogOf({ 'agents/demo.md': '---\nname: demo\n---\n' });
    expect(checkInstalledOrigin({ catalog: broken, agent: 'demo', locale: 'en', recorded: { sourceHash: H1 } })).toMatchObject({ state: 'source-invalid' });
  });
});

describe('installed origin against the recorded source', () => {
  const folderAgent = (sourceHash: string): PackageAgent => ({
    name: 'demo',
    locales: ['en', 'ja'],
    renders: new Map(),
    sourceHash,
    source: { from: 'cat', root: '/cat', path: 'agents/demo.md' },
  });
  const entry = (locale: string, sourceHash: string, folder: boolean): ManifestEntry => ({
    locale,
    packageVersion: '1.0.0',
    sourceHash,
    sha256: H1,
    translationStatus: locale === 'en' ? 'source' : 'untracked',
    ...(folder ? { source: { from: 'cat', root: '/cat', path: 'agents/demo.md' } } : {}),
  });

  it('an agent installed from a folder is compared with that folder, never with the package agent of the same name', () => {
    const pkgCatalog = at('Second.', H2);
    // The package's demo differs (H2), the folder's is what was installed (H1): nothing is due.
    expect(installedOrigin({ catalog: pkgCatalog, agent: 'demo', entry: entry('en', H1, true), state: 'ok', current: folderAgent(H1) })).toEqual({
      translationStatus: 'source',
      translationWasCurrent: null,
      updateDue: false,
    });
    expect(installedOrigin({ catalog: pkgCatalog, agent: 'demo', entry: entry('en', H1, true), state: 'outdated', current: folderAgent(H2) }).updateDue).toBe(
      true,
    );
    expect(checkFolderOrigin({ current: undefined, locale: 'en', recorded: { sourceHash: H1 } })).toMatchObject({ state: 'agent-gone', updateDue: false });
    expect(checkFolderOrigin({ current: folderAgent(H1), locale: 'fr', recorded: { sourceHash: H1 } })).toMatchObject({ state: 'locale-gone' });
  });

  it('only the canonical source changed and the translation is still what was installed: translationBehind, no update due', () => {
    expect(installedOrigin({ catalog: at('First.', H1), agent: 'demo', entry: entry('ja', H1, true), state: 'ok', current: folderAgent(H2) })).toEqual({
      translationStatus: 'untracked',
      translationWasCurrent: false,
      updateDue: false,
      translationBehind: true,
      sourceLocale: 'en',
    });
    // The package's own agent, installed in Japanese: the same.
    expect(
      installedOrigin({
        catalog: at('Second.', H2),
        agent: 'demo',
        entry: entry('ja', H1, false),
        state: 'ok',
        current: { ...folderAgent(H2), source: undefined },
      }),
    ).toMatchObject({ updateDue: false, translationBehind: true, sourceLocale: 'en' });
    // The source has no Japanese any more: nothing update could write.
    expect(
      installedOrigin({
        catalog: at('First.', H1),
        agent: 'demo',
        entry: entry('ja', H1, true),
        state: 'outdated',
        current: { ...folderAgent(H1), locales: ['en'] },
      }),
    ).toEqual({ translationStatus: 'untracked', translationWasCurrent: false, updateDue: false, localeGone: true, sourceLocale: 'en' });
    // The translation changed too (the file is outdated): an update is due.
    expect(installedOrigin({ catalog: at('First.', H1), agent: 'demo', entry: entry('ja', H1, true), state: 'outdated', current: folderAgent(H2) })).toEqual({
      translationStatus: 'untracked',
      translationWasCurrent: false,
      updateDue: true,
    });
  });
});
