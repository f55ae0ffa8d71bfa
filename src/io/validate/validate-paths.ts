import { stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { checkCatalog } from '../../core/i18n/check-catalog.js';
import type { CatalogFlags } from '../../core/hints.js';
import { AgentpackError } from '../../core/errors.js';
import type { ParsedAgent } from '../../core/agent/parse.js';
import { toReport, type FileReport, type ValidationReport } from '../../core/validate/report.js';
import { checkTranslationFile } from './translation-file.js';
import { readCatalog } from '../package/read-catalog.js';
import { loadAgent } from '../read-agent.js';
import { findMarkdownFiles } from '../fs/walk.js';

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
  for (const given of options.paths) {
    const full = resolve(options.cwd, given);
    let info;
    try {
      info = await stat(full);
    } catch {
      throw new AgentpackError({ code: 'PATH_NOT_FOUND', params: { path: given } });
    }
    targets.push(...(info.isDirectory() ? await findMarkdownFiles(full) : [full]));
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
    const parsed = await loadAgent(path);
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
  return { files, translations: [] };
}
