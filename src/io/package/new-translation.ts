import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { canonicalVariant, missingLocaleOf, type Catalog } from '../../core/catalog/catalog.js';
import { catalogLink } from '../../core/catalog/links.js';
import { translationPathIn } from '../../core/catalog/folder-layout.js';
import { AgentpackError } from '../../core/errors.js';
import { commandLine, type CatalogFlags } from '../../core/hints.js';
import { findAgent } from '../../core/catalog/lookup.js';
import { buildSkeleton, countMarked } from '../../core/i18n/skeleton.js';
import { variantHash } from '../../core/i18n/status.js';
import type { NewTranslation } from '../../core/i18n/stamp.js';
import { keepBackup } from '../fs/backup.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { readFileState } from '../fs/file-state.js';
import { parseAgent } from '../../core/agent/parse.js';
import { keepSnapshot } from './stamp-translation.js';

/** Where a new translation goes: the package layout's `locales/<tag>/agents/`, or a source folder's own mirror layout. */
function placeOf(options: { catalog: Catalog; packageLayout: boolean; canonicalPath: string; canonicalLocale: string; agent: string; locale: string }): string {
  const { catalog, agent, locale } = options;
  if (options.packageLayout) return `locales/${locale}/agents/${agent}.md`;
  // A canonical in a language's place (a Japanese-only agent): the other languages go where its place mirrors.
  return translationPathIn({ catalog, canonicalPath: options.canonicalPath, canonicalLocale: options.canonicalLocale, locale });
}

/**
 * `i18n new <agent> --locale <tag>`: write a skeleton translation of the agent's source where the catalog
 * keeps translations, with `i18n.source`, `i18n.sourceHash` and the source's text kept for `i18n diff`.
 * Refuses when a file is there, unless `force`: then that file is kept as a `.bak` first.
 */
export async function newTranslation(options: {
  catalog: Catalog;
  /** True for the package or a `--root` catalog (`agents/` + `locales/<lang>/agents/`); false for a `--from` folder. */
  packageLayout: boolean;
  agent: string;
  locale: string;
  force: boolean;
  flags: CatalogFlags;
}): Promise<NewTranslation> {
  const { catalog, locale, flags } = options;
  const agent = findAgent(catalog, options.agent);
  const canonical = canonicalVariant(agent);
  const sourceHash = canonical ? variantHash(canonical.parsed) : undefined;
  if (!canonical?.parsed.spec || sourceHash === undefined) {
    throw new AgentpackError({
      code: 'I18N_STAMP_INVALID',
      params: {
        agent: agent.name,
        locale,
        path: canonical?.relPath ?? agent.name,
        problems: 'TRANSLATION_SOURCE_INVALID',
        validate: commandLine({ args: ['validate'], ...flags }),
        command: commandLine({ args: ['i18n', 'new', agent.name, '--locale', locale], ...flags }),
      },
    });
  }
  if (locale === agent.canonical) {
    throw new AgentpackError({
      code: 'I18N_NOT_A_TRANSLATION',
      params: { agent: agent.name, locale, command: commandLine({ args: ['i18n', 'new', agent.name, '--locale', missingLocaleOf(agent)], ...flags }) },
      exitCode: 2,
    });
  }
  const existing = agent.variants.get(locale);
  const relPath =
    existing?.relPath ??
    placeOf({ catalog, packageLayout: options.packageLayout, canonicalPath: canonical.relPath, canonicalLocale: agent.canonical, agent: agent.name, locale });
  const path = existing?.path ?? join(catalog.root, ...relPath.split('/'));
  const state = await readFileState(path);
  let backup: string | undefined;
  if (state.kind !== 'missing') {
    if (!options.force) {
      const command = commandLine({ args: ['i18n', 'new', agent.name, '--locale', locale, '--force'], ...flags });
      throw new AgentpackError({ code: 'I18N_TRANSLATION_EXISTS', params: { path: relPath, command } });
    }
    const kept = await keepBackup({ path, state, move: false });
    backup = `${relPath}${kept.slice(path.length)}`;
  }
  const source = catalogLink({ from: relPath, to: canonical.relPath });
  const text = buildSkeleton({
    data: canonical.parsed.data ?? {},
    description: canonical.parsed.spec.description,
    body: canonical.parsed.body,
    source,
    sourceLocale: agent.canonical,
    locale,
    sourceHash,
  });
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic({ path, content: text, mode: state.kind === 'missing' ? 'create' : 'replace' });
  const parsed = parseAgent(text, { path });
  const snapshot = await keepSnapshot({ translation: { ...canonical, path, relPath, parsed }, canonical, sourceHash });
  return {
    agent: agent.name,
    locale,
    path: relPath,
    source: canonical.relPath,
    sourceHash,
    marked: countMarked({ description: parsed.spec?.description ?? '', body: parsed.body }),
    ...(backup === undefined ? {} : { backup }),
    ...(snapshot === undefined ? {} : { snapshot }),
  };
}
