import { describe, expect, it } from 'vitest';
import { parseAgent } from '../../../src/core/agent/parse.js';
import type { Catalog } from '../../../src/core/catalog/catalog.js';
import { contentHash } from '../../../src/core/hash.js';
import { emptyManifest, withEntry } from '../../../src/core/manifest/manifest.js';
import { renameAgent, withRenamedAgent, withRenamedPackageAgents } from '../../../src/core/plan/rename.js';
import { renderPackage } from '../../../src/core/plan/renders.js';

const H = `sha256:${'a'.repeat(64)}`;

function catalogOf(texts: Record<string, string>): Catalog {
  const variants = new Map(
    Object.entries(texts).map(([locale, text]) => [
      locale,
      { agent: 'Code Reviewer', locale, path: `/c/${locale}.md`, relPath: `${locale}.md`, canonical: locale === 'en', parsed: parseAgent(text) },
    ]),
  );
  return { root: '/c', agents: new Map([['Code Reviewer', { name: 'Code Reviewer', canonical: 'en', variants }]]), orphans: [] };
}

const EN = '---\nname: Code Reviewer\ndescription: "Reviews: code."\ncolor: magenta\ntools: Read, Grep\n---\n\n> **English** | **[日本語](ja.md)**\n\nBody.\n';
const JA = '---\nname: Code Reviewer\ndescription: レビューします。\ncolor: magenta\ntools: Read, Grep\n---\n\n本文。\n';

describe('renameAgent: the same renders under another name', () => {
  it.each(['Peer Reviewer', 'reviewer', 'yes', '123', "'quoted' #name", 'a---b', 'レビュー担当'])('%j: only the name differs', (name) => {
    const pkg = renderPackage({ catalog: catalogOf({ en: EN, ja: JA }), version: '1' });
    const original = pkg.agents.get('Code Reviewer');
    if (!original) throw new Error('no agent');
    const renamed = renameAgent({ agent: original, name });
    expect(renamed.name).toBe(name);
    expect(renamed.originalName).toBe('Code Reviewer');
    expect([...renamed.renders.keys()]).toEqual([...original.renders.keys()]);
    for (const [locale, render] of renamed.renders) {
      const before = original.renders.get(locale)?.content ?? '';
      const after = render.content;
      expect(parseAgent(after).spec?.name).toBe(name);
      expect(after.split('\n').slice(2)).toEqual(before.split('\n').slice(2));
      expect(render.sha256).toBe(contentHash(after));
    }
    // Renamed twice, the first original is kept; renamed back, the bytes are the original render.
    const back = renameAgent({ agent: renamed, name: 'Code Reviewer' });
    expect(back.originalName).toBe('Code Reviewer');
    expect(back.renders.get('en')?.content).toBe(original.renders.get('en')?.content);
  });

  it('a recorded scan of the source gets the new hashes', () => {
    const pkg = renderPackage({ catalog: catalogOf({ en: EN }), version: '1' });
    const original = pkg.agents.get('Code Reviewer');
    if (!original) throw new Error('no agent');
    original.source = {
      from: 'x',
      root: '/c',
      path: 'en.md',
      scan: { fingerprint: H, locales: ['en'], renders: { en: H }, descriptions: { en: 'Reviews: code.' } },
    };
    const renamed = renameAgent({ agent: original, name: 'Peer Reviewer' });
    expect(renamed.source?.scan?.renders).toEqual({ en: renamed.renders.get('en')?.sha256 });
    expect(original.source.scan?.renders).toEqual({ en: H });
  });

  it('withRenamedAgent adds the new name beside the original; withRenamedPackageAgents does it for what the manifest records', () => {
    const pkg = renderPackage({ catalog: catalogOf({ en: EN }), version: '1' });
    expect(withRenamedAgent({ pkg, agent: 'Code Reviewer', as: undefined })).toBe(pkg);
    expect(withRenamedAgent({ pkg, agent: 'Code Reviewer', as: 'Code Reviewer' })).toBe(pkg);
    expect([...withRenamedAgent({ pkg, agent: 'Code Reviewer', as: 'Peer' }).agents.keys()]).toEqual(['Code Reviewer', 'Peer']);
    const entry = { locale: 'en', packageVersion: '1', sourceHash: H, sha256: H };
    const manifest = withEntry({ manifest: emptyManifest(), agent: 'Peer', entry: { ...entry, originalName: 'Code Reviewer' } });
    expect(withRenamedPackageAgents({ pkg, manifest }).agents.get('Peer')?.originalName).toBe('Code Reviewer');
    expect(withRenamedPackageAgents({ pkg, manifest, only: new Set(['other']) })).toBe(pkg);
    const fromFolder = withEntry({
      manifest: emptyManifest(),
      agent: 'Peer',
      entry: { ...entry, originalName: 'Code Reviewer', source: { from: 'x', root: '/c', path: 'en.md' } },
    });
    expect(withRenamedPackageAgents({ pkg, manifest: fromFolder })).toBe(pkg);
  });
});
