import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { canonicalVariant, sortedLocales, translationLocalesOf, type Catalog, type Variant } from '../../core/catalog/catalog.js';
import { catalogLink } from '../../core/catalog/links.js';
import { checkCatalog, type CatalogCheck } from '../../core/i18n/check-catalog.js';
import { AgentpackError, isAgentpackError } from '../../core/errors.js';
import { commandLine, type CatalogFlags } from '../../core/hints.js';
import { findAgent, findVariant } from '../../core/catalog/lookup.js';
import { parseSnapshot, serialiseSnapshot, SNAPSHOT_DIR, snapshotPath, type SourceSnapshot } from '../../core/i18n/snapshot.js';
import { stampSourceHash, type StampOutcome, type StampRefusal } from '../../core/i18n/stamp.js';
import { TRANSLATE_MARKER } from '../../core/i18n/skeleton.js';
import type { ErrorCode } from '../../core/codes.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { readCatalog } from './read-catalog.js';

export type { StampOutcome } from '../../core/i18n/stamp.js';

/** The snapshot file of a translation on disk: `.i18n-stamps/<name>.json` beside it. */
function snapshotFile(variant: Pick<Variant, 'path'>): string {
  return join(dirname(variant.path), SNAPSHOT_DIR, `${basename(variant.path, '.md')}.json`);
}

/** The snapshot kept beside a translation, or undefined when there is none (or it is not one). */
export async function readSnapshot(variant: Pick<Variant, 'path'>): Promise<SourceSnapshot | undefined> {
  const text = await readFile(snapshotFile(variant), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : parseSnapshot(text);
}

/**
 * Keep the source's text as of this stamp beside the translation (what `i18n diff` compares with later),
 * unless the snapshot there already holds exactly it. Returns the snapshot's path relative to the catalog
 * root when it was written.
 */
export async function keepSnapshot(options: { translation: Variant; canonical: Variant; sourceHash: string }): Promise<string | undefined> {
  const { translation, canonical } = options;
  const known = await readSnapshot(translation);
  if (known?.sourceHash === options.sourceHash) return undefined;
  const spec = canonical.parsed.spec;
  if (!spec) return undefined;
  const text = serialiseSnapshot({ source: canonical.relPath, description: spec.description, body: canonical.parsed.body });
  if (parseSnapshot(text)?.sourceHash !== options.sourceHash) return undefined;
  const path = snapshotFile(translation);
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic({ path, content: text, mode: 'replace' });
  return snapshotPath(translation.relPath);
}

/**
 * `i18n stamp`: record the source's current canonical hash in a translation, touching only that line
 * (or adding the i18n block), with an atomic write, and keep the source's text beside it for `i18n diff`.
 * Refuses an invalid translation, and a skeleton that still has lines to translate.
 */
export async function stampTranslation(options: {
  root?: string;
  catalog?: Catalog;
  /** The catalog's check, when stamping many translations of one catalog. */
  check?: CatalogCheck;
  agent: string;
  locale: string;
  flags: CatalogFlags;
}): Promise<StampOutcome> {
  const { flags } = options;
  const catalog = options.catalog ?? (await readCatalog(options.root));
  const agent = findAgent(catalog, options.agent);
  const stampCommand = (locale: string): string => commandLine({ args: ['i18n', 'stamp', agent.name, '--locale', locale], ...flags });
  if (options.locale === agent.canonical) {
    throw new AgentpackError({
      code: 'I18N_NOT_A_TRANSLATION',
      params: { agent: agent.name, locale: options.locale, command: stampCommand(sortedLocales(agent).find((l) => l !== agent.canonical) ?? 'ja') },
      exitCode: 2,
    });
  }
  const variant = findVariant({ agent, locale: options.locale, knownLocales: translationLocalesOf(catalog) });
  const canonical = canonicalVariant(agent);
  const check = options.check ?? checkCatalog({ catalog, flags });
  const row = check.translations.find((r) => r.agent === agent.name && r.locale === variant.locale);
  if (!canonical || !row || row.status === 'invalid' || row.sourceHash === null) {
    const own = variant.parsed.diagnostics.map((d) => ({ ...d, file: variant.relPath }));
    const problems = [...own, ...check.diagnostics].filter((d) => d.file === variant.relPath && d.severity === 'error');
    throw new AgentpackError({
      code: 'I18N_STAMP_INVALID',
      params: {
        agent: agent.name,
        locale: variant.locale,
        path: variant.relPath,
        problems: [...new Set(row?.problems ?? [])].join(', '),
        validate: commandLine({ args: ['validate'], ...flags }),
        command: stampCommand(variant.locale),
      },
      details: { problems: row?.problems ?? [], diagnostics: problems },
    });
  }
  if (row.status === 'skeleton') {
    throw new AgentpackError({
      code: 'I18N_STAMP_SKELETON',
      params: { path: variant.relPath, count: row.marked ?? 0, marker: TRANSLATE_MARKER, command: stampCommand(variant.locale) },
    });
  }
  const base = { agent: agent.name, locale: variant.locale, path: variant.relPath, previousStatus: row.status, sourceHash: row.sourceHash };
  const text = await readFile(variant.path, 'utf8');
  const result = stampSourceHash({ text, sourceHash: row.sourceHash, source: catalogLink({ from: variant.relPath, to: canonical.relPath }) });
  if (result.kind === 'unsafe') {
    throw new AgentpackError({ code: 'I18N_STAMP_UNSAFE', params: { path: variant.relPath, hash: row.sourceHash, reason: result.reason } });
  }
  if (result.kind === 'stamped') await writeFileAtomic({ path: variant.path, content: result.text, mode: 'replace', keepPermissions: true });
  const snapshot = await keepSnapshot({ translation: variant, canonical, sourceHash: row.sourceHash });
  const kept = snapshot === undefined ? {} : { snapshot };
  if (result.kind === 'unchanged') return { ...base, changed: false, previousHash: row.sourceHash, ...kept };
  return { ...base, changed: true, previousHash: result.previousHash, ...kept };
}

/** Errors that refuse one translation of many; anything else ends the run. */
const REFUSALS: readonly ErrorCode[] = ['I18N_STAMP_INVALID', 'I18N_STAMP_SKELETON', 'I18N_STAMP_UNSAFE'];

/**
 * `i18n stamp --all [--locale <l>]`: stamp every translation of the catalog (of one locale), each as `i18n
 * stamp` would; a translation that cannot be stamped is listed as refused and left as it is.
 */
export async function stampAll(options: {
  catalog: Catalog;
  locale?: string;
  flags: CatalogFlags;
}): Promise<{ stamped: StampOutcome[]; refused: StampRefusal[] }> {
  const { catalog, flags } = options;
  const check = checkCatalog({ catalog, flags });
  const stamped: StampOutcome[] = [];
  const refused: StampRefusal[] = [];
  for (const row of check.translations) {
    if (row.status === 'missing' || row.status === 'orphaned') continue;
    if (options.locale !== undefined && row.locale !== options.locale) continue;
    try {
      stamped.push(await stampTranslation({ catalog, check, agent: row.agent, locale: row.locale, flags }));
    } catch (error) {
      if (!isAgentpackError(error) || !REFUSALS.includes(error.code as ErrorCode)) throw error;
      refused.push({
        agent: row.agent,
        locale: row.locale,
        path: row.path,
        code: error.code as ErrorCode,
        params: error.params as Record<string, string | number>,
      });
    }
  }
  return { stamped, refused };
}
