import { describe, expect, it } from 'vitest';
import { CANONICAL_LOCALE } from '../../src/core/catalog/catalog.js';
import { checkCatalog } from '../../src/core/i18n/check-catalog.js';
import { checkParity } from '../../src/core/i18n/parity.js';
import { readCatalog } from '../../src/io/package/read-catalog.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSnapshot, snapshotPath } from '../../src/core/i18n/snapshot.js';
import { copyPackageCatalog } from '../helpers/catalog.js';
import { ROOT, runCli } from '../helpers/cli.js';

/** The shipped translations that are still skeletons (lines marked for translation), as `i18n status` reports them. */
async function skeletonsIn(root: string): Promise<string[]> {
  const r = await runCli(['i18n', 'status', '--root', root, '--json']);
  const { translations } = JSON.parse(r.stdout) as { translations: Array<{ path: string; status: string }> };
  expect(translations.length).toBeGreaterThan(0);
  return translations.filter((t) => t.status === 'skeleton').map((t) => t.path);
}

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

  it('are none of them skeletons (no line still marked [[translate]]); a skeleton added to a copy is caught', async () => {
    expect(await skeletonsIn(ROOT)).toEqual([]);
    const copy = copyPackageCatalog();
    expect((await runCli(['i18n', 'new', 'ml-engineer', '--locale', 'ko', '--root', copy])).code).toBe(0);
    expect(await skeletonsIn(copy)).toEqual(['locales/ko/agents/ml-engineer.md']);
  });

  it('each ships the source text it was stamped against, so i18n diff works in the published package', async () => {
    const { translations } = checkCatalog({ catalog: await readCatalog(ROOT) });
    for (const t of translations) {
      const snapshot = parseSnapshot(readFileSync(join(ROOT, snapshotPath(t.path)), 'utf8'));
      expect(snapshot?.sourceHash, t.path).toBe(t.recordedHash);
    }
  });
});
