import type { ClaudeStatus } from '../core/claude/compare.js';
import type { UiContext } from './context.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { InstalledOrigin } from '../core/plan/origin.js';
import { originFrom } from './git-report.js';
import type { Finding } from '../core/status/findings.js';
import type { ScopeSnapshot } from '../core/status/snapshot.js';
import type { Scope } from '../core/target.js';
import { claudeJson, claudeLines } from './claude-report.js';
import { describeDiagnostic, formatDiagnostic } from './diagnostics.js';
import { writeJson } from './json.js';
import { sanitizeForTerminal } from './style.js';

function asDiagnostic(finding: Finding): Diagnostic {
  const d: Diagnostic = { severity: finding.severity, code: finding.code, params: finding.params };
  if (finding.path !== undefined) d.file = finding.path;
  return d;
}

/** A recorded source that could not be read again: the code and the absolute path looked for. */
export interface StatusSourceProblem {
  code: 'SOURCE_NOT_FOUND' | 'SOURCE_FILE_MOVED';
  path: string;
}

interface InstalledJson {
  locale: string | null;
  state: string;
  origin?: InstalledOrigin;
  source?: { from: string; path: string; url?: string; commit?: string; problem?: StatusSourceProblem };
}

function installedOf(options: {
  snapshot: ScopeSnapshot;
  rel: string;
  origins?: Record<string, InstalledOrigin> | undefined;
  problems?: Record<string, StatusSourceProblem> | undefined;
}): InstalledJson | null {
  const inst = options.snapshot.installations.find((i) => i.fileName === options.rel);
  if (!inst) return null;
  const out: InstalledJson = { locale: inst.locale, state: inst.state };
  const origin = options.origins?.[inst.agent];
  if (origin) out.origin = origin;
  // An agent installed with --from says where it came from: the folder as given, and its file there.
  const source = inst.entry?.source;
  const problem = options.problems?.[inst.agent];
  if (source)
    out.source = {
      from: source.from,
      path: source.path,
      ...(source.git ? { url: source.git.url, commit: source.git.commit } : {}),
      ...(problem ? { problem } : {}),
    };
  return out;
}

/**
 * Print status (human or `--json`) and return the exit code: 1 when something would not load, or when
 * Claude Code itself (`--claude`) does not list an agent agentpack installed.
 */
export function printStatus(options: {
  snapshots: ScopeSnapshot[];
  /** Per snapshot (same order), the origin of each installed agent. */
  origins?: Record<string, InstalledOrigin>[];
  /** Per snapshot (same order), the agents whose recorded source is gone or moved. */
  problems?: Record<string, StatusSourceProblem>[];
  findings: Finding[];
  skipped: { scope: Scope; reason: string; home: string }[];
  claude?: ClaudeStatus | undefined;
  ctx: UiContext;
}): number {
  const { snapshots, origins, problems, findings, skipped, claude, ctx } = options;
  const { messages, style } = ctx;
  const { t } = messages;
  const notLoadable = snapshots.flatMap((s) => s.tree).filter((f) => f.parsed.isAgent && !f.parsed.loadableAsIs).length;
  // The summary counts what the report shows: the findings and each agent file's own diagnostics.
  const shown = [...findings, ...snapshots.flatMap((s) => s.tree).flatMap((f) => (f.parsed.isAgent ? f.parsed.diagnostics : []))];
  const errors = shown.filter((f) => f.severity === 'error').length;
  const warnings = shown.filter((f) => f.severity === 'warning').length;
  const unseen = claude?.available ? claude.agents.filter((a) => !a.seen).length : 0;
  const ok = notLoadable === 0 && errors === 0 && unseen === 0;
  if (ctx.json) {
    const payload = {
      scopes: snapshots.map((s, index) => ({
        scope: s.scope,
        dir: s.dir,
        exists: s.exists,
        files: s.tree.map((f) => ({
          path: f.path,
          agent: f.name,
          isAgent: f.parsed.isAgent,
          loadable: f.parsed.isAgent && f.parsed.loadableAsIs,
          installed: installedOf({ snapshot: s, rel: f.rel, origins: origins?.[index], problems: problems?.[index] }),
          diagnostics: f.parsed.diagnostics.filter((d) => d.severity !== 'info').map((d) => describeDiagnostic({ ...d, file: f.path }, messages)),
        })),
      })),
      skipped: skipped.map(({ scope, reason }) => ({ scope, reason })),
      findings: findings.map((f) => ({ scope: f.scope, ...describeDiagnostic(asDiagnostic(f), messages) })),
      summary: { files: snapshots.reduce((n, s) => n + s.tree.length, 0), notLoadable, errors, warnings },
      ...(claude ? { claude: claudeJson(claude, ctx) } : {}),
    };
    writeJson(ctx, payload, ok);
    return ok ? 0 : 1;
  }
  const lines: string[] = [];
  const global = findings.filter((f) => f.scope === null || f.code === 'CONFIG_DIR_SET');
  for (const f of global) lines.push(formatDiagnostic(asDiagnostic(f), ctx));
  for (const s of snapshots) {
    lines.push(style.bold(`${t(`status.scope.${s.scope}`)}: ${sanitizeForTerminal(s.dir)}`) + (s.exists ? '' : `  ${style.dim(t('status.noFolder'))}`));
    for (const f of s.tree) {
      const installed = installedOf({ snapshot: s, rel: f.rel });
      const mark = !f.parsed.isAgent
        ? style.dim(t('status.file.notAgent'))
        : f.parsed.loadableAsIs
          ? style.ok(t('status.file.loads'))
          : style.error(t('status.file.skipped'));
      const origin = installed?.source
        ? t('source.origin.folder', { from: originFrom(installed.source), path: installed.source.path })
        : t('source.origin.package');
      const by = installed
        ? `  ${style.dim(sanitizeForTerminal(t('status.file.installed', { locale: installed.locale ?? '?', state: t(`state.${installed.state as 'ok'}`), origin })))}`
        : '';
      lines.push(`  ${sanitizeForTerminal(f.rel)}  ${f.name !== null ? `${sanitizeForTerminal(f.name)}  ` : ''}${mark}${by}`);
      if (f.parsed.isAgent)
        for (const d of f.parsed.diagnostics.filter((x) => x.severity !== 'info')) lines.push(`  ${formatDiagnostic(d, ctx).replace(/\n/g, '\n  ')}`);
    }
    if (s.exists && s.tree.length === 0) lines.push(`  ${style.dim(t('status.empty'))}`);
    for (const f of findings.filter((x) => x.scope === s.scope && !global.includes(x))) lines.push(formatDiagnostic(asDiagnostic(f), ctx));
  }
  for (const s of skipped) lines.push(style.bold(`${t(`status.scope.${s.scope}`)}: `) + style.dim(t('status.projectIsHome', { home: s.home })));
  if (claude) lines.push(...claudeLines(claude, ctx));
  lines.push('', t('status.summary', { files: snapshots.reduce((n, s) => n + s.tree.length, 0), notLoadable, errors, warnings }));
  ctx.stdout.write(`${lines.join('\n')}\n`);
  return ok ? 0 : 1;
}
