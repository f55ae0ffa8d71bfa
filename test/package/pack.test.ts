import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv, registryEnv, ROOT, runCli, runTool, tempDir } from '../helpers/cli.js';

const run = promisify(execFile);

/**
 * What a user gets from the registry: `npm pack` the repository (dist/ is already built by the global
 * setup; --ignore-scripts so packing never rebuilds dist/ under the other suites' feet), install the
 * tarball into a fresh prefix, and use it from there. npm keeps the machine's CA and proxy settings
 * (registryEnv) so that a cold cache can still reach the registry; set AGENTPACK_TEST_NPM_CACHE to use
 * another cache folder.
 */
interface PackResult {
  filename: string;
  files: Array<{ path: string }>;
}

let tarball = '';
let packedFiles: string[] = [];
let prefix = '';
let installEnv: Record<string, string> = {};
let installLog = '';
let work = '';

beforeAll(async () => {
  work = tempDir('agentpack-pack-');
  const packDir = join(work, 'pack');
  mkdirSync(packDir);
  // A temp HOME (no user .npmrc, nothing written under the real ~), the machine's network settings and download cache.
  const cache = process.env['AGENTPACK_TEST_NPM_CACHE'];
  installEnv = { ...registryEnv(cache === undefined ? {} : { cache }).env, npm_config_logs_dir: join(work, 'npm-logs') };
  const packed = await runTool('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], { cwd: ROOT, env: installEnv });
  const result = (JSON.parse(packed.stdout) as PackResult[])[0];
  if (!result) throw new Error(`npm pack printed no result: ${packed.stdout}`);
  tarball = join(packDir, result.filename);
  packedFiles = result.files.map((f) => f.path).sort();
  prefix = join(work, 'prefix');
  mkdirSync(prefix);
  const installed = await runTool('npm', ['install', '--prefix', prefix, tarball, '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: work,
    env: installEnv,
  });
  installLog = installed.stderr + installed.stdout;
}, 180_000);

// `npm exec --package <tarball>` installs into the cache's _npx folder; leave the machine's cache as it was.
afterAll(() => {
  const npx = join(installEnv['npm_config_cache'] ?? '', '_npx');
  if (!tarball || !existsSync(npx)) return;
  for (const entry of readdirSync(npx)) {
    const manifest = join(npx, entry, 'package.json');
    if (existsSync(manifest) && readFileSync(manifest, 'utf8').includes(tarball)) rmSync(join(npx, entry), { recursive: true, force: true });
  }
  rmSync(work, { recursive: true, force: true });
});

describe('the published package', () => {
  it('carries dist, agents, locales, the schema and both READMEs, and no sources or tests', () => {
    expect(existsSync(tarball)).toBe(true);
    for (const file of [
      'package.json',
      'dist/cli.cjs',
      'dist/cli-main.cjs',
      'dist/cli.js',
      'dist/index.js',
      'dist/index.d.ts',
      'agents/ml-engineer.md',
      'locales/en/messages.json',
      'locales/ja/messages.json',
      'locales/ja/agents/ml-engineer.md',
      'schema/agent-frontmatter.schema.json',
      'README.md',
      'README.ja.md',
    ]) {
      expect(packedFiles, file).toContain(file);
    }
    expect(packedFiles.filter((f) => /^(src|test|scripts|bench|\.ci)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')))).toEqual([]);
    expect(packedFiles.filter((f) => f.endsWith('.tgz') || f.includes('node_modules/'))).toEqual([]);
  });

  it('is named agentpack-cli, keeps the bin agentpack, and ships no install-time script (npm warns about none)', () => {
    const manifest = JSON.parse(readFileSync(join(prefix, 'node_modules', 'agentpack-cli', 'package.json'), 'utf8')) as {
      name: string;
      bin: Record<string, string>;
      scripts?: Record<string, string>;
    };
    expect(manifest.name).toBe('agentpack-cli');
    expect(manifest.bin).toEqual({ agentpack: 'dist/cli.cjs' });
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts?.[script], script).toBeUndefined();
    // The negative control is the repository as it was: `"prepare": "tsup"` made npm print this warning.
    expect(installLog).not.toMatch(/install-scripts|prepare/);
    expect(existsSync(join(prefix, 'node_modules', '.bin', 'agentpack'))).toBe(true);
  });

  it('run through `npm exec --package <tarball>` from an unrelated folder, its hints say npx agentpack-cli (en and ja)', async () => {
    for (const [lang, switchLine] of [
      ['C.UTF-8', 'To switch to ja: npx agentpack-cli locale ja'],
      ['ja_JP.UTF-8', 'npx agentpack-cli locale en'],
    ] as const) {
      const folder = tempDir('agentpack-unrelated-');
      const env = { ...installEnv, LANG: lang, HOME: folder, CLAUDE_CONFIG_DIR: join(folder, 'claude') };
      const { stdout, stderr } = await runTool(
        'npm',
        ['exec', '--yes', '--prefer-offline', '--package', tarball, '--', 'agentpack', 'install', 'ml-engineer'],
        { cwd: folder, env },
      );
      expect(stdout, stderr).toContain(switchLine);
      expect(stdout).not.toMatch(/(^|[^-\w])agentpack (locale|install|update)\b/m);
      expect(readFileSync(join(folder, 'claude', 'agents', 'ml-engineer.md'), 'utf8')).toMatch(/^---\nname: ml-engineer\n/);
      // A refusal's hint too: the file is edited, so a switch is refused and names the --force command.
      const edited = join(folder, 'claude', 'agents', 'ml-engineer.md');
      await run('sh', ['-c', `printf '\nmine\n' >> '${edited}'`]);
      const refused = await run(
        'npm',
        ['exec', '--yes', '--prefer-offline', '--package', tarball, '--', 'agentpack', 'locale', lang.startsWith('ja') ? 'en' : 'ja'],
        { cwd: folder, env },
      ).catch((e: { stdout: string; stderr: string; code: number }) => e);
      expect('code' in refused ? refused.code : 0).toBe(1);
      expect(refused.stderr).toContain('npx agentpack-cli locale');
      expect(refused.stderr).toContain('--force');
      expect(refused.stderr).not.toMatch(/(^|[^-\w])agentpack (locale|install|update)\b/m);
    }
  }, 120_000);

  it('run as the installed bin, its hints say agentpack (en and ja)', async () => {
    const bin = join(prefix, 'node_modules', '.bin', 'agentpack');
    for (const [lang, switchLine] of [
      ['C.UTF-8', 'To switch to ja: agentpack locale ja'],
      ['ja_JP.UTF-8', 'agentpack locale en'],
    ] as const) {
      const { env, home } = isolatedEnv({ LANG: lang });
      const { stdout } = await run(bin, ['install', 'ml-engineer'], { env, cwd: home });
      expect(stdout).toContain(switchLine);
      expect(stdout).not.toContain('npx');
    }
  });

  it('its agentpack binary validates its own agents: exit 0, two clean files', async () => {
    const bin = join(prefix, 'node_modules', '.bin', 'agentpack');
    const { stdout } = await run(bin, ['validate', '--json'], { env: isolatedEnv().env, cwd: prefix });
    const out = JSON.parse(stdout) as { ok: boolean; summary: unknown; files: Array<{ path: string }> };
    expect(out.ok).toBe(true);
    expect(out.summary).toEqual({ files: 2, errors: 0, warnings: 0 });
    expect(out.files.map((f) => f.path)).toEqual(['agents/ml-engineer.md', 'locales/ja/agents/ml-engineer.md']);
    const human = await run(bin, ['validate'], { env: isolatedEnv().env, cwd: prefix });
    expect(human.stdout).toContain('Errors: 0, warnings: 0');
  });

  it('its `show ml-engineer --locale ja` prints the same bytes as the repository', async () => {
    const bin = join(prefix, 'node_modules', '.bin', 'agentpack');
    const installed = await run(bin, ['show', 'ml-engineer', '--locale', 'ja'], { env: isolatedEnv().env, cwd: prefix, encoding: 'buffer' });
    const repo = await runCli(['show', 'ml-engineer', '--locale', 'ja']);
    expect(repo.code).toBe(0);
    expect(Buffer.from(installed.stdout).toString('utf8')).toBe(repo.stdout);
    expect(Buffer.from(installed.stdout).subarray(0, 22).toString('utf8')).toBe('---\nname: ml-engineer\n');
  });

  it('its library entry exposes the API, usable from an ES module', async () => {
    const script = [
      "const api = await import('agentpack-cli');",
      "const names = ['parseAgent', 'loadAgent', 'validateAgent', 'renderAgent', 'agentFrontMatterSchema'];",
      'const types = Object.fromEntries(names.map((n) => [n, typeof api[n]]));',
      "const parsed = api.parseAgent('---\\nname: a\\ndescription: b\\n---\\nbody\\n');",
      "const loaded = await api.loadAgent(new URL(import.meta.resolve('agentpack-cli/package.json')).pathname.replace(/package\\.json$/, 'agents/ml-engineer.md'));",
      'console.log(JSON.stringify({ types, rendered: api.renderAgent({ spec: parsed.spec, body: parsed.body }), loaded: loaded.spec.name, valid: api.validateAgent("x").ok, schema: api.agentFrontMatterSchema.safeParse({ name: "a", description: "b" }).success }));',
    ].join('\n');
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: prefix, env: isolatedEnv().env });
    expect(JSON.parse(stdout)).toEqual({
      types: { parseAgent: 'function', loadAgent: 'function', validateAgent: 'function', renderAgent: 'function', agentFrontMatterSchema: 'object' },
      rendered: '---\nname: a\ndescription: b\n---\n\nbody\n',
      loaded: 'ml-engineer',
      valid: true,
      schema: true,
    });
    const dts = readFileSync(join(prefix, 'node_modules', 'agentpack-cli', 'dist', 'index.d.ts'), 'utf8');
    for (const name of [
      'parseAgent',
      'loadAgent',
      'validateAgent',
      'renderAgent',
      'agentFrontMatterSchema',
      'type AgentSpec',
      'type ParsedAgent',
      'type Diagnostic',
    ]) {
      expect(dts).toContain(name);
    }
  });
});
