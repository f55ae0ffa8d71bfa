import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv, ROOT, runCli, tempDir } from './helpers/cli.js';

const run = promisify(execFile);

/**
 * What a user gets from the registry: `npm pack` the repository (dist/ is already built by the global
 * setup; --ignore-scripts so packing never rebuilds dist/ under the other suites' feet), install the
 * tarball into a fresh prefix, and use it from there. Dependencies come from the npm cache
 * (--prefer-offline); set AGENTPACK_TEST_NPM_CACHE to use another cache folder.
 */
interface PackResult {
  filename: string;
  files: Array<{ path: string }>;
}

let tarball = '';
let packedFiles: string[] = [];
let prefix = '';
let installEnv: Record<string, string> = {};

beforeAll(async () => {
  const work = tempDir('agentpack-pack-');
  const packDir = join(work, 'pack');
  mkdirSync(packDir);
  const npmCache = process.env['AGENTPACK_TEST_NPM_CACHE'] ?? execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();
  // A temp HOME (no user .npmrc, nothing written under the real ~) but the shared download cache.
  installEnv = { ...isolatedEnv().env, npm_config_cache: npmCache, npm_config_logs_dir: join(work, 'npm-logs'), npm_config_update_notifier: 'false' };
  const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], { cwd: ROOT, env: installEnv });
  const result = (JSON.parse(packed.stdout) as PackResult[])[0];
  if (!result) throw new Error(`npm pack printed no result: ${packed.stdout}`);
  tarball = join(packDir, result.filename);
  packedFiles = result.files.map((f) => f.path).sort();
  prefix = join(work, 'prefix');
  mkdirSync(prefix);
  await run('npm', ['install', '--prefix', prefix, tarball, '--prefer-offline', '--no-audit', '--no-fund'], { cwd: work, env: installEnv, timeout: 170_000 });
}, 180_000);

describe('the published package', () => {
  it('carries dist, agents, locales, the schema and both READMEs, and no sources or tests', () => {
    expect(existsSync(tarball)).toBe(true);
    for (const file of [
      'package.json',
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
    expect(packedFiles.filter((f) => /^(src|test|scripts|bench|\.ci)\//.test(f) || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(packedFiles.filter((f) => f.endsWith('.tgz') || f.includes('node_modules/'))).toEqual([]);
  });

  it('its agentpack binary validates its own agents: exit 0, two clean files', async () => {
    const bin = join(prefix, 'node_modules', '.bin', 'agentpack');
    const { stdout } = await run(bin, ['validate', '--json'], { env: isolatedEnv().env, cwd: prefix });
    const out = JSON.parse(stdout) as { ok: boolean; summary: unknown; files: Array<{ path: string }> };
    expect(out.ok).toBe(true);
    expect(out.summary).toEqual({ files: 2, errors: 0, warnings: 0 });
    expect(out.files.map((f) => f.path)).toEqual(['agents/ml-engineer.md', 'locales/ja/agents/ml-engineer.md']);
    const human = await run(bin, ['validate'], { env: isolatedEnv().env, cwd: prefix });
    expect(human.stdout).toContain('0 error(s), 0 warning(s)');
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
      "const api = await import('agentpack');",
      "const names = ['parseAgent', 'loadAgent', 'validateAgent', 'renderAgent', 'agentFrontMatterSchema'];",
      'const types = Object.fromEntries(names.map((n) => [n, typeof api[n]]));',
      "const parsed = api.parseAgent('---\\nname: a\\ndescription: b\\n---\\nbody\\n');",
      "const loaded = await api.loadAgent(new URL(import.meta.resolve('agentpack/package.json')).pathname.replace(/package\\.json$/, 'agents/ml-engineer.md'));",
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
    const dts = readFileSync(join(prefix, 'node_modules', 'agentpack', 'dist', 'index.d.ts'), 'utf8');
    for (const name of ['parseAgent', 'loadAgent', 'validateAgent', 'renderAgent', 'agentFrontMatterSchema', 'type AgentSpec', 'type ParsedAgent', 'type Diagnostic']) {
      expect(dts).toContain(name);
    }
  });
});
