import { describe, expect, it } from 'vitest';
import { emptyManifest, parseManifest, recordedFile, serializeManifest, withEntry } from '../../../src/core/manifest/manifest.js';

const H = (c: string): string => `sha256:${c.repeat(64)}`;
const entry = { locale: 'ja', packageVersion: '0.1.0', sourceHash: H('a'), sha256: H('b') };

describe('manifest', () => {
  it('serialises with sorted keys at every level, 2-space indent and a trailing newline', () => {
    const m = withEntry({ manifest: withEntry({ manifest: emptyManifest(), agent: 'zeta', entry }), agent: 'alpha', entry: { ...entry, locale: 'en' } });
    const text = serializeManifest(m);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.indexOf('"agents"')).toBeLessThan(text.indexOf('"version"'));
    expect(text.indexOf('"alpha"')).toBeLessThan(text.indexOf('"zeta"'));
    const alpha = text.slice(text.indexOf('"alpha"'), text.indexOf('"zeta"'));
    expect(alpha.indexOf('"locale"')).toBeLessThan(alpha.indexOf('"packageVersion"'));
    expect(alpha.indexOf('"sha256"')).toBeLessThan(alpha.indexOf('"sourceHash"'));
    expect(text).toContain('\n  "agents": {\n    "alpha": {\n      "locale": "en",');
    expect(text).not.toMatch(/time|date/i);
  });

  it('round-trips and is deterministic', () => {
    const m = withEntry({ manifest: emptyManifest(), agent: 'ml-engineer', entry });
    const parsed = parseManifest(serializeManifest(m));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(serializeManifest(parsed.manifest)).toBe(serializeManifest(m));
  });

  it.each([
    ['not JSON', '{', /JSON|Unexpected|Expected/],
    ['wrong version', JSON.stringify({ version: 2, agents: {} }), /version/],
    ['missing agents', JSON.stringify({ version: 1 }), /agents/],
    ['bad hash', JSON.stringify({ version: 1, agents: { x: { ...entry, sha256: 'md5:1' } } }), /sha256/],
    ['unsafe name', JSON.stringify({ version: 1, agents: { '../evil': entry } }), /agents/],
    ['proto key', '{"version":1,"agents":{"__proto__":{"locale":"en","packageVersion":"1","sourceHash":"x","sha256":"y"}}}', /agents/],
    ['unknown field', JSON.stringify({ version: 1, agents: {}, extra: true }), /extra|Unrecognized/i],
    ['a name Claude Code skips', JSON.stringify({ version: 1, agents: { 'ops:deployer': { ...entry, file: 'ops-deployer.md' } } }), /agents/],
    ['a name as written without its file', JSON.stringify({ version: 1, agents: { 'Backend Architect': entry } }), /no "file" recorded/],
    ['a file that is not a slug', JSON.stringify({ version: 1, agents: { a: { ...entry, file: '../a.md' } } }), /file/],
    ['a device file', JSON.stringify({ version: 1, agents: { a: { ...entry, file: 'con.md' } } }), /file/],
    [
      'one file recorded twice',
      JSON.stringify({ version: 1, agents: { 'Code Reviewer': { ...entry, file: 'code-reviewer.md' }, 'code-reviewer': entry } }),
      /both record code-reviewer\.md/,
    ],
  ])('rejects %s with a detail (never resets)', (_label, text, detail) => {
    const parsed = parseManifest(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.detail).toMatch(detail);
  });

  it('keys entries by the name as written; `file` records the file, and an entry without one means <name>.md', () => {
    const text = JSON.stringify({
      version: 1,
      agents: {
        'ml-engineer': entry,
        'Backend Architect': { ...entry, file: 'backend-architect.md' },
        'Peer Reviewer': { ...entry, file: 'peer-reviewer.md', originalName: 'Code Reviewer' },
        constructor: entry,
      },
    });
    const parsed = parseManifest(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const files = Object.entries(parsed.manifest.agents).map(([agent, e]) => recordedFile({ agent, entry: e }));
    expect(files).toEqual(['ml-engineer.md', 'backend-architect.md', 'peer-reviewer.md', 'constructor.md']);
    expect(parsed.manifest.agents['Peer Reviewer']?.originalName).toBe('Code Reviewer');
    // No prototype: a name such as toString finds no entry it did not record.
    expect(parsed.manifest.agents['toString']).toBeUndefined();
    expect(emptyManifest().agents['constructor']).toBeUndefined();
    expect(withEntry({ manifest: emptyManifest(), agent: 'a', entry }).agents['hasOwnProperty']).toBeUndefined();
    expect(serializeManifest(parsed.manifest)).toContain('"Backend Architect": {\n      "file": "backend-architect.md",');
  });

  it('withEntry(null) drops an agent and leaves the others', () => {
    const m = withEntry({ manifest: withEntry({ manifest: emptyManifest(), agent: 'a', entry }), agent: 'b', entry });
    expect(Object.keys(withEntry({ manifest: m, agent: 'a', entry: null }).agents)).toEqual(['b']);
  });
});
