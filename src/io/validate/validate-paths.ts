import { stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { asDeclaredAgent, asNotAgent, fileKind } from '../../core/catalog/file-kind.js';
import { listedBy } from '../../core/catalog/plugins.js';
import { checkCatalog } from '../../core/i18n/check-catalog.js';
import type { CatalogFlags } from '../../core/hints.js';
import { AgentpackError } from '../../core/errors.js';
import type { ParsedAgent } from '../../core/agent/parse.js';
import { toReport, type FileReport, type ValidationReport } from '../../core/validate/report.js';
import { checkTranslationFile } from './translation-file.js';
import { readCatalog } from '../package/read-catalog.js';
import { loadAgent } from '../read-agent.js';
import { findCatalogFiles } from '../fs/walk.js';
import { readPlugins } from '../source/plugin-manifests.js';

export { toReport, type ValidationReport } from '../../core/validate/report.js';

/**
 * Indexes of `targets` in the order to check them: each file, except translations whose catalog-layout
 * source (three folders up, agents/<name>.md) is also a target; those are listed in `translationsOf`
 * under their source's index, to be checked right after it.
 */
function pairWithSources(targets: readonly string[]): { order: number[]; translationsOf: Map<number, number[]> } {
  const index = new Map(targets.map((path, i) => [path, i]));
  const translationsOf = new Map<number, number[]>();
  const order: number[] = [];
  targets.forEach((path, i) => {
    const m = /^(.*)[\\/]locales[\\/][^\\/]+[\\/]agents[\\/]([^\\/]+)$/.exec(path);
    const source = m ? index.get(join(m[1] ?? '', 'agents', m[2] ?? '')) : undefined;
    if (source === undefined) {
      order.push(i);
      return;
    }
    const list = translationsOf.get(source) ?? [];
    list.push(i);
    translationsOf.set(source, list);
  });
  return { order, translationsOf };
}

/**
 * Validate files or folders given on the command line, or a whole catalog when none are: the package's own,
 * or the one at `root`. A catalog is also checked for the links between its variants; `flags` select it
 * again in the commands hints name.
 */
export async function validateTargets(options: {
  paths: string[];
  cwd: string;
  root?: string;
  flags?: CatalogFlags;
  strict?: boolean;
}): Promise<ValidationReport> {
  if (options.paths.length === 0) {
    const catalog = await readCatalog(options.root);
    const files: FileReport[] = [];
    for (const agent of catalog.agents.values()) {
      for (const variant of agent.variants.values()) files.push(toReport(variant.parsed, variant.relPath, variant.locale));
    }
    for (const orphan of catalog.orphans) files.push(toReport(orphan.parsed, orphan.relPath, orphan.locale));
    const check = checkCatalog({ catalog, strict: options.strict ?? false, flags: options.flags ?? {} });
    for (const d of check.diagnostics) files.find((f) => f.path === d.file)?.diagnostics.push(d);
    return { files, translations: check.translations };
  }
  const targets: string[] = [];
  // For a file found in a folder: what it is by the rule `--from` uses (file-kind.ts); a file named alone is an agent.
  const kinds = new Map<string, (parsed: ParsedAgent) => ParsedAgent>();
  const manifestReports: FileReport[] = [];
  for (const given of options.paths) {
    const full = resolve(options.cwd, given);
    let info;
    try {
      info = await stat(full);
    } catch {
      throw new AgentpackError({ code: 'PATH_NOT_FOUND', params: { path: given } });
    }
    if (!info.isDirectory()) {
      targets.push(full);
      continue;
    }
    const { markdown, manifests } = await findCatalogFiles(full);
    const rootName = basename(full);
    const plugins = await readPlugins({ root: full, manifests, rootName });
    const listed = listedBy(plugins);
    for (const d of plugins.diagnostics) {
      const shown = relative(options.cwd, join(full, d.file ?? '')) || (d.file ?? '');
      manifestReports.push({ path: shown, agent: null, isAgent: false, loadableAsIs: false, diagnostics: [{ ...d, file: shown }] });
    }
    for (const path of markdown) {
      const relPath = relative(full, path).split(sep).join('/');
      kinds.set(path, (parsed) => {
        const kind = fileKind({ relPath, parsed, rootName, listed: listed(relPath) });
        if (kind.kind === 'not-agent') return asNotAgent(parsed, kind.reason);
        return kind.kind === 'agent' && kind.declared ? asDeclaredAgent(parsed) : parsed;
      });
      targets.push(path);
    }
  }
  // One file after another, keeping only each file's report (not its text): memory stays flat however
  // many files there are, and the reads are synchronous underneath (read-agent.ts). A translation laid out
  // as a catalog's (locales/<l>/agents/<n>.md) is checked right after its likely source (agents/<n>.md),
  // which is then read and parsed once for both; the reports keep the sorted order.
  const files: FileReport[] = new Array<FileReport>(targets.length);
  const strict = options.strict ?? false;
  let held: { path: string; parsed: ParsedAgent } | undefined;
  const load = async (path: string): Promise<ParsedAgent> => (held?.path === path ? held.parsed : loadAgent(path));
  const validateOne = async (at: number): Promise<ParsedAgent> => {
    const path = targets[at] as string;
    const read = await loadAgent(path);
    const parsed = kinds.get(path)?.(read) ?? read;
    const shownPath = relative(options.cwd, path) || path;
    const report = toReport(parsed, shownPath);
    report.diagnostics.push(...(await checkTranslationFile({ parsed, path, shownPath, cwd: options.cwd, strict, load })));
    files[at] = report;
    return parsed;
  };
  const { order, translationsOf } = pairWithSources(targets);
  for (const at of order) {
    const parsed = await validateOne(at);
    const translations = translationsOf.get(at);
    if (!translations) continue;
    held = { path: targets[at] as string, parsed };
    for (const t of translations) await validateOne(t);
    held = undefined;
  }
  return { files: [...files, ...manifestReports], translations: [] };
}
