import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers/cli.js';
import { readText, SEED_DESCRIPTION, SEED_PATH } from './helpers/fixtures.js';

/** The library exactly as published: the built dist/index.js (typed from the sources it is built from). */
type Api = typeof import('../src/index.js');
let api: Api;

beforeAll(async () => {
  api = (await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)) as Api;
});

const AGENT = '---\nname: api-agent\ndescription: Use for API tests.\ntools: Read, Grep\ncolor: magenta\n---\n\nYou help.\n';

describe('library API (dist/index.js)', () => {
  it('exports the API of DESIGN §7', () => {
    expect(Object.keys(api)).toEqual(
      expect.arrayContaining([
        'parseAgent',
        'loadAgent',
        'validateAgent',
        'renderAgent',
        'agentFrontMatterSchema',
        'agentFrontMatterJsonSchema',
        'AgentpackError',
      ]),
    );
    const src = readFileSync(join(ROOT, 'dist', 'index.d.ts'), 'utf8');
    expect(src).toMatch(/declare function parseAgent\(/);
    expect(src).toMatch(/type AgentSpec = /);
  });

  it('parseAgent: spec, body and diagnostics from text', () => {
    const parsed = api.parseAgent(AGENT, { path: 'x.md' });
    expect(parsed.spec).toEqual({ name: 'api-agent', description: 'Use for API tests.', tools: { kind: 'list', tools: ['Read', 'Grep'] } });
    expect(parsed.body).toBe('You help.\n');
    expect(parsed.diagnostics.map((d) => [d.severity, d.code, d.file, d.line])).toEqual([['warning', 'FIELD_INVALID', 'x.md', 5]]);
    expect(parsed.loadableAsIs).toBe(true);
    // The same answer as the sources: dist is current.
    const seed = api.parseAgent(readText(SEED_PATH));
    expect(seed.spec?.description).toBe(SEED_DESCRIPTION);
    expect(seed.diagnostics.map((d) => d.code)).toEqual(['BANNER_BEFORE_FRONTMATTER']);
  });

  it('validateAgent: counts, and strict turns warnings into failure', () => {
    expect(api.validateAgent(AGENT)).toMatchObject({ ok: true, errors: 0, warnings: 1, loadableAsIs: true });
    expect(api.validateAgent(AGENT, { strict: true }).ok).toBe(false);
    expect(api.validateAgent('---\nname: a\n---\n')).toMatchObject({ ok: false, errors: 1 });
  });

  it('renderAgent: canonical order, no invalid field, one final newline', () => {
    const parsed = api.parseAgent(AGENT);
    expect(api.renderAgent({ spec: parsed.spec!, body: parsed.body })).toBe(
      '---\nname: api-agent\ndescription: Use for API tests.\ntools: Read, Grep\n---\n\nYou help.\n',
    );
  });

  it('loadAgent: reads a real file and never throws for a bad one', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.md');
    writeFileSync(file, AGENT);
    const loaded = await api.loadAgent(file);
    expect(loaded.path).toBe(file);
    expect(loaded.spec?.name).toBe('api-agent');
    const missing = await api.loadAgent(join(dir, 'missing.md'));
    expect(missing.diagnostics.map((d) => d.code)).toEqual(['READ_FAILED']);
  });

  it('agentFrontMatterSchema: zod schema that normalises tools and keeps unknown keys', () => {
    const ok = api.agentFrontMatterSchema.safeParse({ name: 'a', description: 'b', tools: '*', extra: 1 });
    expect(ok.success && ok.data).toEqual({ name: 'a', description: 'b', tools: { kind: 'all' }, extra: 1 });
    expect(api.agentFrontMatterSchema.safeParse({ name: 'a:b', description: 'b' }).success).toBe(false);
    expect(api.agentFrontMatterSchema.safeParse({ name: 'a', description: '  ' }).success).toBe(false);
    expect(api.agentFrontMatterSchema.safeParse({ name: 'a', description: 'b', color: 'magenta' }).success).toBe(false);
  });

  it('agentFrontMatterJsonSchema: equals the shipped schema file', () => {
    const shipped = JSON.parse(readFileSync(join(ROOT, 'schema', 'agent-frontmatter.schema.json'), 'utf8')) as unknown;
    expect(api.agentFrontMatterJsonSchema()).toEqual(shipped);
  });

  it('KNOWN_FIELDS and TRANSLATABLE_FIELDS', () => {
    expect(api.KNOWN_FIELDS).toHaveLength(16);
    expect(api.KNOWN_FIELDS.slice(0, 2)).toEqual(['name', 'description']);
    expect(api.TRANSLATABLE_FIELDS).toEqual(['description']);
    expect(api.MAX_FILE_CHARS).toBeGreaterThan(100_000);
    expect(api.MAX_FRONTMATTER_CHARS).toBeLessThan(api.MAX_FILE_CHARS);
  });

  it('canonicalHash ignores formatting-only edits and sees content edits', () => {
    const base = api.canonicalHash({ description: 'Use it.', body: '# Title\n\n- item\n' });
    expect(base).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(api.canonicalHash({ description: 'Use it.', body: '\uFEFF# Title  \r\n\r\n\r\n- item' })).toBe(base);
    expect(api.canonicalHash({ description: 'Use it.', body: '# Title\n\n- item 2\n' })).not.toBe(base);
    expect(api.canonicalHash({ description: 'Use it!', body: '# Title\n\n- item\n' })).not.toBe(base);
    expect(api.canonicaliseText('a \r\n\r\n\r\nb')).toBe('a\n\nb\n');
    // NFC: a decomposed "é" hashes like the composed one.
    expect(api.canonicalHash({ description: 'caf\u0065\u0301', body: 'x' })).toBe(api.canonicalHash({ description: 'caf\u00e9', body: 'x' }));
  });

  it('contentHash is the sha256 of the bytes', () => {
    expect(api.contentHash('abc')).toBe(`sha256:${createHash('sha256').update('abc').digest('hex')}`);
  });

  it('every diagnostic and error code has a message and a hint in English and Japanese', () => {
    const catalogs = ['en', 'ja'].map((lang) => JSON.parse(readFileSync(join(ROOT, 'locales', lang, 'messages.json'), 'utf8')) as Record<string, string>);
    for (const catalog of catalogs) {
      for (const code of api.DIAGNOSTIC_CODES) {
        expect(catalog[`diag.${code}`], code).toBeTruthy();
        expect(catalog[`diag.${code}.hint`], code).toBeTruthy();
      }
      for (const code of api.ERROR_CODES) {
        expect(catalog[`error.${code}`], code).toBeTruthy();
        expect(catalog[`error.${code}.hint`], code).toBeTruthy();
      }
    }
  });

  it('AgentpackError carries a code and an exit code', () => {
    const error = new api.AgentpackError({ code: 'AGENT_UNKNOWN', params: { agent: 'x' } });
    expect(error).toBeInstanceOf(Error);
    expect([error.code, error.exitCode, error.params]).toEqual(['AGENT_UNKNOWN', 1, { agent: 'x' }]);
    expect(new api.AgentpackError({ code: 'USAGE', exitCode: 2 }).exitCode).toBe(2);
  });
});
