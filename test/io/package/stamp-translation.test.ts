import { chmodSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMP_FILE } from '../../../src/io/fs/atomic-write.js';
import { stampTranslation } from '../../../src/io/package/stamp-translation.js';
import { copyPackageCatalog, EN, JA, read, write } from '../../helpers/catalog.js';
import { namesCreatedDuring } from '../../helpers/watch.js';

describe('i18n stamp writes through the one atomic writer', () => {
  it('its temporary file is a TEMP_FILE (an interrupted stamp leaves a name the leftover check knows), and the translation keeps its mode', async () => {
    const root = copyPackageCatalog();
    write(
      root,
      EN,
      read(root, EN).replace('description: Builds production machine learning systems', 'description: Builds reliable production machine learning systems'),
    );
    chmodSync(join(root, JA), 0o600);
    const seen = await namesCreatedDuring(dirname(join(root, JA)), async () => {
      const outcome = await stampTranslation({ root, agent: 'ml-engineer', locale: 'ja', flags: {} });
      expect(outcome.changed).toBe(true);
    });
    const temps = seen.filter((name) => !name.endsWith('.md'));
    expect(temps.length).toBeGreaterThan(0);
    for (const name of temps) expect(name).toMatch(TEMP_FILE);
    expect(statSync(join(root, JA)).mode & 0o777).toBe(0o600);
  });
});
