import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentFrontMatterJsonSchema } from '../../src/core/agent/schema.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { EN_PATH, readText } from '../helpers/fixtures.js';

const STACK_TRACE = /^\s+at .+\(?.+:\d+:\d+\)?$/m;
const SCHEMA_FILE = join(ROOT, 'schema', 'agent-frontmatter.schema.json');

interface JsonDiagnostic {
  severity: string;
  code: string;
  file?: string;
  line?: number;
  message: string;
  hint: string;
}
interface JsonValidation {
  ok: boolean;
  files: Array<{ path: string; agent: string | null; isAgent: boolean; loadableAsIs: boolean; diagnostics: JsonDiagnostic[] }>;
  summary: { files: number; errors: number; warnings: number };
}

/** A folder with one broken agent, one agent with only a warning, and README-style documentation. */
function workspace(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'bad.md'), '---\nname: "a:b"\ndescription: ""\nmodle: sonnet\n---\nbody\n');
  writeFileSync(join(dir, 'warn.md'), '---\nname: warn-agent\ndescription: Use for tests.\ncolor: magenta\n---\nbody\n');
  mkdirSync(join(dir, 'docs', 'deep'), { recursive: true });
  writeFileSync(join(dir, 'docs', 'README.md'), '# Project\r\n\r\nSome text.\r\n\r\n---\r\n\r\nMore text.\r\n');
  writeFileSync(join(dir, 'docs', 'deep', 'page.md'), '---\ntitle: A page\nlayout: post\n---\n\nHello.\n');
  return dir;
}

describe('exit codes', () => {
  it('0: validate with no path checks the package and is clean', async () => {
    const r = await runCli(['validate']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    // Only problems are printed (none here), then the count; --verbose lists each clean file and translation.
    expect(r.stdout).toBe('Files checked: 2. Errors: 0, warnings: 0.\n');
    const verbose = await runCli(['validate', '--verbose']);
    expect(verbose.stdout).toBe(
      'agents/ml-engineer.md  no problems\nlocales/ja/agents/ml-engineer.md  no problems\n\nTranslations:\n  ml-engineer (ja): current  locales/ja/agents/ml-engineer.md\n\nFiles checked: 2. Errors: 0, warnings: 0.\n',
    );
    const ja = await runCli(['validate', '--lang', 'ja']);
    expect(ja.stdout).toBe('2 個のファイルを検査しました: エラー 0 件、警告 0 件。\n');
  });

  it('1: validate a bad file prints each error with code, line and hint, then the summary', async () => {
    const dir = workspace();
    const r = await runCli(['validate', 'bad.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^bad\.md$/m);
    expect(r.stdout).toContain('error NAME_INVALID:2');
    expect(r.stdout).toContain('error DESCRIPTION_MISSING:3');
    expect(r.stdout).toContain('warning UNKNOWN_KEY:4');
    expect(r.stdout).toContain('hint: Did you mean "model"?');
    expect(r.stdout).toContain('Files checked: 1. Errors: 2, warnings: 1.');
    expect(r.stdout).not.toMatch(STACK_TRACE);
  });

  it('warnings alone exit 0, and 1 with --strict', async () => {
    const dir = workspace();
    const plain = await runCli(['validate', 'warn.md'], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('warning FIELD_INVALID:4');
    const strict = await runCli(['validate', '--strict', 'warn.md'], { cwd: dir });
    expect(strict.code).toBe(1);
  });

  it('2: an unknown option is a USAGE error on stderr, without a stack trace', async () => {
    const r = await runCli(['validate', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('USAGE');
    expect(r.stderr).toContain('--bogus');
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('2: an unknown command and a missing argument are usage errors too', async () => {
    const unknown = await runCli(['frobnicate']);
    expect([unknown.code, unknown.stdout]).toEqual([2, '']);
    expect(unknown.stderr).toContain('USAGE');
    const missing = await runCli(['show']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('USAGE');
    expect(missing.stderr).not.toMatch(STACK_TRACE);
  });

  it('1: an unknown agent is AGENT_UNKNOWN with "did you mean", in English and Japanese', async () => {
    const en = await runCli(['show', 'ml-enginer']);
    expect(en.code).toBe(1);
    expect(en.stdout).toBe('');
    expect(en.stderr).toContain('AGENT_UNKNOWN');
    expect(en.stderr).toContain('Did you mean "ml-engineer"?');
    expect(en.stderr).not.toMatch(STACK_TRACE);
    const ja = await runCli(['show', 'ml-enginer', '--lang', 'ja']);
    expect(ja.code).toBe(1);
    expect(ja.stderr).toContain('AGENT_UNKNOWN');
    expect(ja.stderr).toContain('"ml-engineer" のことですか');
  });

  it('1: a path that does not exist is PATH_NOT_FOUND', async () => {
    const r = await runCli(['validate', 'no/such/file.md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PATH_NOT_FOUND');
  });

  it('0: --version prints the package version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});

describe('--json', () => {
  it('validate: {ok, files, summary} with codes, lines and hints; errors exit 1', async () => {
    const dir = workspace();
    const r = await runCli(['validate', '--json', 'bad.md', 'warn.md'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as JsonValidation;
    expect(out.ok).toBe(false);
    expect(out.summary).toEqual({ files: 2, errors: 2, warnings: 2 });
    expect(out.files.map((f) => [f.path, f.agent, f.loadableAsIs])).toEqual([
      ['bad.md', 'a:b', false],
      ['warn.md', 'warn-agent', true],
    ]);
    expect(out.files[0]?.diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([
      ['error', 'NAME_INVALID', 2],
      ['error', 'DESCRIPTION_MISSING', 3],
      ['warning', 'UNKNOWN_KEY', 4],
    ]);
    for (const d of out.files.flatMap((f) => f.diagnostics)) {
      expect(d.message.length).toBeGreaterThan(0);
      expect(d.hint.length).toBeGreaterThan(0);
    }
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('validate: the package itself is ok with two clean files', async () => {
    const r = await runCli(['validate', '--json']);
    const out = JSON.parse(r.stdout) as JsonValidation;
    expect(r.code).toBe(0);
    expect(out.ok).toBe(true);
    expect(out.summary).toEqual({ files: 2, errors: 0, warnings: 0 });
    expect(out.files.map((f) => [f.path, f.agent, f.loadableAsIs, f.diagnostics.length])).toEqual([
      ['agents/ml-engineer.md', 'ml-engineer', true, 0],
      ['locales/ja/agents/ml-engineer.md', 'ml-engineer', true, 0],
    ]);
  });

  it('list: {ok, agents: [{name, description, locales, installed}]} (issue 3 adds installed; ok is the envelope every command has; the first fields never change)', async () => {
    const r = await runCli(['list', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as unknown;
    const description = /^description: (.*)$/m.exec(readText(EN_PATH))?.[1];
    expect(out).toEqual({ ok: true, agents: [{ name: 'ml-engineer', description, locales: ['en', 'ja'], installed: { user: null, project: null } }] });
  });

  it('show: the rendered content, equal to the plain output', async () => {
    const json = await runCli(['show', 'ml-engineer', '--locale', 'ja', '--json']);
    const plain = await runCli(['show', 'ml-engineer', '--locale', 'ja']);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as { ok: boolean; agent: string; locale: string; content: string };
    expect(out).toEqual({ ok: true, agent: 'ml-engineer', locale: 'ja', content: plain.stdout });
  });

  it('a failure: {ok: false, error: {code, message, hint}} on stdout, exit 1', async () => {
    const r = await runCli(['show', 'nope', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { ok: boolean; error: { code: string; message: string; hint: string } };
    expect(out.ok).toBe(false);
    expect(out.error.code).toBe('AGENT_UNKNOWN');
    expect(out.error.message).toContain('nope');
  });
});

describe('validate on folders', () => {
  it('README-style Markdown is reported as not an agent and exits 0, even with --strict', async () => {
    const dir = workspace();
    const human = await runCli(['validate', '--strict', 'docs'], { cwd: dir });
    expect(human.code).toBe(0);
    expect(human.stdout).toBe('Files checked: 2. Errors: 0, warnings: 0.\n');
    const verbose = await runCli(['validate', '--strict', 'docs', '-v'], { cwd: dir });
    expect(verbose.stdout).toMatch(/docs\/README\.md\s+not an agent/);
    expect(verbose.stdout).toMatch(/docs\/deep\/page\.md\s+not an agent/);
    expect(verbose.stdout).toContain('Files checked: 2. Errors: 0, warnings: 0.');
    const json = await runCli(['validate', '--json', 'docs'], { cwd: dir });
    const out = JSON.parse(json.stdout) as JsonValidation;
    expect(out.ok).toBe(true);
    expect(out.files.map((f) => [f.path, f.isAgent, f.diagnostics.map((d) => d.code)])).toEqual([
      ['docs/README.md', false, ['NOT_AN_AGENT']],
      ['docs/deep/page.md', false, ['NOT_AN_AGENT']],
    ]);
  });

  it('a folder is searched recursively and a broken agent in it fails the run', async () => {
    const dir = workspace();
    const r = await runCli(['validate', '--json', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as JsonValidation;
    expect(out.files.map((f) => f.path)).toEqual(['bad.md', 'docs/README.md', 'docs/deep/page.md', 'warn.md']);
  });
});

describe('schema', () => {
  it('prints valid JSON equal to the shipped schema file', async () => {
    const r = await runCli(['schema']);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(printed).toEqual(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
    expect(printed['type']).toBe('object');
    expect(Object.keys(printed['properties'] as object)).toEqual(expect.arrayContaining(['name', 'description', 'tools', 'model', 'color']));
  });

  it('the committed schema file is exactly what the zod schema generates (run `npm run schema:write`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(`${JSON.stringify(agentFrontMatterJsonSchema(), null, 2)}\n`);
  });
});
