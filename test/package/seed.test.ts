import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAgent } from '../../src/io/read-agent.js';
import { parseAgent } from '../../src/core/agent/parse.js';
import { rawSeedBody, SEED_BANNER, SEED_DESCRIPTION, SEED_PATH, SEED_SHA256 } from '../helpers/fixtures.js';

describe('the seed file, byte for byte', () => {
  const bytes = readFileSync(SEED_PATH);
  const text = bytes.toString('utf8');

  it('is the seed as delivered (sha256 pinned, so the fixture can never drift)', () => {
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(SEED_SHA256);
    expect(text.split('\n', 1)[0]).toBe(SEED_BANNER);
  });

  it('loads: name, exact Japanese description, model, no errors, exactly one BANNER_BEFORE_FRONTMATTER warning', () => {
    const parsed = parseAgent(text, { path: 'seed.md' });
    expect(parsed.isAgent).toBe(true);
    expect(parsed.spec?.name).toBe('ml-engineer');
    expect(parsed.spec?.description).toBe(SEED_DESCRIPTION);
    expect(parsed.spec?.model).toBe('sonnet');
    expect(Object.keys(parsed.spec ?? {}).sort()).toEqual(['description', 'model', 'name']);
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(parsed.diagnostics.map((d) => [d.severity, d.code, d.line, d.file])).toEqual([['warning', 'BANNER_BEFORE_FRONTMATTER', 1, 'seed.md']]);
    expect(parsed.loadableAsIs).toBe(false);
  });

  it('recognises the banner, records its links, and removes it from the body', () => {
    const parsed = parseAgent(text);
    expect(parsed.bannerPosition).toBe('before-front-matter');
    expect(parsed.banner).toEqual({
      raw: SEED_BANNER,
      line: 1,
      links: [{ label: 'English', href: '../../../../../machine-learning-ops/agents/ml-engineer.md' }],
      current: '日本語',
    });
    expect(parsed.body).not.toContain('**日本語**');
    expect(parsed.body).not.toContain('](');
    expect(parsed.body.startsWith('あなたは本番機械学習システム、モデルサービング、ML基盤を専門とするMLエンジニアです。\n\n## 目的\n')).toBe(true);
    expect(parsed.body.endsWith('継続的学習パイプラインを作成する"\n')).toBe(true);
    expect(parsed.body).toBe(rawSeedBody());
  });

  it('loads the same through loadAgent from disk (real file)', async () => {
    const parsed = await loadAgent(SEED_PATH);
    expect(parsed.spec?.name).toBe('ml-engineer');
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['BANNER_BEFORE_FRONTMATTER']);
    expect(parsed.loadableAsIs).toBe(false);
  });

  it('negative control: the same text without its banner is loadable as is and has no warning', () => {
    const withoutBanner = text.slice(text.indexOf('---'));
    const parsed = parseAgent(withoutBanner);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.loadableAsIs).toBe(true);
    expect(parsed.banner).toBeUndefined();
  });
});
