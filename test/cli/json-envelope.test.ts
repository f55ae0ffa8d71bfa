import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPackageCatalog, JA } from '../helpers/catalog.js';
import { isolatedEnv, runCli, tempDir } from '../helpers/cli.js';
import { FIXTURES_DIR } from '../../scripts/generate-source-fixtures.js';

/** Every command's `--json` output, one run each (in order: later runs read what earlier ones installed). */
const RUNS: { args: string[]; ok: boolean; code: number }[] = [
  { args: ['list'], ok: true, code: 0 },
  { args: ['list', '--from', 'plugin-tree'], ok: true, code: 0 },
  { args: ['show', 'ml-engineer'], ok: true, code: 0 },
  { args: ['show', 'code-reviewer', '--from', 'plugin-tree'], ok: true, code: 0 },
  { args: ['install', 'ml-engineer', '--dry-run'], ok: true, code: 0 },
  { args: ['install', 'ml-engineer'], ok: true, code: 0 },
  { args: ['install', '--all', '--from', 'plugin-tree', '--dry-run'], ok: false, code: 1 },
  { args: ['list'], ok: true, code: 0 },
  { args: ['diff', 'ml-engineer'], ok: true, code: 0 },
  { args: ['locale'], ok: true, code: 0 },
  { args: ['locale', 'ja'], ok: true, code: 0 },
  { args: ['update'], ok: true, code: 0 },
  { args: ['status'], ok: true, code: 0 },
  { args: ['uninstall', 'ml-engineer', '--dry-run'], ok: true, code: 0 },
  { args: ['uninstall', 'ml-engineer'], ok: true, code: 0 },
  { args: ['validate'], ok: true, code: 0 },
  { args: ['validate', '--from', 'ja-tree'], ok: false, code: 1 },
  { args: ['i18n', 'status'], ok: true, code: 0 },
  { args: ['i18n', 'status', '--from', 'ja-tree'], ok: false, code: 1 },
  { args: ['show', 'no-such-agent'], ok: false, code: 1 },
  { args: ['list', '--dir', ''], ok: false, code: 2 },
];

describe('--json: one envelope for every command', () => {
  it('list --json says ok: true, like every other command', async () => {
    const r = await runCli(['list', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out['ok']).toBe(true);
    expect(Object.keys(out)).toEqual(['ok', 'agents']);
  });

  it('each command prints one object whose first field is a boolean ok that matches its exit code', async () => {
    const { env } = isolatedEnv();
    const cwd = tempDir('agentpack-sources-');
    cpSync(FIXTURES_DIR, cwd, { recursive: true });
    const seen: string[] = [];
    for (const { args, ok, code } of RUNS) {
      const r = await runCli([...args, '--json'], { env, cwd });
      const label = `${args.join(' ')}: ${r.stderr}`;
      expect(r.code, label).toBe(code);
      const out = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(typeof out['ok'], label).toBe('boolean');
      expect(out['ok'], label).toBe(ok);
      expect(Object.keys(out)[0], label).toBe('ok');
      seen.push(args[0] === 'i18n' ? `i18n ${args[1]}` : (args[0] ?? ''));
    }
    // i18n stamp, on a copy of the package's catalog so that the repository is never written.
    const root = copyPackageCatalog();
    const stamp = await runCli(['i18n', 'stamp', 'ml-engineer', '--locale', 'ja', '--root', root, '--json'], { env });
    expect(stamp.code, stamp.stderr).toBe(0);
    expect(JSON.parse(stamp.stdout)).toMatchObject({ ok: true, agent: 'ml-engineer', locale: 'ja', path: JA, changed: false });
    seen.push('i18n stamp');
    // Every command that has --json output was run (schema prints the JSON Schema itself, not an envelope).
    expect(new Set(seen)).toEqual(
      new Set(['list', 'show', 'install', 'diff', 'locale', 'update', 'status', 'uninstall', 'validate', 'i18n status', 'i18n stamp']),
    );
  });

  it('a refused stamp and a conflict are ok: false with the error', async () => {
    const { env } = isolatedEnv();
    const root = copyPackageCatalog();
    writeFileSync(join(root, JA), '---\nname: other\ndescription: [x\n---\n');
    const stamp = await runCli(['i18n', 'stamp', 'ml-engineer', '--locale', 'ja', '--root', root, '--json'], { env });
    expect(stamp.code).toBe(1);
    expect(JSON.parse(stamp.stdout)).toMatchObject({ ok: false, error: { code: 'I18N_STAMP_INVALID' } });
    const agents = join(env['HOME'] ?? '', '.claude', 'agents');
    mkdirSync(agents, { recursive: true });
    writeFileSync(join(agents, 'ml-engineer.md'), 'mine\n');
    const conflict = await runCli(['install', 'ml-engineer', '--json'], { env });
    expect(conflict.code).toBe(1);
    expect(JSON.parse(conflict.stdout)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
