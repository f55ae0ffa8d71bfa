import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { contentHash } from '../../src/core/i18n/canonical-hash.js';
import { CANONICAL_LOCALE, type Catalog, type CatalogAgent, type Variant } from '../../src/core/catalog/catalog.js';
import { parseAgent } from '../../src/core/agent/parse.js';
import { ROOT, runCli, tempDir } from './cli.js';

/** A temporary copy of the package's catalog (agents/ and locales/): tests never touch the repo's files. */
export function copyPackageCatalog(): string {
  const dir = tempDir('agentpack-catalog-');
  cpSync(join(ROOT, 'agents'), join(dir, 'agents'), { recursive: true });
  cpSync(join(ROOT, 'locales'), join(dir, 'locales'), { recursive: true });
  return dir;
}

export function readRepoFile(relPath: string): string {
  return readFileSync(join(ROOT, relPath), 'utf8');
}

/**
 * An in-memory catalog from file texts keyed by catalog path (`agents/x.md`, `locales/ja/agents/x.md`),
 * laid out the way io/read-catalog.ts reads a folder — for pure tests without a file system.
 */
export function catalogOf(files: Record<string, string>, translationLocales?: string[]): Catalog {
  const catalog: Catalog = { root: '/virtual', agents: new Map(), orphans: [] };
  if (translationLocales) catalog.translationLocales = translationLocales;
  const variant = (relPath: string, agent: string, locale: string): Variant => ({
    agent,
    locale,
    path: `/virtual/${relPath}`,
    relPath,
    canonical: locale === CANONICAL_LOCALE,
    parsed: parseAgent(files[relPath] ?? '', { path: `/virtual/${relPath}` }),
  });
  for (const relPath of Object.keys(files).sort()) {
    const m = /^agents\/([^/]+)\.md$/.exec(relPath);
    if (m?.[1])
      catalog.agents.set(m[1], { name: m[1], variants: new Map([[CANONICAL_LOCALE, variant(relPath, m[1], CANONICAL_LOCALE)]]), canonical: CANONICAL_LOCALE });
  }
  for (const relPath of Object.keys(files).sort()) {
    const m = /^locales\/([^/]+)\/agents\/([^/]+)\.md$/.exec(relPath);
    if (!m?.[1] || !m[2]) continue;
    const v = variant(relPath, m[2], m[1]);
    const agent: CatalogAgent | undefined = catalog.agents.get(m[2]);
    if (agent) agent.variants.set(m[1], v);
    else catalog.orphans.push(v);
  }
  return catalog;
}

export const EN = 'agents/ml-engineer.md';
export const JA = 'locales/ja/agents/ml-engineer.md';
/** The Japanese ml-engineer exactly as it arrived (banner before the front-matter, link outside this package). */
export const SEED = join(ROOT, 'test', 'fixtures', 'seed-ml-engineer.ja.md');

export interface JsonDiagnostic {
  severity: string;
  code: string;
  line?: number;
  message: string;
  hint: string;
}
export interface ValidateJson {
  ok: boolean;
  files: Array<{ path: string; diagnostics: JsonDiagnostic[] }>;
  summary: { files: number; errors: number; warnings: number };
  translations: Array<{ agent: string; locale: string; status: string; path: string; recordedHash: string | null; sourceHash: string | null }>;
}

export const read = (root: string, rel: string): string => readFileSync(join(root, rel), 'utf8');
export const write = (root: string, rel: string, text: string): void => {
  mkdirSync(join(root, rel, '..'), { recursive: true });
  writeFileSync(join(root, rel), text);
};
export const diagnosticsOf = (out: ValidateJson, rel: string): JsonDiagnostic[] => out.files.find((f) => f.path === rel)?.diagnostics ?? [];

export async function validateJson(root: string, extra: string[] = []): Promise<{ code: number | null; out: ValidateJson }> {
  const r = await runCli(['validate', '--root', root, '--json', ...extra]);
  return { code: r.code, out: JSON.parse(r.stdout) as ValidateJson };
}

export async function statusJson(root: string): Promise<{ code: number | null; rows: ValidateJson['translations'] }> {
  const r = await runCli(['i18n', 'status', '--root', root, '--json']);
  return { code: r.code, rows: (JSON.parse(r.stdout) as { translations: ValidateJson['translations'] }).translations };
}

/** Fail the suite if the repo's own agent files changed while it ran: tests work on temporary copies. */
export function guardRepoFiles(): void {
  const before = new Map<string, string>();
  beforeAll(() => {
    for (const rel of [EN, JA]) before.set(rel, contentHash(readRepoFile(rel)));
  });
  afterAll(() => {
    for (const [rel, hash] of before) expect(contentHash(readRepoFile(rel)), rel).toBe(hash);
  });
}
