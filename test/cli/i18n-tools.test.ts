import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, ROOT, runCli, tempDir } from '../helpers/cli.js';
import { copyPackageCatalog, EN, guardRepoFiles, JA, read, readRepoFile, write } from '../helpers/catalog.js';

guardRepoFiles();

const SNAPSHOT = 'locales/ja/agents/.i18n-stamps/ml-engineer.json';
const ZH = 'locales/zh-CN/agents/ml-engineer.md';
const OLD_BULLET = '- Model serving platforms: TensorFlow Serving, TorchServe, MLflow, and BentoML';
const NEW_BULLET = '- Model serving platforms: TensorFlow Serving, TorchServe, Triton, MLflow, and BentoML';

/** A copy of the package as npm publishes it, without git history: agents/, locales/ and package.json. */
function packageCopy(): string {
  const root = copyPackageCatalog();
  cpSync(join(ROOT, 'package.json'), join(root, 'package.json'));
  expect(existsSync(join(root, '.git'))).toBe(false);
  return root;
}

/** Headings and fenced code of a Markdown text, outside the front-matter, as written. */
function structureOf(text: string): { headings: string[]; code: string[] } {
  const body = text.slice(text.indexOf('\n---\n', 4) + 5);
  const headings: string[] = [];
  const code: string[] = [];
  let fence = false;
  for (const line of body.split('\n')) {
    if (/^ {0,3}(```|~~~)/.test(line)) {
      fence = !fence;
      code.push(line);
    } else if (fence) code.push(line);
    else if (/^#{1,6} /.test(line)) headings.push(line);
  }
  return { headings, code };
}

interface DiffJson {
  ok: boolean;
  changed: boolean;
  changes: Array<{ section: string; removed: string[]; added: string[] }>;
}

describe('i18n diff in a copy of the package without git', () => {
  it('shows exactly the changed bullet, old and new, under its heading (en, ja), exit 1; after i18n stamp it is current, exit 0', async () => {
    const root = packageCopy();
    const current = await runCli(['i18n', 'diff', 'ml-engineer', '--locale', 'ja', '--root', root]);
    expect(current).toMatchObject({ code: 0, stderr: '' });
    expect(current.stdout).toBe('locales/ja/agents/ml-engineer.md is current: agents/ml-engineer.md has not changed since it was stamped.\n');

    expect(read(root, EN)).toContain(`\n${OLD_BULLET}\n`);
    write(root, EN, read(root, EN).replace(OLD_BULLET, NEW_BULLET));
    const r = await runCli(['i18n', 'diff', 'ml-engineer', '--locale', 'ja', '--root', root]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        `Changed in agents/ml-engineer.md since locales/ja/agents/ml-engineer.md was stamped:`,
        '',
        '### Model Serving and Deployment',
        `-${OLD_BULLET}`,
        `+${NEW_BULLET}`,
        '',
        `hint: Update locales/ja/agents/ml-engineer.md accordingly, then run agentpack i18n stamp ml-engineer --locale ja --root ${root}`,
        '',
      ].join('\n'),
    );
    const ja = await runCli(['i18n', 'diff', 'ml-engineer', '-l', 'ja', '--root', root, '--lang', 'ja']);
    expect(ja.code).toBe(1);
    expect(ja.stdout).toContain('locales/ja/agents/ml-engineer.md にハッシュを記録してから agents/ml-engineer.md で変わった箇所:\n');
    expect(ja.stdout).toContain(`### Model Serving and Deployment\n-${OLD_BULLET}\n+${NEW_BULLET}\n`);
    expect(ja.stdout).toContain(`agentpack i18n stamp ml-engineer --locale ja --root ${root} を実行してください。`);
    const json = await runCli(['i18n', 'diff', 'ml-engineer', '-l', 'ja', '--root', root, '--json']);
    expect(json.code).toBe(1);
    const out = JSON.parse(json.stdout) as DiffJson;
    expect(out).toMatchObject({ ok: false, changed: true });
    expect(out.changes).toEqual([{ section: '### Model Serving and Deployment', removed: [OLD_BULLET], added: [NEW_BULLET] }]);

    const stamp = await runCli(['i18n', 'stamp', 'ml-engineer', '--locale', 'ja', '--root', root]);
    expect(stamp.code).toBe(0);
    expect(stamp.stdout).toContain(`Kept the source's text as stamped in ${SNAPSHOT} (for agentpack i18n diff).`);
    const status = await runCli(['i18n', 'status', '--root', root, '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ ok: true, translations: [{ locale: 'ja', status: 'current' }] });
    const after = await runCli(['i18n', 'diff', 'ml-engineer', '--locale', 'ja', '--root', root]);
    expect(after.code).toBe(0);
    expect(JSON.parse(read(root, SNAPSHOT)).body).toContain(`\n${NEW_BULLET}\n`);
  });

  it('groups removed and added lines by section, and a changed description under description:', async () => {
    const root = packageCopy();
    const en = read(root, EN);
    write(
      root,
      EN,
      en
        .replace('description: Builds production', 'description: Builds dependable production')
        .replace(OLD_BULLET, `${OLD_BULLET}\n- Serving on edge devices with ONNX Runtime`)
        .replace('- PyTorch 2.x, including torch.compile, FSDP, and distributed training features\n', ''),
    );
    const r = await runCli(['i18n', 'diff', 'ml-engineer', '--locale', 'ja', '--root', root, '--json']);
    expect(r.code).toBe(1);
    const { changes } = JSON.parse(r.stdout) as DiffJson;
    expect(changes.map((c) => [c.section, c.removed.length, c.added.length])).toEqual([
      ['description:', 1, 1],
      ['### Core ML Frameworks and Libraries', 1, 0],
      ['### Model Serving and Deployment', 0, 1],
    ]);
    expect(changes[2]?.added).toEqual(['- Serving on edge devices with ONNX Runtime']);
  });

  it('a translation stamped before the source text was kept says so, names i18n stamp, exit 1 (en, ja); so does one with no hash', async () => {
    const root = packageCopy();
    rmSync(join(root, SNAPSHOT));
    // Current without a snapshot: nothing to show, nothing needed.
    expect((await runCli(['i18n', 'diff', 'ml-engineer', '-l', 'ja', '--root', root])).code).toBe(0);
    write(root, EN, read(root, EN).replace(OLD_BULLET, NEW_BULLET));
    const r = await runCli(['i18n', 'diff', 'ml-engineer', '-l', 'ja', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `error I18N_DIFF_NO_STAMP: ${JA} was stamped before agentpack kept the source's text, so it cannot show what changed in ${EN} since then.\n` +
        `hint: Compare the translation with ${EN} by hand, then run agentpack i18n stamp ml-engineer --locale ja --root ${root}; from then on, agentpack i18n diff shows every change.\n`,
    );
    const ja = await runCli(['i18n', 'diff', 'ml-engineer', '-l', 'ja', '--root', root, '--lang', 'ja']);
    expect(ja.stderr).toContain('原文のテキストを保存するようになる前に記録されたため');
    const json = await runCli(['i18n', 'diff', 'ml-engineer', '-l', 'ja', '--root', root, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'I18N_DIFF_NO_STAMP' } });
    // The way out: stamp, then the next change shows.
    expect((await runCli(['i18n', 'stamp', 'ml-engineer', '-l', 'ja', '--root', root])).code).toBe(0);
    write(root, EN, read(root, EN).replace(NEW_BULLET, OLD_BULLET));
    const next = await runCli(['i18n', 'diff', 'ml-engineer', '-l', 'ja', '--root', root, '--json']);
    expect((JSON.parse(next.stdout) as DiffJson).changes).toEqual([
      { section: '### Model Serving and Deployment', removed: [NEW_BULLET], added: [OLD_BULLET] },
    ]);

    write(root, JA, read(root, JA).replace(/^i18n:\n.*\n.*\n/m, ''));
    const untracked = await runCli(['i18n', 'diff', 'ml-engineer', '-l', 'ja', '--root', root]);
    expect(untracked.code).toBe(1);
    expect(untracked.stderr).toContain('error I18N_DIFF_NO_STAMP:');
  });

  it('the shipped snapshot is what i18n stamp writes, and install never writes it', async () => {
    const root = packageCopy();
    const shipped = read(root, SNAPSHOT);
    rmSync(join(root, 'locales/ja/agents/.i18n-stamps'), { recursive: true });
    const r = await runCli(['i18n', 'stamp', 'ml-engineer', '-l', 'ja', '--root', root]);
    expect(r.code).toBe(0);
    expect(read(root, SNAPSHOT)).toBe(shipped);
    expect(read(root, JA)).toBe(readRepoFile(JA));
    const again = await runCli(['i18n', 'stamp', 'ml-engineer', '-l', 'ja', '--root', root]);
    expect(again.stdout).toBe('locales/ja/agents/ml-engineer.md is already current; nothing changed.\n');

    const { env, home } = isolatedEnv();
    expect((await runCli(['install', 'ml-engineer', '--locale', 'ja', '--user'], { env })).code).toBe(0);
    const agents = join(home, '.claude', 'agents');
    expect(readdirSync(agents).sort()).toEqual(['.agentpack.json', 'ml-engineer.md']);
    const installed = readFileSync(join(agents, 'ml-engineer.md'), 'utf8');
    expect(installed).not.toContain('i18n');
    expect(installed).not.toContain('sourceHash');
  });
});

describe('i18n new', () => {
  it('writes a zh-CN skeleton with the same headings and code, the fields copied and each text line marked; status says skeleton, exit 1', async () => {
    const root = packageCopy();
    const r = await runCli(['i18n', 'new', 'ml-engineer', '--locale', 'zh-cn', '--root', root]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Created locales\/zh-CN\/agents\/ml-engineer\.md: a skeleton of agents\/ml-engineer\.md with \d+ line\(s\) marked \[\[translate\]\]\.\n/,
    );
    const skeleton = read(root, ZH);
    const en = read(root, EN);
    expect(structureOf(skeleton)).toEqual(structureOf(en));
    expect(structureOf(skeleton).headings.length).toBeGreaterThan(5);
    expect(skeleton).toMatch(/^---\nname: ml-engineer\ndescription: "\[\[translate\]\] Builds production /);
    expect(skeleton).toContain('\nmodel: sonnet\ni18n:\n  source: ../../../agents/ml-engineer.md\n  sourceHash: sha256:');
    expect(skeleton).toContain(`\n- [[translate]] ${OLD_BULLET.slice(2)}\n`);
    // Every line of text is marked; headings, blank lines and code are as in the source.
    const body = skeleton.slice(skeleton.indexOf('\n---\n', 4) + 5).split('\n');
    const prose = body.filter((l) => l.trim() !== '' && !/^#{1,6} /.test(l) && !l.startsWith('> **['));
    expect(prose.filter((l) => !l.includes('[[translate]]'))).toEqual([]);

    const status = await runCli(['i18n', 'status', '--root', root, '--json']);
    expect(status.code).toBe(1);
    const rows = (JSON.parse(status.stdout) as { translations: Array<{ locale: string; status: string; marked?: number }> }).translations;
    expect(rows.map((t) => [t.locale, t.status])).toEqual([
      ['ja', 'current'],
      ['zh-CN', 'skeleton'],
    ]);
    expect(rows[1]?.marked).toBeGreaterThan(50);
    const ja = await runCli(['i18n', 'status', '--root', root, '--lang', 'ja']);
    expect(ja.stdout).toMatch(/ml-engineer\s+zh-CN\s+下書き \(skeleton\)\s+locales\/zh-CN\/agents\/ml-engineer\.md/);

    const validate = await runCli(['validate', '--root', root, '--json']);
    expect(validate.code).toBe(0);
    const files = (JSON.parse(validate.stdout) as { files: Array<{ path: string; diagnostics: Array<{ severity: string; code: string }> }> }).files;
    expect(files.find((f) => f.path === ZH)?.diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'TRANSLATION_SKELETON']]);

    const stamp = await runCli(['i18n', 'stamp', 'ml-engineer', '-l', 'zh-CN', '--root', root]);
    expect(stamp.code).toBe(1);
    expect(stamp.stderr).toMatch(/^error I18N_STAMP_SKELETON: Refusing to stamp locales\/zh-CN\/agents\/ml-engineer\.md: it is still a skeleton/);

    // Translated (here: the markers removed): current, since the skeleton recorded the source's hash.
    write(root, ZH, skeleton.replaceAll('[[translate]] ', ''));
    expect(JSON.parse((await runCli(['i18n', 'status', '--root', root, '--json'])).stdout)).toMatchObject({
      ok: true,
      translations: [{ status: 'current' }, { locale: 'zh-CN', status: 'current' }],
    });
  });

  it('refuses to replace a translation; --force keeps it as a .bak (en, ja)', async () => {
    const root = packageCopy();
    const before = read(root, JA);
    const r = await runCli(['i18n', 'new', 'ml-engineer', '--locale', 'ja', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error I18N_TRANSLATION_EXISTS: ${JA} already exists; agentpack does not replace a translation you may have written.\n` +
        `hint: To start over from a new skeleton (the current file is kept as a .bak), run agentpack i18n new ml-engineer --locale ja --force --root ${root}\n`,
    );
    const ja = await runCli(['i18n', 'new', 'ml-engineer', '--locale', 'ja', '--root', root, '--lang', 'ja']);
    expect(ja.stderr).toContain('あなたが書いた翻訳かもしれないため、agentpack は置き換えません。');
    expect(read(root, JA)).toBe(before);
    const forced = await runCli(['i18n', 'new', 'ml-engineer', '--locale', 'ja', '--root', root, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`The file that was there is kept as ${JA}.bak.`);
    expect(read(root, `${JA}.bak`)).toBe(before);
    expect(read(root, JA)).toContain('[[translate]]');
  });

  it('takes any well-formed BCP 47 tag in its conventional case; a malformed one is a usage error naming the tag meant (en, ja)', async () => {
    const root = packageCopy();
    for (const [tag, folder] of [
      ['ko', 'ko'],
      ['pt-br', 'pt-BR'],
      ['zh-hant-tw', 'zh-Hant-TW'],
    ] as const) {
      const r = await runCli(['i18n', 'new', 'ml-engineer', '-l', tag, '--root', root]);
      expect(r.code, tag).toBe(0);
      expect(existsSync(join(root, 'locales', folder, 'agents', 'ml-engineer.md')), tag).toBe(true);
    }
    const bad = await runCli(['i18n', 'new', 'ml-engineer', '-l', 'zh_CN', '--root', root]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error LOCALE_MALFORMED: "zh_CN" is not a language tag (BCP 47, e.g. ja, ko, zh-CN, pt-BR).\nhint: Did you mean zh-CN?\n');
    const badJa = await runCli(['i18n', 'new', 'ml-engineer', '-l', 'zh_CN', '--root', root, '--lang', 'ja']);
    expect(badJa.stderr).toContain('ヒント: zh-CN のことですか？');
    expect(existsSync(join(root, 'locales', 'zh_CN'))).toBe(false);
    // A known catalog's languages are matched in any case; an unknown one is still "did you mean".
    expect((await runCli(['i18n', 'diff', 'ml-engineer', '-l', 'JA', '--root', root])).code).toBe(0);
    const jp = await runCli(['i18n', 'stamp', 'ml-engineer', '-l', 'jp', '--root', root]);
    expect(jp.code).toBe(2);
    expect(jp.stderr).toMatch(/^error LOCALE_UNKNOWN: .*\nhint: Did you mean ja\?\n$/);
  });
});

describe('i18n new in a folder of English agents only', () => {
  it('writes i18n/<tag>/<same path>, the layout mirror trees use, and status --from then sees a skeleton', async () => {
    const from = tempDir();
    cpSync(join(ROOT, EN), join(from, 'team', 'ml-engineer.md'));
    const r = await runCli(['i18n', 'new', 'ml-engineer', '-l', 'ko', '--from', from]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Created i18n\/ko\/team\/ml-engineer\.md: /);
    expect(read(from, 'i18n/ko/team/ml-engineer.md')).toContain('  source: ../../../team/ml-engineer.md\n');
    const status = await runCli(['i18n', 'status', '--from', from, '--json']);
    expect(status.code).toBe(1);
    expect(JSON.parse(status.stdout)).toMatchObject({ translations: [{ locale: 'ko', status: 'skeleton', path: 'i18n/ko/team/ml-engineer.md' }] });
  });
});

describe('i18n stamp --all', () => {
  it('stamps what passes, refuses a skeleton and a translation that fails the checks, lists both, exit 1; per locale exit 0', async () => {
    const root = packageCopy();
    write(root, EN, read(root, EN).replace(OLD_BULLET, NEW_BULLET));
    expect((await runCli(['i18n', 'new', 'ml-engineer', '-l', 'ko', '--root', root])).code).toBe(0);
    const r = await runCli(['i18n', 'stamp', '--all', '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Stamped locales\/ja\/agents\/ml-engineer\.md: sourceHash sha256:[0-9a-f]{64} \(was sha256:[0-9a-f]{64}\)\.\n/);
    expect(r.stdout).toContain('Refusing to stamp locales/ko/agents/ml-engineer.md: it is still a skeleton');
    expect(r.stdout).toContain('Stamped 1 translation(s) (1 changed); refused 1.\n');
    const ja = await runCli(['i18n', 'stamp', '--all', '--root', root, '--lang', 'ja']);
    expect(ja.stdout).toContain('翻訳 1 個に記録しました（うち変更 0 個）。記録しなかった翻訳は 1 個です。');

    const one = await runCli(['i18n', 'stamp', '--all', '--locale', 'ja', '--root', root, '--json']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ ok: true, stamped: [{ locale: 'ja', changed: false }], refused: [] });

    // A translation whose model differs from the source fails the checks: refused, left as it is.
    write(root, JA, read(root, JA).replace('model: sonnet', 'model: opus'));
    write(root, EN, read(root, EN).replace(NEW_BULLET, OLD_BULLET));
    const jaBefore = read(root, JA);
    const refused = await runCli(['i18n', 'stamp', '--all', '-l', 'ja', '--root', root, '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, stamped: [], refused: [{ path: JA, code: 'I18N_STAMP_INVALID' }] });
    expect(read(root, JA)).toBe(jaBefore);
    const usage = await runCli(['i18n', 'stamp', 'ml-engineer', '--all', '--root', root]);
    expect(usage.code).toBe(2);
  });
});

describe('i18n status of a catalog', () => {
  it('counts per language (current, outdated, untracked, skeleton, missing), with --json and exit 1; declared translation fields shown', async () => {
    const from = tempDir();
    cpSync(join(ROOT, 'test/fixtures/catalogs/lang-layouts/root-lang'), from, { recursive: true });
    const labeler = 'ja/agents/issue-labeler.md';
    write(from, labeler, read(from, labeler).replace(/^---\n/, '---\ntranslation_status: translated\nupstream: v1.4.0\n'));
    const created = await runCli(['i18n', 'new', 'changelog-editor', '-l', 'ko', '--from', from]);
    expect(created.code).toBe(0);
    expect(existsSync(join(from, 'ko/agents/changelog-editor.md'))).toBe(true);
    expect(existsSync(join(from, 'ko/agents/.i18n-stamps/changelog-editor.json'))).toBe(true);
    expect((await runCli(['i18n', 'new', 'issue-labeler', '-l', 'zh-TW', '--from', from])).code).toBe(0);
    expect(existsSync(join(from, 'zh-TW/agents/issue-labeler.md'))).toBe(true);

    const r = await runCli(['i18n', 'status', '--from', from]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${labeler} declares translation_status: translated, upstream: v1.4.0\n`);
    const table = r.stdout.slice(r.stdout.indexOf('Per language:'));
    expect(table.split('\n').map((l) => l.trim().split(/\s+/))).toEqual([
      ['Per', 'language:'],
      ['LANGUAGE', 'current', 'outdated', 'untracked', 'skeleton', 'missing'],
      [expect.stringMatching(/^-+$/)],
      ['ja', '0', '0', '2', '0', '0'],
      ['ko', '0', '0', '1', '1', '0'],
      ['zh-TW', '0', '0', '0', '1', '1'],
      [''],
    ]);
    const json = await runCli(['i18n', 'status', '--from', from, '--json']);
    expect(json.code).toBe(1);
    const out = JSON.parse(json.stdout) as { ok: boolean; locales: Array<Record<string, unknown>>; translations: Array<Record<string, unknown>> };
    expect(out.ok).toBe(false);
    expect(out.locales).toContainEqual({ locale: 'ko', current: 0, outdated: 0, untracked: 1, skeleton: 1, missing: 0, invalid: 0, orphaned: 0 });
    expect(out.translations.find((t) => t['path'] === labeler)).toMatchObject({
      status: 'untracked',
      declared: { translation_status: 'translated', upstream: 'v1.4.0' },
    });
    const ja = await runCli(['i18n', 'status', '--from', from, '--lang', 'ja']);
    expect(ja.stdout).toContain('言語ごと:');
    expect(ja.stdout).toMatch(/言語\s+最新 \(current\)\s+要更新 \(outdated\)\s+ハッシュ未記録 \(untracked\)\s+下書き \(skeleton\)\s+未翻訳 \(missing\)/);

    // The same catalog with every translation stamped and no skeleton: exit 0.
    rmSync(join(from, 'ko/agents/changelog-editor.md'));
    rmSync(join(from, 'zh-TW'), { recursive: true });
    expect((await runCli(['i18n', 'stamp', '--all', '--from', from])).code).toBe(0);
    const clean = await runCli(['i18n', 'status', '--from', from, '--json']);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ ok: true });
  });
});
