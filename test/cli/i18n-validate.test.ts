import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import {
  copyPackageCatalog,
  diagnosticsOf,
  EN,
  guardRepoFiles,
  JA,
  read,
  SEED,
  statusJson,
  validateJson,
  write,
  type ValidateJson,
} from '../helpers/catalog.js';

guardRepoFiles();

describe('invariants between the variants', () => {
  it('model changed only in the translation: an error naming both values; stamp refuses', async () => {
    const root = copyPackageCatalog();
    const text = read(root, JA).replace('model: sonnet', 'model: inherit');
    write(root, JA, text);
    const { code, out } = await validateJson(root);
    expect(code).toBe(1);
    const d = diagnosticsOf(out, JA).find((x) => x.code === 'TRANSLATION_FIELD_DIFFERS');
    expect(d).toMatchObject({ severity: 'error', line: 4 });
    expect(d?.message).toBe(
      '"model" differs from the source: agents/ml-engineer.md has "sonnet", this translation has "inherit". Only description and the body are translated.',
    );
    expect(out.translations[0]?.status).toBe('invalid');

    const stamp = await runCli(['i18n', 'stamp', 'ml-engineer', '--locale', 'ja', '--root', root]);
    expect(stamp.code).toBe(1);
    expect(stamp.stderr).toContain('TRANSLATION_FIELD_DIFFERS');
    expect(stamp.stderr).toContain('error I18N_STAMP_INVALID: Refusing to stamp locales/ja/agents/ml-engineer.md');
    expect(read(root, JA)).toBe(text);
    const ja = await runCli(['validate', '--root', root, '--lang', 'ja']);
    expect(ja.stdout).toContain('"model" が原文と異なります。agents/ml-engineer.md では "sonnet"、この翻訳では "inherit" です。');
  });

  it('i18n.source pointing nowhere is an error', async () => {
    const root = copyPackageCatalog();
    write(root, JA, read(root, JA).replace('source: ../../../agents/ml-engineer.md', 'source: ../../agents/ml-engineer.md'));
    const { code, out } = await validateJson(root);
    expect(code).toBe(1);
    expect(diagnosticsOf(out, JA).map((d) => d.code)).toContain('I18N_SOURCE_NOT_FOUND');
  });

  it('a bullet removed from the translation: a parity warning naming the section and both line numbers; an error with --strict', async () => {
    const root = copyPackageCatalog();
    const lines = read(root, JA).split('\n');
    const heading = lines.indexOf('### モデルサービングとデプロイメント');
    lines.splice(heading + 3, 1);
    write(root, JA, lines.join('\n'));
    const enLine = read(root, EN).split('\n').indexOf('### Model Serving and Deployment') + 1;
    const { code, out } = await validateJson(root);
    expect(code).toBe(0);
    const d = diagnosticsOf(out, JA).filter((x) => x.code.startsWith('PARITY_'));
    expect(d).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'PARITY_ITEMS',
        line: heading + 1,
        message: `List items under the heading 'Model Serving and Deployment' (line ${enLine}): 8 in the source, 7 in the translation (line ${heading + 1}).`,
      }),
    ]);
    const strict = await validateJson(root, ['--strict']);
    expect(strict.code).toBe(1);
    expect(diagnosticsOf(strict.out, JA).find((x) => x.code === 'PARITY_ITEMS')?.severity).toBe('error');
  });
});

describe('validate <path> on a translation', () => {
  it('checks it against the file its i18n.source names', async () => {
    const clean = await runCli(['validate', join(ROOT, JA), '--json']);
    expect(clean.code).toBe(0);
    const root = copyPackageCatalog();
    write(root, EN, read(root, EN).replace('Builds production', 'Builds reliable production'));
    write(root, JA, read(root, JA).replace('model: sonnet', 'model: opus'));
    const r = await runCli(['validate', JA, '--json'], { cwd: root });
    expect(r.code).toBe(1);
    const d = (JSON.parse(r.stdout) as ValidateJson).files[0]?.diagnostics ?? [];
    expect(d.map((x) => x.code)).toEqual(['TRANSLATION_FIELD_DIFFERS', 'TRANSLATION_OUTDATED']);
    expect(d[1]?.hint).toContain('agentpack i18n stamp ml-engineer --locale ja --root .');
    write(root, JA, read(root, JA).replace('source: ../../../agents/', 'source: ../../agents/'));
    const nowhere = await runCli(['validate', JA, '--json'], { cwd: root });
    expect((JSON.parse(nowhere.stdout) as ValidateJson).files[0]?.diagnostics.map((x) => x.code)).toEqual(['I18N_SOURCE_NOT_FOUND']);
  });
});

describe('the seed as given', () => {
  it('loads, and validate reports the dead banner link as a warning, not a crash', async () => {
    expect(existsSync(SEED)).toBe(true);
    const root = copyPackageCatalog();
    copyFileSync(SEED, join(root, JA));
    const { code, out } = await validateJson(root);
    expect(code).toBe(0);
    const d = diagnosticsOf(out, JA);
    expect(d.every((x) => x.severity !== 'error')).toBe(true);
    const dead = d.find((x) => x.code === 'BANNER_LINK_DEAD');
    expect(dead).toMatchObject({ severity: 'warning', line: 1 });
    expect(dead?.message).toContain('../../../../../machine-learning-ops/agents/ml-engineer.md');
    expect(dead?.hint).toBe('Point it at ../../../agents/ml-engineer.md.');
    expect(d.map((x) => x.code)).toEqual(expect.arrayContaining(['BANNER_BEFORE_FRONTMATTER', 'BANNER_LINK_DEAD', 'TRANSLATION_UNTRACKED']));
    expect(d.map((x) => x.code).filter((c) => c.startsWith('PARITY_'))).toEqual([]);
    expect(out.translations.map((t) => t.status)).toEqual(['untracked']);

    // stamping the seed adds the i18n block inside its front-matter and leaves the banner where it is
    const before = read(root, JA);
    const r = await runCli(['i18n', 'stamp', 'ml-engineer', '--locale', 'ja', '--root', root]);
    expect(r.code).toBe(0);
    const after = read(root, JA);
    expect(after.startsWith(before.split('\n---\n')[0] ?? '')).toBe(true);
    expect(after.split('\n').length).toBe(before.split('\n').length + 3);
    expect((await statusJson(root)).rows[0]?.status).toBe('current');
  });
});
