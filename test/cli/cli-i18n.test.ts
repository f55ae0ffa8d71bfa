import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, runCli, tempDir } from '../helpers/cli.js';

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const ja = (extra: Record<string, string | undefined> = {}): Record<string, string> => isolatedEnv({ LANG: 'ja_JP.UTF-8', ...extra }).env;
const en = (extra: Record<string, string | undefined> = {}): Record<string, string> => isolatedEnv({ LANG: 'C', ...extra }).env;

/** The keys of a JSON value, recursively, with every human message replaced by a marker. */
function withoutMessages(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMessages);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'message' || k === 'hint' ? typeof v : withoutMessages(v)]));
  }
  return value;
}

describe('which language the CLI speaks (spawned)', () => {
  it('LANG=ja_JP.UTF-8 agentpack list prints Japanese headers', async () => {
    const r = await runCli(['list'], { env: ja() });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^エージェント +言語 +ユーザー +プロジェクト +説明$/);
    expect(r.stdout).toMatch(/^ml-engineer +en, ja +- +- +PyTorch 2\.x、/m); // the Japanese variant's description
  });

  it('LANG=C agentpack list prints English headers', async () => {
    const r = await runCli(['list'], { env: en() });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^AGENT +LANGUAGES +USER +PROJECT +DESCRIPTION$/);
    expect(r.stdout).not.toMatch(JAPANESE);
  });

  it('--lang en overrides LANG=ja_JP.UTF-8, and --lang ja overrides LANG=C', async () => {
    const english = await runCli(['list', '--lang', 'en'], { env: ja() });
    expect(english.stdout.split('\n')[0]).toMatch(/^AGENT +LANGUAGES +USER +PROJECT +DESCRIPTION$/);
    const japanese = await runCli(['--lang=ja', 'list'], { env: en() });
    expect(japanese.stdout.split('\n')[0]).toMatch(/^エージェント +言語 +ユーザー +プロジェクト +説明$/);
  });

  it('AGENTPACK_LANG=ja works with LANG=C, and LC_ALL=C beats LANG=ja_JP.UTF-8', async () => {
    const japanese = await runCli(['list'], { env: en({ AGENTPACK_LANG: 'ja' }) });
    expect(japanese.stdout.split('\n')[0]).toMatch(/^エージェント/);
    const english = await runCli(['list'], { env: ja({ LC_ALL: 'C' }) });
    expect(english.stdout.split('\n')[0]).toMatch(/^AGENT/);
  });
});

describe('errors in both languages, codes never change (spawned)', () => {
  it('an unknown agent: Japanese under ja, English under en, same exit code', async () => {
    const japanese = await runCli(['show', 'ml-engneer'], { env: ja() });
    expect(japanese.code).toBe(1);
    expect(japanese.stdout).toBe('');
    expect(japanese.stderr).toBe(
      'エラー AGENT_UNKNOWN: "ml-engneer" という名前のエージェントはありません。\nヒント: "ml-engineer" のことですか？ agentpack list で利用できるエージェントを確認できます。\n',
    );
    const english = await runCli(['show', 'ml-engneer'], { env: en() });
    expect(english.code).toBe(1);
    expect(english.stderr).toBe(
      'error AGENT_UNKNOWN: No agent named "ml-engneer".\nhint: Did you mean "ml-engineer"? Run agentpack list to see the available agents.\n',
    );
  });

  it('--json: the same code and keys in both languages; only message and hint are translated', async () => {
    const [a, b] = await Promise.all([runCli(['show', 'zzz', '--json'], { env: en() }), runCli(['show', 'zzz', '--json'], { env: ja() })]);
    expect([a.code, b.code]).toEqual([1, 1]);
    const x = JSON.parse(a.stdout) as { ok: boolean; error: { code: string; message: string; hint: string } };
    const y = JSON.parse(b.stdout) as typeof x;
    expect(x.error.code).toBe('AGENT_UNKNOWN');
    expect(y.error.code).toBe('AGENT_UNKNOWN');
    expect(withoutMessages(y)).toEqual(withoutMessages(x));
    expect(y.error.message).toMatch(JAPANESE);
    expect(x.error.message).not.toMatch(JAPANESE);
  });
});

describe('--json is language-neutral (spawned)', () => {
  it('list --json is byte-identical under en and ja', async () => {
    const [a, b] = await Promise.all([runCli(['list', '--json'], { env: en() }), runCli(['list', '--json'], { env: ja() })]);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(a.stdout).not.toMatch(JAPANESE); // descriptions in JSON are the canonical (English) ones
    expect(JSON.parse(a.stdout)).toHaveProperty('agents.0.name', 'ml-engineer');
  });

  it('validate --json of the package is byte-identical under en and ja', async () => {
    const [a, b] = await Promise.all([runCli(['validate', '--json'], { env: en() }), runCli(['validate', '--json'], { env: ja() })]);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('validate --json with problems: same keys, codes, severities, lines; messages in the selected language', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'agents'));
    writeFileSync(join(dir, 'agents', 'bad.md'), '\ufeff---\nname: bad-agent\ndescription: x\ncolour: red\nmodel: sonet\n---\nbody\n');
    writeFileSync(join(dir, 'agents', 'worse.md'), '---\nname: worse\n---\nbody\n');
    const [a, b] = await Promise.all([
      runCli(['validate', 'agents', '--json'], { env: en(), cwd: dir }),
      runCli(['validate', 'agents', '--json'], { env: ja(), cwd: dir }),
    ]);
    expect([a.code, b.code]).toEqual([1, 1]);
    const x = JSON.parse(a.stdout) as { files: { diagnostics: { code: string; message: string; hint: string }[] }[] };
    const y = JSON.parse(b.stdout) as typeof x;
    expect(withoutMessages(y)).toEqual(withoutMessages(x));
    const codes = x.files.flatMap((f) => f.diagnostics.map((d) => d.code)).sort();
    expect(codes).toEqual(['BOM', 'DESCRIPTION_MISSING', 'MODEL_UNKNOWN', 'UNKNOWN_KEY']);
    for (const d of y.files.flatMap((f) => f.diagnostics)) expect(d.message, d.code).toMatch(JAPANESE);
    for (const d of x.files.flatMap((f) => f.diagnostics)) expect(d.message, d.code).not.toMatch(JAPANESE);
    // No placeholder left unfilled in either language.
    expect(a.stdout + b.stdout).not.toMatch(/\{\w+\}/);
  });

  it('the human validate report is Japanese under ja, with English codes', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.md'), '---\nname: bad\ndescription: x\nmodel: sonet\n---\nbody\n');
    const r = await runCli(['validate', 'bad.md'], { env: ja(), cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  警告 MODEL_UNKNOWN:4 "model: sonet" は');
    expect(r.stdout).toContain('1 個のファイルを検査しました: エラー 0 件、警告 1 件。');
  });
});
