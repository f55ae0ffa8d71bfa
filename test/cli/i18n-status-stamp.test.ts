import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import {
  copyPackageCatalog,
  diagnosticsOf,
  EN,
  guardRepoFiles,
  JA,
  read,
  readRepoFile,
  statusJson,
  validateJson,
  write,
  type ValidateJson,
} from '../helpers/catalog.js';

guardRepoFiles();

describe('i18n status on the package', () => {
  it('lists the Japanese ml-engineer as current and exits 0', async () => {
    const r = await runCli(['i18n', 'status']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ml-engineer\s+ja\s+current\s+locales\/ja\/agents\/ml-engineer\.md/);
    const json = await runCli(['i18n', 'status', '--json']);
    const out = JSON.parse(json.stdout) as { ok: boolean; translations: Array<Record<string, unknown>>; summary: Record<string, number> };
    expect(out.ok).toBe(true);
    expect(out.translations).toHaveLength(1);
    expect(out.translations[0]).toMatchObject({ agent: 'ml-engineer', locale: 'ja', status: 'current', path: JA, source: EN, problems: [] });
    expect(out.summary).toEqual({ current: 1, outdated: 0, untracked: 0, skeleton: 0, missing: 0, invalid: 0, orphaned: 0 });
  });

  it('adds a translations array to validate --json without changing the existing fields', async () => {
    const r = await runCli(['validate', '--json']);
    const out = JSON.parse(r.stdout) as ValidateJson;
    expect(Object.keys(out)).toEqual(['ok', 'files', 'summary', 'translations']);
    expect(out.translations.map((t) => [t.agent, t.locale, t.status])).toEqual([['ml-engineer', 'ja', 'current']]);
    // A current translation is clean: listed with --verbose.
    const human = await runCli(['validate', '--lang', 'ja', '--verbose']);
    expect(human.stdout).toContain('翻訳:\n  ml-engineer（ja）: 最新 (current)  locales/ja/agents/ml-engineer.md');
    expect((await runCli(['validate', '--lang', 'ja'])).stdout).not.toContain('翻訳:');
  });
});

describe('a source that gains one word', () => {
  const root = copyPackageCatalog();
  const jaBefore = read(root, JA);
  write(
    root,
    EN,
    read(root, EN).replace('description: Builds production machine learning systems', 'description: Builds reliable production machine learning systems'),
  );

  it('makes the translation outdated: status exits 1, validate exits 1 with a hint naming i18n stamp', async () => {
    const status = await statusJson(root);
    expect(status.code).toBe(1);
    expect(status.rows.map((t) => t.status)).toEqual(['outdated']);
    const human = await runCli(['i18n', 'status', '--root', root]);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain(`agentpack i18n stamp ml-engineer --locale ja --root ${root}`);

    const { code, out } = await validateJson(root);
    expect(code).toBe(1);
    const outdated = diagnosticsOf(out, JA).find((d) => d.code === 'TRANSLATION_OUTDATED');
    expect(outdated).toMatchObject({ severity: 'error', line: 5 });
    expect(outdated?.hint).toContain('agentpack i18n stamp ml-engineer --locale ja');
    const ja = await runCli(['validate', '--root', root, '--lang', 'ja']);
    expect(ja.code).toBe(1);
    expect(ja.stdout).toContain('この翻訳は古くなっています。');
    expect(ja.stdout).toContain(`agentpack i18n stamp ml-engineer --locale ja --root ${root} を実行してください。`);
  });

  it('after stamping is current again, and the file differs only in the sourceHash line', async () => {
    const r = await runCli(['i18n', 'stamp', 'ml-engineer', '--locale', 'ja', '--root', root]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Stamped locales\/ja\/agents\/ml-engineer\.md: sourceHash sha256:[0-9a-f]{64} \(was sha256:[0-9a-f]{64}\)\.\nKept the source's text as stamped in locales\/ja\/agents\/\.i18n-stamps\/ml-engineer\.json \(for agentpack i18n diff\)\.\n$/,
    );
    const after = read(root, JA);
    const a = jaBefore.split('\n');
    const b = after.split('\n');
    expect(b).toHaveLength(a.length);
    const changed = a.map((line, i) => [i, line, b[i]] as const).filter(([, x, y]) => x !== y);
    expect(changed).toHaveLength(1);
    expect(changed[0]?.[1]).toMatch(/^ {2}sourceHash: sha256:[0-9a-f]{64}$/);
    expect(changed[0]?.[2]).toMatch(/^ {2}sourceHash: sha256:[0-9a-f]{64}$/);

    const status = await statusJson(root);
    expect(status.code).toBe(0);
    expect(status.rows[0]).toMatchObject({ status: 'current' });
    expect(`  sourceHash: ${status.rows[0]?.sourceHash}`).toBe(changed[0]?.[2]);
    expect((await validateJson(root)).code).toBe(0);
    // no temporary file left behind, beside the translation or its stamp-time snapshot
    expect(readdirSync(join(root, 'locales/ja/agents'))).toEqual(['.i18n-stamps', 'ml-engineer.md']);
    expect(readdirSync(join(root, 'locales/ja/agents/.i18n-stamps'))).toEqual(['ml-engineer.json']);

    const again = await runCli(['i18n', 'stamp', 'ml-engineer', '--locale', 'ja', '--root', root, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, changed: false, previousStatus: 'current' });
    expect(read(root, JA)).toBe(after);
  });
});

describe('statuses of a catalog', () => {
  it('missing, orphaned and untracked translations each get their status', async () => {
    const root = copyPackageCatalog();
    write(root, 'agents/data-engineer.md', read(root, EN).replace('name: ml-engineer', 'name: data-engineer'));
    write(root, 'locales/ja/agents/old-agent.md', read(root, JA).replace('name: ml-engineer', 'name: old-agent'));
    write(root, JA, read(root, JA).replace(/^i18n:\n.*\n.*\n/m, ''));
    expect(read(root, JA)).not.toContain('i18n:');
    const status = await statusJson(root);
    expect(status.rows.map((t) => [t.agent, t.status])).toEqual([
      ['data-engineer', 'missing'],
      ['ml-engineer', 'untracked'],
      ['old-agent', 'orphaned'],
    ]);
    expect(status.code).toBe(1);
    const { out } = await validateJson(root);
    expect(diagnosticsOf(out, JA).map((d) => [d.severity, d.code])).toContainEqual(['warning', 'TRANSLATION_UNTRACKED']);
    expect(diagnosticsOf(out, 'locales/ja/agents/old-agent.md').map((d) => [d.severity, d.code])).toContainEqual(['error', 'TRANSLATION_ORPHANED']);
    const human = await runCli(['i18n', 'status', '--root', root, '--lang', 'ja']);
    expect(human.stdout).toContain('未翻訳 (missing)');
    expect(human.stdout).toContain('ハッシュ未記録 (untracked)');
    expect(human.stdout).toContain('原文なし (orphaned)');
  });

  it('a missing translation alone does not fail i18n status (nothing shipped is stale)', async () => {
    const root = copyPackageCatalog();
    write(root, 'agents/data-engineer.md', read(root, EN).replace('name: ml-engineer', 'name: data-engineer'));
    const status = await statusJson(root);
    expect(status.rows.map((t) => t.status)).toEqual(['missing', 'current']);
    expect(status.code).toBe(0);
  });

  it('stamping an untracked translation adds the i18n block and makes it current', async () => {
    const root = copyPackageCatalog();
    write(root, JA, read(root, JA).replace(/^i18n:\n.*\n.*\n/m, ''));
    const r = await runCli(['i18n', 'stamp', 'ml-engineer', '--locale', 'ja', '--root', root]);
    expect(r.code).toBe(0);
    expect(read(root, JA)).toBe(readRepoFile(JA));
  });
});

describe('usage', () => {
  it('refuses to stamp the source, and rejects bad roots and --root with paths', async () => {
    const en = await runCli(['i18n', 'stamp', 'ml-engineer', '--locale', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('I18N_NOT_A_TRANSLATION');
    const missingLocale = await runCli(['i18n', 'stamp', 'ml-engineer']);
    expect(missingLocale.code).toBe(2);
    const unknown = await runCli(['i18n', 'stamp', 'ml-enginer', '--locale', 'ja', '--root', copyPackageCatalog()]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Did you mean "ml-engineer"?');
    const nowhere = await runCli(['i18n', 'status', '--root', join(tempDir(), 'nope')]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toContain('PATH_NOT_FOUND');
    const empty = tempDir();
    const notCatalog = await runCli(['validate', '--root', empty, '--json']);
    expect(notCatalog.code).toBe(1);
    expect(JSON.parse(notCatalog.stdout)).toMatchObject({ ok: false, error: { code: 'CATALOG_NOT_FOUND' } });
    rmSync(empty, { recursive: true });
    const both = await runCli(['validate', '--root', ROOT, 'agents']);
    expect(both.code).toBe(2);
    const help = await runCli(['i18n', '--help', '--lang', 'ja']);
    expect(help.stdout.replace(/\s+/g, '')).toContain('各翻訳が英語の原文に対して最新かどうかを表示します');
  });
});
