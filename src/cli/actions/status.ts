import type { Catalog } from '../../core/catalog/catalog.js';
import { agentPath } from '../../core/plan/installation.js';
import { installedOrigin, type InstalledOrigin } from '../../core/plan/origin.js';
import type { PackageRenders } from '../../core/plan/renders.js';
import { statusFindings, type Finding, type StatusScope } from '../../core/status/findings.js';
import { groupSourceProblems } from '../../core/status/source-problems.js';
import { countAgentFiles, inspectScope, type ScopeSnapshot } from '../../io/target/inspect.js';
import type { SourceProblem } from '../../io/source/recorded-sources.js';
import { readPackage } from '../../io/package/read-package.js';
import { claudeConfigDir, homeAgentsDir, type Scope } from '../../io/target/resolve.js';
import { printStatus } from '../../ui/status-report.js';
import { languageName, sourceName } from '../../ui/source-name.js';
import type { CliContext } from '../program/context.js';
import { parseOptions } from '../program/options.js';
import { SCOPE_OPTIONS, TOOL_OPTIONS, scopesOf, toolOf } from '../program/scope.js';
import { commandLine } from '../../core/hints.js';
import type { Target } from '../../core/target.js';
import { readScopes } from '../flows/scopes.js';

const OPTIONS = { ...SCOPE_OPTIONS, ...TOOL_OPTIONS, claude: 'flag', claudeBin: 'value' } as const;

function toStatusScope(options: { snapshot: ScopeSnapshot; catalog: Catalog; pkg: PackageRenders }): StatusScope {
  const { snapshot } = options;
  const out: StatusScope = {
    scope: snapshot.scope,
    dir: snapshot.dir,
    files: snapshot.tree.map((f) => ({
      rel: f.rel,
      path: f.path,
      name: f.name,
      isAgent: f.parsed.isAgent,
      loadable: f.parsed.isAgent && f.parsed.loadableAsIs,
    })),
    installations: snapshot.installations,
    origins: originsOf(options),
    leftovers: snapshot.leftovers,
    backups: snapshot.backups,
  };
  if (snapshot.manifestError !== undefined) out.manifestError = snapshot.manifestError;
  if (snapshot.lock) out.lock = snapshot.lock;
  return out;
}

/** Each installed agent against its recorded source: `pkg` holds the folder agents' renders as read for this scope. */
function originsOf(options: { snapshot: ScopeSnapshot; catalog: Catalog; pkg: PackageRenders }): Record<string, InstalledOrigin> {
  const { snapshot, catalog, pkg } = options;
  const out: Record<string, InstalledOrigin> = {};
  for (const inst of snapshot.installations) {
    if (inst.entry && inst.state !== 'none' && inst.state !== 'foreign')
      out[inst.agent] = installedOrigin({ catalog, agent: inst.agent, entry: inst.entry, state: inst.state, current: pkg.agents.get(inst.agent) });
  }
  return out;
}

/**
 * Recorded sources that cannot be read again: one warning per vanished folder (however many agents came from
 * it), one per moved file; each hint is the `update --from` that points agentpack at the new place.
 */
function sourceProblemFindings(options: {
  problems: readonly (SourceProblem & { scope: Scope; dir: string })[];
  snapshots: readonly ScopeSnapshot[];
}): Finding[] {
  const { problems, snapshots } = options;
  return groupSourceProblems(problems).map((group) => {
    const first = group[0] as SourceProblem & { scope: Scope; dir: string };
    const inst = snapshots.find((s) => s.scope === first.scope)?.installations.find((i) => i.agent === first.agent);
    const target: Target = { scope: first.scope, dir: first.dir };
    const args = first.code === 'SOURCE_NOT_FOUND' ? ['update'] : ['update', first.agent];
    return {
      severity: 'warning',
      code: first.code,
      scope: first.scope,
      path: first.code === 'SOURCE_NOT_FOUND' ? first.path : agentPath({ dir: first.dir, inst: inst ?? { agent: first.agent, fileName: null } }),
      params: {
        agent: first.agent,
        count: group.length,
        from: first.from,
        path: first.path,
        command: commandLine({ args, target }),
        // A repository's cached checkout that is gone: update fetches it again.
        ...(first.repository ? { suggestion: commandLine({ args, target }) } : {}),
      },
    };
  });
}

/**
 * `status`: for the user and project folders (or the scopes named), would Claude Code load each agent file, and does
 * the manifest match the disk? Exit 1 when a file would not load, a name is declared twice, or a manifest is unreadable.
 * `--claude` / `--claude-bin <path>` also asks the real Claude Code; without a binary the static checks decide.
 */
export async function runStatus(options: { raw: unknown; ctx: CliContext }): Promise<void> {
  const { ctx } = options;
  const opts = parseOptions({ raw: options.raw, spec: OPTIONS, ctx });
  const { dir, claude, claudeBin } = opts;
  const tool = toolOf(opts, ctx);
  // Another tool's folders: what agentpack wrote there and what it could not carry (status-tool.ts).
  if (tool !== 'claude') return (await import('./status-tool.js')).runToolStatus({ ctx, tool, scopes: scopesOf(opts), dir });
  const { catalog, pkg } = await readPackage();
  const scopes = await readScopes({
    ctx,
    scopes: scopesOf(opts),
    dir,
    pkg,
    read: ({ scope, dir: folder, sources }) => inspectScope({ scope, dir: folder, pkg: sources.pkg }),
  });
  const snapshots: ScopeSnapshot[] = [];
  const renders: PackageRenders[] = [];
  const skipped: { scope: Scope; reason: 'project-is-home'; home: string }[] = [];
  const problems: (SourceProblem & { scope: Scope; dir: string })[] = [];
  for (const read of scopes) {
    if ('skipped' in read) {
      skipped.push({ scope: read.scope, reason: read.skipped, home: read.home });
      continue;
    }
    // Agents installed with --from are compared with their folder; a folder or file that is gone is reported below.
    problems.push(...read.sources.problems.map((p) => ({ ...p, scope: read.scope, dir: read.dir })));
    snapshots.push(read.value);
    renders.push(read.sources.pkg);
  }
  const views = snapshots.map((snapshot, index) => toStatusScope({ snapshot, catalog, pkg: renders[index] ?? pkg }));
  const configDir = claudeConfigDir({ env: ctx.env, cwd: ctx.cwd });
  const home = homeAgentsDir(ctx.env);
  const user = views.find((v) => v.scope === 'user');
  const configInfo =
    configDir !== undefined && user !== undefined && user.dir !== home
      ? { agentsDir: user.dir, homeAgentsDir: home, ignoredFiles: await countAgentFiles(home) }
      : undefined;
  const findings = statusFindings({
    scopes: views,
    ...(configInfo ? { configDir: configInfo } : {}),
    command: (args, scope) => commandLine({ args, target: { scope: scope.scope, dir: scope.dir } }),
    names: { source: (inst) => sourceName(inst.entry?.source, ctx.messages), language: (locale) => languageName(locale, ctx.messages) },
  });
  findings.push(...sourceProblemFindings({ problems, snapshots }));
  // Loaded only for --claude: the probe checks Claude Code's answer with zod, which the static checks never need.
  const asked =
    claude === true || claudeBin !== undefined
      ? await (await import('../flows/claude-status.js')).askClaudeForStatus({ ctx, snapshots, bin: claudeBin })
      : undefined;
  const problemsBySnapshot = snapshots.map((s) =>
    Object.fromEntries(problems.filter((p) => p.scope === s.scope).map((p) => [p.agent, { code: p.code, path: p.path }])),
  );
  ctx.exitCode = printStatus({ snapshots, origins: views.map((v) => v.origins ?? {}), problems: problemsBySnapshot, findings, skipped, claude: asked, ctx });
}
