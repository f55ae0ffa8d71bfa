import { CANONICAL_LOCALE } from '../catalog/catalog.js';
import type { DiagnosticCode } from '../codes.js';
import type { DiagnosticParams, Severity } from '../diagnostics.js';
import type { InstalledOrigin } from '../plan/origin.js';
import { agentPath, type Installation } from '../plan/installation.js';

/** One folder as status sees it (a pure view of io's snapshot). */
export interface StatusScope {
  scope: 'user' | 'project' | 'dir';
  dir: string;
  files: { rel: string; path: string; name: string | null; isAgent: boolean; loadable: boolean }[];
  installations: Installation[];
  /** Per installed agent, where it came from: a stale translation at install, an update due now. */
  origins?: Record<string, InstalledOrigin>;
  manifestError?: string;
  leftovers: string[];
  /** Backups a --force run kept, by name: said once per folder, so that they do not pile up unseen. */
  backups?: string[];
  lock?: { path: string; stale: boolean; owner?: { pid: number; host: string } };
}

export interface Finding {
  severity: Severity;
  code: DiagnosticCode;
  scope: StatusScope['scope'] | null;
  path?: string;
  params: DiagnosticParams;
}

/** A command line for a hint, in the given scope (`--project`, `--dir …` appended by the caller). */
export type HintCommand = (args: string[], scope: StatusScope) => string;

/** Words the caller puts into findings in the user's language: where an installed agent comes from, and a locale's name. */
export interface FindingNames {
  source: (inst: Installation) => string;
  language: (locale: string) => string;
}

/**
 * Problems that are not about one file's content: duplicate names in a tree, a user agent hidden by a
 * project agent, CLAUDE_CONFIG_DIR, and the manifest against the disk. Errors mean Claude Code would not
 * load something (or agentpack cannot tell); warnings need a look; info is for the record.
 */
export function statusFindings(options: {
  scopes: StatusScope[];
  configDir?: { agentsDir: string; homeAgentsDir: string; ignoredFiles: number };
  command: HintCommand;
  names: FindingNames;
}): Finding[] {
  const { scopes, configDir, command, names } = options;
  const out: Finding[] = [];
  if (configDir) {
    out.push({
      severity: 'info',
      code: 'CONFIG_DIR_SET',
      scope: 'user',
      path: configDir.agentsDir,
      params: { path: configDir.agentsDir, home: configDir.homeAgentsDir },
    });
    if (configDir.ignoredFiles > 0) {
      out.push({
        severity: 'warning',
        code: 'CONFIG_DIR_IGNORED',
        scope: null,
        path: configDir.homeAgentsDir,
        params: { path: configDir.homeAgentsDir, count: configDir.ignoredFiles },
      });
    }
  }
  for (const scope of scopes) {
    const byName = new Map<string, string[]>();
    for (const file of scope.files) if (file.isAgent && file.name !== null) byName.set(file.name, [...(byName.get(file.name) ?? []), file.rel]);
    for (const [name, files] of byName) {
      if (files.length > 1)
        out.push({
          severity: 'error',
          code: 'DUPLICATE_NAME',
          scope: scope.scope,
          path: scope.dir,
          params: { name, count: files.length, files: files.join(', ') },
        });
    }
    if (scope.manifestError !== undefined) {
      out.push({ severity: 'error', code: 'MANIFEST_INVALID', scope: scope.scope, path: scope.dir, params: { dir: scope.dir, detail: scope.manifestError } });
    }
    for (const inst of scope.installations) out.push(...installationFindings({ inst, scope, command, names }));
    for (const name of scope.leftovers)
      out.push({ severity: 'warning', code: 'LEFTOVER_TEMP', scope: scope.scope, path: name, params: { file: name, dir: scope.dir } });
    const backups = scope.backups ?? [];
    if (backups.length > 0)
      out.push({ severity: 'info', code: 'BACKUPS_KEPT', scope: scope.scope, path: scope.dir, params: { count: backups.length, files: backups.join(', ') } });
    if (scope.lock) {
      const params = { path: scope.lock.path, pid: scope.lock.owner?.pid ?? '?', host: scope.lock.owner?.host ?? '?' };
      out.push({
        severity: scope.lock.stale ? 'warning' : 'info',
        code: scope.lock.stale ? 'STALE_LOCK' : 'LOCK_HELD',
        scope: scope.scope,
        path: scope.lock.path,
        params,
      });
    }
  }
  out.push(...shadowFindings(scopes));
  return out;
}

function installationFindings(options: { inst: Installation; scope: StatusScope; command: HintCommand; names: FindingNames }): Finding[] {
  const { inst, scope, command, names } = options;
  const path = agentPath({ dir: scope.dir, inst });
  const params: DiagnosticParams = { agent: inst.agent, locale: inst.locale ?? '?', path, source: names.source(inst) };
  const at = (severity: Severity, code: DiagnosticCode, extra: DiagnosticParams = {}): Finding => ({
    severity,
    code,
    scope: scope.scope,
    path,
    params: { ...params, ...extra },
  });
  switch (inst.state) {
    case 'missing':
      return [
        at('warning', 'MANIFEST_FILE_MISSING', { command: command(['install', inst.agent], scope), command2: command(['uninstall', inst.agent], scope) }),
      ];
    case 'modified':
      return [at('warning', 'INSTALLED_MODIFIED', { command: command(['diff', inst.agent], scope) })];
    case 'outdated': {
      const origin = scope.origins?.[inst.agent];
      if (!origin?.localeGone) return [at('info', 'INSTALLED_OUTDATED', { command: command(['update', inst.agent], scope) })];
      // Not an update `update` could apply: the source has no variant in this locale any more.
      const sourceLocale = origin.sourceLocale ?? CANONICAL_LOCALE;
      const language = { language: names.language(inst.locale ?? '?'), sourceLanguage: names.language(sourceLocale) };
      return [at('info', 'INSTALLED_LOCALE_GONE', { ...language, command: command(['locale', sourceLocale, inst.agent], scope) })];
    }
    case 'ok':
      return [...(inst.recovered ? [at('info', 'INSTALLED_UNTRACKED')] : []), ...originFindings({ inst, scope, command, names, at })];
    default:
      return [];
  }
}

function originFindings(options: {
  inst: Installation;
  scope: StatusScope;
  command: HintCommand;
  names: FindingNames;
  at: (severity: Severity, code: DiagnosticCode, extra?: DiagnosticParams) => Finding;
}): Finding[] {
  const { inst, scope, command, names, at } = options;
  const origin = scope.origins?.[inst.agent];
  if (!origin) return [];
  const update = command(['update', inst.agent], scope);
  const sourceLocale = origin.sourceLocale ?? CANONICAL_LOCALE;
  const toSource = command(['locale', sourceLocale, inst.agent], scope);
  const languages = { language: names.language(inst.locale ?? '?'), sourceLanguage: names.language(sourceLocale) };
  return [
    ...(origin.updateDue ? [at('info', 'UPDATE_DUE', { command: update })] : []),
    ...(origin.translationBehind ? [at('info', 'TRANSLATION_BEHIND', { ...languages, command: toSource })] : []),
    ...(origin.translationWasCurrent === false
      ? [at('info', 'INSTALLED_FROM_STALE_TRANSLATION', { status: origin.translationStatus ?? '?', command: update, command2: toSource })]
      : []),
  ];
}

/** Project agents win over user agents of the same name in Claude Code: say which user agent is hidden. */
function shadowFindings(scopes: StatusScope[]): Finding[] {
  const user = scopes.find((s) => s.scope === 'user');
  const project = scopes.find((s) => s.scope === 'project');
  if (!user || !project || user.dir === project.dir) return [];
  const projectNames = new Map<string, string>();
  for (const file of project.files)
    if (file.isAgent && file.loadable && file.name !== null && !projectNames.has(file.name)) projectNames.set(file.name, file.path);
  const out: Finding[] = [];
  for (const file of user.files) {
    if (!file.isAgent || !file.loadable || file.name === null) continue;
    const other = projectNames.get(file.name);
    if (other !== undefined)
      out.push({ severity: 'warning', code: 'SHADOWED_BY_PROJECT', scope: 'user', path: file.path, params: { name: file.name, path: file.path, other } });
  }
  return out;
}
