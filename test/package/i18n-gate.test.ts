import { describe, expect, it } from 'vitest';
import { CANONICAL_LOCALE } from '../../src/core/catalog/catalog.js';
import { checkCatalog } from '../../src/core/i18n/check-catalog.js';
import { checkParity } from '../../src/core/i18n/parity.js';
import { readCatalog } from '../../src/io/package/read-catalog.js';
import { ROOT } from '../helpers/cli.js';

/**
 * The gate (issue 4, item 8): the package ships only translations that are `current` with their English
 * source and structurally parallel to it. Changing one word of agents/ml-engineer.md makes this fail until
 * the Japanese file is reviewed and `agentpack i18n stamp ml-engineer --locale ja` is run.
 */
describe('the package’s own translations', () => {
  it('are all current (none outdated, untracked, missing, invalid or orphaned)', async () => {
    const { translations } = checkCatalog({ catalog: await readCatalog(ROOT), strict: true });
    expect(translations.length).toBeGreaterThan(0);
    expect(translations.filter((t) => t.status !== 'current')).toEqual([]);
  });

  it('pass structural parity, banner links and the field invariants, even under --strict', async () => {
    const catalog = await readCatalog(ROOT);
    expect(checkCatalog({ catalog, strict: true }).diagnostics).toEqual([]);
    for (const agent of catalog.agents.values()) {
      const source = agent.variants.get(CANONICAL_LOCALE);
      expect(source, agent.name).toBeDefined();
      for (const variant of agent.variants.values()) {
        if (!source || variant === source) continue;
        expect(checkParity({ source: source.parsed, translation: variant.parsed, file: variant.relPath, severity: 'error' })).toEqual([]);
      }
    }
  });
});
