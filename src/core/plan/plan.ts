import { isInstallableName } from '../agent/name.js';
import { AgentpackError } from '../errors.js';
import { commandLine } from '../hints.js';
import { assignAgentFiles } from './agent-files.js';
import { agentPath, assessInstallation, type Installation } from './installation.js';
import { sameOrigin, withEntries, type ManifestEntry } from '../manifest/manifest.js';
import type { ActionReason, Plan, PlanAction, PlanInput } from './types.js';
import { byAgentName } from '../catalog/catalog.js';

/**
 * The file of an agent in the target folder: as io chose it (plan/agent-files.ts), or, for an agent io did not
 * look at, the first candidate no recorded agent holds. Null for a name agentpack does not install.
 */
function agentFileOf(input: PlanInput, agent: string): string | null {
  const chosen = input.fileNames?.get(agent);
  if (chosen !== undefined) return chosen;
  if (!Object.hasOwn(input.manifest.agents, agent) && !isInstallableName(agent)) return null;
  return (
    assignAgentFiles({ agents: [agent], manifest: input.manifest, occupants: new Map(), ...(input.fileExt ? { ext: input.fileExt } : {}) }).get(agent) ?? null
  );
}

/** State of one agent in the target folder, from the planner's input. */
export function assessAgent(input: PlanInput, agent: string): Installation {
  return assessInstallation({
    agent,
    fileName: agentFileOf(input, agent),
    entry: input.manifest.agents[agent],
    file: input.files.get(agent) ?? { kind: 'missing' },
    pkg: input.pkg.agents.get(agent),
  });
}

/** Agents agentpack has installed in the folder: recorded in the manifest, or recognised by their bytes. */
export function installedAgents(input: PlanInput): string[] {
  const names = new Set(Object.keys(input.manifest.agents));
  for (const agent of input.pkg.agents.keys()) if (assessAgent(input, agent).recovered) names.add(agent);
  return [...names].sort(byAgentName);
}

function render(input: PlanInput, agent: string, locale: string): { content: string; sha256: string; entry: ManifestEntry } {
  const pkgAgent = input.pkg.agents.get(agent);
  const rendered = pkgAgent?.renders.get(locale);
  if (!pkgAgent || !rendered) throw new AgentpackError({ code: 'AGENT_INVALID', params: { agent, locale, command: commandLine({ args: ['validate'] }) } });
  const translationStatus = pkgAgent.origins?.get(locale);
  const entry: ManifestEntry = {
    locale,
    packageVersion: input.pkg.version,
    sourceHash: pkgAgent.sourceHash,
    sha256: rendered.sha256,
    ...(translationStatus ? { translationStatus } : {}),
  };
  if (pkgAgent.source) entry.source = pkgAgent.source;
  // `<name>.md` is what an entry without `file` means: left out, so manifests of lowercase-hyphen names stay as they were.
  const file = agentFileOf(input, agent);
  if (file !== null && file !== `${agent}.md`) entry.file = file;
  if (pkgAgent.originalName !== undefined) entry.originalName = pkgAgent.originalName;
  return { content: rendered.content, sha256: rendered.sha256, entry };
}

/** A step that leaves the file alone; a recovered file gets its manifest entry back. */
function skip(options: { input: PlanInput; inst: Installation; reason: ActionReason; attention?: boolean }): PlanAction {
  const { input, inst, reason } = options;
  const action = base(input, inst, { kind: 'skip', reason, attention: options.attention ?? false });
  if (inst.recovered && inst.locale !== null && inst.file.kind === 'file') {
    action.entry = { ...render(input, inst.agent, inst.locale).entry };
  } else if (inst.state === 'ok' && inst.entry !== undefined && inst.locale !== null) {
    // The file is the package's render: record the origin again when the entry predates it (or the source moved).
    const fresh = render(input, inst.agent, inst.locale).entry;
    const moved = JSON.stringify(fresh.source) !== JSON.stringify(inst.entry.source);
    if (fresh.sourceHash !== inst.entry.sourceHash || fresh.translationStatus !== inst.entry.translationStatus || moved) action.entry = fresh;
  }
  return action;
}

function base(input: PlanInput, inst: Installation, extra: Pick<PlanAction, 'kind' | 'reason' | 'attention'>): PlanAction {
  return {
    ...extra,
    agent: inst.agent,
    path: agentPath({ dir: input.dir, inst }),
    locale: inst.locale,
    fromLocale: null,
    sha256: null,
    backup: false,
    expect: inst.file,
  };
}

/** Why a file agentpack may not touch is refused. */
function refusal(inst: Installation): ActionReason {
  if (inst.file.kind === 'symlink') return 'symlink';
  if (inst.file.kind === 'other') return 'not-a-file';
  return inst.state === 'modified' ? 'modified' : 'foreign';
}

/** Write `locale` over what is there: create, switch or overwrite; a file agentpack may not touch is a conflict unless --force. */
function write(options: { input: PlanInput; inst: Installation; locale: string; reason?: ActionReason }): PlanAction {
  const { input, inst, locale } = options;
  const out = render(input, inst.agent, locale);
  const written = (kind: PlanAction['kind'], reason: ActionReason, backup = false): PlanAction => ({
    ...base(input, inst, { kind, reason, attention: false }),
    locale,
    fromLocale: inst.state === 'none' || inst.state === 'foreign' ? null : inst.locale,
    sha256: out.sha256,
    content: out.content,
    entry: out.entry,
    backup,
  });
  if (inst.file.kind === 'missing') {
    const others = (input.declared.get(inst.agent) ?? []).filter((p) => p !== inst.fileName);
    if (others.length > 0) return { ...base(input, inst, { kind: 'conflict', reason: 'duplicate-name', attention: true }), others };
    return written('create', inst.state === 'missing' ? 'file-missing' : 'not-installed');
  }
  if (!inst.owned) {
    const reason = refusal(inst);
    if (!input.force || reason === 'not-a-file') return base(input, inst, { kind: 'conflict', reason, attention: true });
    return written(inst.locale !== null && inst.locale !== locale && inst.state === 'modified' ? 'switch' : 'overwrite', reason, true);
  }
  if (inst.locale !== locale) return written('switch', 'locale-change');
  return written('overwrite', options.reason ?? 'outdated');
}

function finish(input: PlanInput, actions: PlanAction[]): Plan {
  const changes = actions.flatMap((a) => (a.kind === 'conflict' || a.entry === undefined ? [] : [{ agent: a.agent, entry: a.entry }]));
  return { actions, manifest: withEntries({ manifest: input.manifest, changes }) };
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}

/**
 * `locale`/`update --from <folder>` may point an agent at another folder (it moved), but never turn an agent
 * installed from the package into a folder's (or back) without --force: one name, one origin.
 */
function otherKindOfSource(input: PlanInput, agent: string): PlanAction | undefined {
  const recorded = input.manifest.agents[agent];
  if (!recorded || input.force || (recorded.source === undefined) === (input.pkg.agents.get(agent)?.source === undefined)) return undefined;
  return {
    ...base(input, assessAgent(input, agent), { kind: 'conflict', reason: 'other-source', attention: true }),
    others: [recorded.source?.from ?? 'agentpack'],
  };
}

/** `install`: write each requested agent in its locale; already there and unchanged is a no-op. */
export function planInstall(options: { input: PlanInput; requests: { agent: string; locale: string }[] }): Plan {
  const { input } = options;
  const seen = new Set<string>();
  const actions: PlanAction[] = [];
  for (const { agent, locale } of options.requests) {
    if (seen.has(agent)) continue;
    seen.add(agent);
    const inst = assessAgent(input, agent);
    const recorded = input.manifest.agents[agent];
    const wanted = input.pkg.agents.get(agent);
    // One name, one origin: an agent installed from the package (or another folder, or under another name) is not replaced silently.
    if (recorded && !input.force && (!sameOrigin(recorded.source, wanted?.source) || recorded.originalName !== wanted?.originalName)) {
      actions.push({ ...base(input, inst, { kind: 'conflict', reason: 'other-source', attention: true }), others: [recorded.source?.from ?? 'agentpack'] });
    } else if (inst.state === 'ok' && inst.locale === locale) actions.push(skip({ input, inst, reason: 'up-to-date' }));
    else actions.push(write({ input, inst, locale }));
  }
  return finish(input, actions);
}

/** `locale <l> [agent…]`: switch installed agents (all of them by default); nothing else is installed. */
export function planSwitch(options: { input: PlanInput; locale: string; agents?: string[] }): Plan {
  const { input, locale } = options;
  const named = options.agents !== undefined && options.agents.length > 0;
  const actions = unique(named ? (options.agents ?? []) : installedAgents(input)).map((agent): PlanAction => {
    const inst = assessAgent(input, agent);
    if (inst.state === 'none') return skip({ input, inst, reason: 'not-installed', attention: true });
    if (inst.state === 'missing') return skip({ input, inst, reason: 'file-missing', attention: true });
    const other = otherKindOfSource(input, agent);
    if (other) return other;
    // Without names, every agent that has the locale switches and the others stay as they are: that is the goal.
    if (!input.pkg.agents.get(agent)?.renders.has(locale)) return skip({ input, inst, reason: 'not-in-package', attention: named });
    const target = input.pkg.agents.get(agent)?.renders.get(locale);
    if (inst.file.kind === 'file' && inst.file.sha256 === target?.sha256) return skip({ input, inst, reason: 'up-to-date' });
    return write({ input, inst, locale });
  });
  return finish(input, actions);
}

/** `update [agent…]`: bring unmodified installed agents to the package's render; edited ones are skipped. */
export function planUpdate(options: { input: PlanInput; agents?: string[] }): Plan {
  const { input } = options;
  const named = options.agents !== undefined && options.agents.length > 0;
  const actions = unique(named ? (options.agents ?? []) : installedAgents(input)).map((agent): PlanAction => {
    const inst = assessAgent(input, agent);
    if (inst.state === 'none') return skip({ input, inst, reason: 'not-installed', attention: true });
    if (inst.state === 'missing') return skip({ input, inst, reason: 'file-missing', attention: true });
    if (inst.state === 'foreign') return skip({ input, inst, reason: refusal(inst), attention: true });
    const other = otherKindOfSource(input, agent);
    if (other) return other;
    if (inst.state === 'ok') return skip({ input, inst, reason: 'up-to-date' });
    const locale = inst.locale ?? '';
    if (!input.pkg.agents.get(agent)?.renders.has(locale)) return skip({ input, inst, reason: 'not-in-package', attention: true });
    if (inst.state === 'modified' && !input.force) return skip({ input, inst, reason: refusal(inst), attention: true });
    return write({ input, inst, locale });
  });
  return finish(input, actions);
}

/** `uninstall <agent…>`: remove only files agentpack wrote and that are unchanged (or, with --force, keep a backup). */
export function planUninstall(options: { input: PlanInput; agents: string[] }): Plan {
  const { input } = options;
  const actions = unique(options.agents).map((agent): PlanAction => {
    const inst = assessAgent(input, agent);
    if (inst.state === 'none') return skip({ input, inst, reason: 'not-installed' });
    const removal = (reason: ActionReason, backup = false): PlanAction => ({
      ...base(input, inst, { kind: 'remove', reason, attention: false }),
      entry: null,
      backup,
    });
    if (inst.state === 'missing') return removal('file-missing');
    if (inst.owned) return removal('installed');
    const reason = refusal(inst);
    if (!input.force || reason === 'not-a-file') return base(input, inst, { kind: 'conflict', reason, attention: true });
    return removal(reason, true);
  });
  return finish(input, actions);
}
