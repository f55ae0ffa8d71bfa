import { agentFilePath } from '../../core/agent/name.js';
import type { Catalog } from '../../core/catalog/catalog.js';
import { installedOrigin, type InstalledOrigin } from '../../core/plan/origin.js';
import { statusFindings, type StatusScope } from '../../core/status/findings.js';
import { countAgentFiles, inspectScope, type ScopeSnapshot } from '../../io/target/inspect.js';
import type { SourceProblem } from '../../io/source/recorded-sources.js';
import { readPackage } from '../../io/package/read-package.js';
import { claudeConfigDir, homeAgentsDir, type Scope } from '../../io/target/resolve.js';
import { printStatus } from '../../ui/status-report.js';
import type { CliContext } from '../program/context.js';
import { parseOptions } from '../program/options.js';
import { SCOPE_OPTIONS, scopesOf } from '../program/scope.js';
import { commandLine } from '../../core/hints.js';
import { readScopes } from '../flows/scopes.js';

const OPTIONS = { ...SCOPE_OPTIONS, claude: 'flag', claudeBin: 'value' } as const;

function toStatusScope(snapshot: ScopeSnapshot, catalog: Catalog): StatusScope {
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
    origins: originsOf(snapshot, catalog),
    leftovers: snapshot.leftovers,
  };
  if (snapshot.manifestError !== undefined) out.manifestError = snapshot.manifestError;
  if (snapshot.lock) out.lock = snapshot.lock;
  return out;
}

function originsOf(snapshot: ScopeSnapshot, catalog: Catalog): Record<string, InstalledOrigin> {
  const out: Record<string, InstalledOrigin> = {};
  for (const inst of snapshot.installations) {
    if (inst.entry && inst.state !== 'none' && inst.state !== 'foreign')
      out[inst.agent] = installedOrigin({ catalog, agent: inst.agent, entry: inst.entry, state: inst.state });
  }
  return out;
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
  const { catalog, pkg } = await readPackage();
  const scopes = await readScopes({
    ctx,
    scopes: scopesOf(opts),
    dir,
    pkg,
    read: ({ scope, dir: folder, sources }) => inspectScope({ scope, dir: folder, pkg: sources.pkg }),
  });
  const snapshots: ScopeSnapshot[] = [];
  const skipped: { scope: Scope; reason: 'project-is-home'; home: string }[] = [];
  const problems: (SourceProblem & { scope: Scope; dir: string })[] = [];
  for (const read of scopes) {
    if ('skipped' in read) {
      skipped.push({ scope: read.scope, reason: read.skipped, home: read.home });
      continue;
    }
    // Agents installed with --from are compared with their folder; one whose folder or file is gone is reported per agent.
    problems.push(...read.sources.problems.map((p) => ({ ...p, scope: read.scope, dir: read.dir })));
    snapshots.push(read.value);
  }
  const views = snapshots.map((s) => toStatusScope(s, catalog));
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
  });
  for (const p of problems) {
    findings.push({
      severity: 'warning',
      code: p.code,
      scope: p.scope,
      path: agentFilePath({ dir: p.dir, name: p.agent }),
      params: { agent: p.agent, from: p.from, path: p.path },
    });
  }
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
