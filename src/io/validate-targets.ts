import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { checkCatalog } from '../core/check-catalog.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { AgentpackError } from '../core/errors.js';
import type { ParsedAgent } from '../core/parse-agent.js';
import type { TranslationRow } from '../core/translation-status.js';
import { checkTranslationFile } from './check-translation-file.js';
import { readCatalog } from './read-catalog.js';
import { loadAgent } from './read-agent.js';
import { findMarkdownFiles } from './walk.js';

export interface FileReport {
  /** Path as shown to the user (relative to the working directory or the package). */
  path: string;
  agent: string | null;
  locale?: string;
  isAgent: boolean;
  loadableAsIs: boolean;
  diagnostics: Diagnostic[];
}

export interface ValidationReport {
  files: FileReport[];
  /** Translation status per agent and locale (package/catalog mode only; empty for paths). */
  translations: TranslationRow[];
}

export function toReport(parsed: ParsedAgent, shownPath: string, locale?: string): FileReport {
  const report: FileReport = {
    path: shownPath,
    agent: parsed.spec?.name ?? (typeof parsed.data?.['name'] === 'string' ? parsed.data['name'] : null),
    isAgent: parsed.isAgent,
    loadableAsIs: parsed.loadableAsIs,
    diagnostics: parsed.diagnostics.map((d) => ({ ...d, file: shownPath })),
  };
  if (locale !== undefined) report.locale = locale;
  return report;
}

/**
 * Validate files or folders given on the command line, or a whole catalog when none are: the package's own,
 * or the one at `root`. A catalog is also checked for the links between its variants (DESIGN §4).
 */
export async function validateTargets(options: { paths: string[]; cwd: string; root?: string; rootArg?: string; strict?: boolean }): Promise<ValidationReport> {
  if (options.paths.length === 0) {
    const catalog = await readCatalog(options.root);
    const files: FileReport[] = [];
    for (const agent of catalog.agents.values()) {
      for (const variant of agent.variants.values()) files.push(toReport(variant.parsed, variant.relPath, variant.locale));
    }
    for (const orphan of catalog.orphans) files.push(toReport(orphan.parsed, orphan.relPath, orphan.locale));
    const check = checkCatalog({ catalog, strict: options.strict ?? false, rootArg: options.rootArg ?? '' });
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
  // many files there are, and the reads are synchronous underneath (read-agent.ts).
  const files: FileReport[] = [];
  for (const path of targets) {
    const parsed = await loadAgent(path);
    const shownPath = relative(options.cwd, path) || path;
    const report = toReport(parsed, shownPath);
    report.diagnostics.push(...(await checkTranslationFile({ parsed, path, shownPath, cwd: options.cwd, strict: options.strict ?? false })));
    files.push(report);
  }
  return { files, translations: [] };
}
