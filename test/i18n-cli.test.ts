import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../src/core/canonical-hash.js';
import { ROOT, runCli, tempDir } from './helpers/cli.js';
import { copyPackageCatalog, readRepoFile } from './helpers/catalog.js';

const EN = 'agents/ml-engineer.md';
const JA = 'locales/ja/agents/ml-engineer.md';
const SEED = '/work/shared/seed/000_db40e43e05501209.txt';

interface JsonDiagnostic {
  severity: string;
  code: string;
  line?: number;
  message: string;
  hint: string;
}
interface ValidateJson {
  ok: boolean;
  files: Array<{ path: string; diagnostics: JsonDiagnostic[] }>;
  summary: { files: number; errors: number; warnings: number };
  translations: Array<{ agent: string; locale: string; status: string; path: string; recordedHash: string | null; sourceHash: string | null }>;
}

const read = (root: string, rel: string): string => readFileSync(join(root, rel), 'utf8');
const write = (root: string, rel: string, text: string): void => {
  mkdirSync(join(root, rel, '..'), { recursive: true });
  writeFileSync(join(root, rel), text);
};
const diagnosticsOf = (out: ValidateJson, rel: string): JsonDiagnostic[] => out.files.find((f) => f.path === rel)?.diagnostics ?? [];
async function validateJson(root: string, extra: string[] = []): Promise<{ code: number | null; out: ValidateJson }> {
  const r = await runCli(['validate', '--root', root, '--json', ...extra]);
  return { code: r.code, out: JSON.parse(r.stdout) as ValidateJson };
}
async function statusJson(root: string): Promise<{ code: number | null; rows: ValidateJson['translations'] }> {
  const r = await runCli(['i18n', 'status', '--root', root, '--json']);
  return { code: r.code, rows: (JSON.parse(r.stdout) as { translations: ValidateJson['translations'] }).translations };
}

// The repo's own files must never change: tests work on temporary copies.
const repoBefore = new Map<string, string>();
beforeAll(() => {
  for (const rel of [EN, JA]) repoBefore.set(rel, contentHash(readRepoFile(rel)));
});
afterAll(() => {
  for (const [rel, hash] of repoBefore) expect(contentHash(readRepoFile(rel)), rel).toBe(hash);
});

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
    expect(out.summary).toEqual({ current: 1, outdated: 0, untracked: 0, missing: 0, invalid: 0, orphaned: 0 });
  });

  it('adds a translations array to validate --json without changing the existing fields', async () => {
    const r = await runCli(['validate', '--json']);
    const out = JSON.parse(r.stdout) as ValidateJson;
    expect(Object.keys(out)).toEqual(['ok', 'files', 'summary', 'translations']);
    expect(out.translations.map((t) => [t.agent, t.locale, t.status])).toEqual([['ml-engineer', 'ja', 'current']]);
    const human = await runCli(['validate', '--lang', 'ja']);
    expect(human.stdout).toContain('翻訳:\n  ml-engineer（ja）: 最新 (current)  locales/ja/agents/ml-engineer.md');
  });
});

describe('a source that gains one word', () => {
  const root = copyPackageCatalog();
  const jaBefore = read(root, JA);
  write(root, EN, read(root, EN).replace('description: Builds production machine learning systems', 'description: Builds reliable production machine learning systems'));

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
    expect(r.stdout).toMatch(/^Stamped locales\/ja\/agents\/ml-engineer\.md: sourceHash sha256:[0-9a-f]{64} \(was sha256:[0-9a-f]{64}\)\.\n$/);
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
    // no temporary file left behind
    expect(readdirSync(join(root, 'locales/ja/agents'))).toEqual(['ml-engineer.md']);

    const again = await runCli(['i18n', 'stamp', 'ml-engineer', '--locale', 'ja', '--root', root, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, changed: false, previousStatus: 'current' });
    expect(read(root, JA)).toBe(after);
  });
});

describe('invariants between the variants', () => {
  it('model changed only in the translation: an error naming both values; stamp refuses', async () => {
    const root = copyPackageCatalog();
    const text = read(root, JA).replace('model: sonnet', 'model: inherit');
    write(root, JA, text);
    const { code, out } = await validateJson(root);
    expect(code).toBe(1);
    const d = diagnosticsOf(out, JA).find((x) => x.code === 'TRANSLATION_FIELD_DIFFERS');
    expect(d).toMatchObject({ severity: 'error', line: 4 });
    expect(d?.message).toBe('"model" differs from the source: agents/ml-engineer.md has "sonnet", this translation has "inherit". Only description and the body are translated.');
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
        message: `§ 'Model Serving and Deployment' (line ${enLine}) has 8 items; its translation (line ${heading + 1}) has 7.`,
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
    expect(human.stdout).toContain('未追跡 (untracked)');
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
    expect(help.stdout).toContain('各翻訳が英語の原文に対して最新かどうかを表示します');
  });
});
