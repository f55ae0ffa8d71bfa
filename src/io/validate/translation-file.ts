import { statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { CANONICAL_LOCALE, type Variant } from '../../core/catalog/catalog.js';
import { makeDiagnostic, type Diagnostic } from '../../core/diagnostics.js';
import type { ParsedAgent } from '../../core/agent/parse.js';
import { checkParity } from '../../core/i18n/parity.js';
import { compareTranslatedFields } from '../../core/i18n/fields.js';
import { hasErrors, variantHash } from '../../core/i18n/status.js';
import { commandLine } from '../../core/hints.js';
import { packageInfo } from '../package/root.js';
import { loadAgent } from '../read-agent.js';

/**
 * For `validate <path>`: a file with an `i18n` block is checked against the file its `source` names
 * (resolved relative to the file, like a Markdown link) — the source must exist, the non-translatable fields
 * must match, the structure must be parallel, and a recorded hash must be the source's current one.
 * Without a catalog there is no missing/orphaned status; `validate` without paths does the full check.
 */
export async function checkTranslationFile(options: {
  parsed: ParsedAgent;
  path: string;
  shownPath: string;
  cwd: string;
  strict: boolean;
  /** How the source is read (default loadAgent): validate-targets.ts hands over a source it just parsed. */
  load?: (path: string) => Promise<ParsedAgent>;
}): Promise<Diagnostic[]> {
  const { parsed, path, shownPath, cwd } = options;
  const source = parsed.i18n?.source;
  if (!parsed.isAgent || source === undefined) return [];
  const line = parsed.fieldLines?.get('i18n');
  const at = line === undefined ? {} : { line };
  const target = /^[a-z][a-z0-9+.-]*:/i.test(source) ? undefined : resolve(dirname(path), source.replace(/[#?].*$/, ''));
  const isFile = target === undefined ? false : (statSync(target, { throwIfNoEntry: false })?.isFile() ?? false);
  if (!target || !isFile) return [makeDiagnostic({ severity: 'error', code: 'I18N_SOURCE_NOT_FOUND', file: shownPath, ...at, params: { source } })];
  const sourceParsed = await (options.load ?? loadAgent)(target);
  const shownSource = relative(cwd, target) || target;
  const sourceHash = variantHash(sourceParsed);
  if (sourceHash === undefined) {
    return [makeDiagnostic({ severity: 'error', code: 'TRANSLATION_SOURCE_INVALID', file: shownPath, ...at, params: { source: shownSource } })];
  }
  const locale = /(?:^|[\\/])locales[\\/]([^\\/]+)[\\/]agents[\\/][^\\/]+$/.exec(path)?.[1];
  const agent = parsed.spec?.name ?? '';
  const variant = (p: ParsedAgent, file: string, shown: string, l: string): Variant => ({
    agent,
    locale: l,
    path: file,
    relPath: shown,
    canonical: l === CANONICAL_LOCALE,
    parsed: p,
  });
  const out = compareTranslatedFields({
    source: variant(sourceParsed, target, shownSource, CANONICAL_LOCALE),
    translation: variant(parsed, path, shownPath, locale ?? ''),
  });
  if (!hasErrors(parsed))
    out.push(...checkParity({ source: sourceParsed, translation: parsed, file: shownPath, severity: options.strict ? 'error' : 'warning' }));
  const recorded = parsed.i18n?.sourceHash;
  if (recorded !== undefined && recorded !== sourceHash && locale !== undefined && agent !== '') {
    const catalogRoot = resolve(dirname(path), '..', '..', '..');
    const root = catalogRoot === packageInfo().root ? undefined : relative(cwd, catalogRoot) || '.';
    const command = commandLine({ args: ['i18n', 'stamp', agent, '--locale', locale], root });
    const params = { agent, locale, path: shownPath, source: shownSource, command, recorded, current: sourceHash };
    out.push(makeDiagnostic({ severity: 'error', code: 'TRANSLATION_OUTDATED', file: shownPath, ...at, params }));
  }
  return out;
}
