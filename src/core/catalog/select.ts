import { MAX_AGENT_NAME_LENGTH, previewName } from '../agent/name.js';
import { AgentpackError } from '../errors.js';
import { commandLine, shellWord } from '../hints.js';
import { nearestKey } from '../nearest.js';

/**
 * Choosing agents of a catalog the way Claude Code names plugin agents: `<plugin>:<name>`, or every agent of
 * `--plugin <plugin>`. A choice becomes picks (the files of that plugin), so the rest of the pipeline and the
 * manifest see nothing new. Pure.
 */

/** One agent as the user named it: a bare name, or a name in one plugin. */
interface Selector {
  name: string;
  plugin?: string;
}

/** `debugger` → { name }, `error-triage:debugger` → { plugin, name }. Claude Code rejects `:` in a name, so the first one splits. */
export function parseSelector(text: string): Selector {
  const at = text.indexOf(':');
  if (at <= 0 || at === text.length - 1) return { name: text };
  return { plugin: text.slice(0, at), name: text.slice(at + 1) };
}

/** What a selection asks of a folder: named agents (each in a plugin, or bare) and, or, every agent of a plugin. */
export interface Selection {
  agents: Selector[];
  plugin?: string;
}

/** What a selection found: the bare names to look up (in order, once each), and what named nothing. */
export interface SelectionResult {
  names: string[];
  /** Relpaths of the chosen plugins' files: picks, as if given with `--pick`. */
  picks: string[];
  /** `<plugin>:<name>` selectors no file matches, and a `--plugin` with no agent. */
  unknown: { selector: string; suggestions: string[] }[];
}

/**
 * Resolve a selection against the files of a folder (each with its plugin and `name`, canonical ones marked):
 * `<plugin>:<name>` picks every file of that plugin with that name (its canonical file and translations);
 * `--plugin p` with no names takes every agent of `p`, and gives bare names that plugin.
 */
export function resolveSelection(options: {
  selection: Selection;
  files: readonly { relPath: string; name: string; plugin?: string | undefined; canonical: boolean }[];
}): SelectionResult {
  const { selection, files } = options;
  const result: SelectionResult = { names: [], picks: [], unknown: [] };
  const seen = new Set<string>();
  const take = (plugin: string, name: string): boolean => {
    const mine = files.filter((f) => f.plugin === plugin && f.name === name);
    if (!mine.some((f) => f.canonical)) return false;
    for (const f of mine) result.picks.push(f.relPath);
    if (!seen.has(name)) {
      seen.add(name);
      result.names.push(name);
    }
    return true;
  };
  const qualified = [...new Set(files.filter((f) => f.canonical && f.plugin !== undefined).map((f) => `${f.plugin}:${f.name}`))].sort();
  const agents = selection.plugin !== undefined && selection.agents.length === 0 ? undefined : selection.agents;
  if (agents === undefined) {
    const plugin = selection.plugin as string;
    const names = [...new Set(files.filter((f) => f.canonical && f.plugin === plugin).map((f) => f.name))].sort();
    for (const name of names) take(plugin, name);
    if (names.length === 0) {
      const plugins = [...new Set(files.flatMap((f) => (f.plugin === undefined ? [] : [f.plugin])))].sort();
      result.unknown.push({ selector: plugin, suggestions: plugins });
    }
    return result;
  }
  for (const selector of agents) {
    const plugin = selector.plugin ?? selection.plugin;
    if (plugin === undefined) {
      if (!seen.has(selector.name)) {
        seen.add(selector.name);
        result.names.push(selector.name);
      }
      continue;
    }
    if (!take(plugin, selector.name)) result.unknown.push({ selector: `${plugin}:${selector.name}`, suggestions: qualified });
  }
  return result;
}

/** The selection a command's words make: agents as typed (`name` or `<plugin>:<name>`) and `--plugin`; none without either. */
export function selectionOf(options: { agents: readonly string[]; plugin: string | undefined }): Selection | undefined {
  const { agents, plugin } = options;
  if (agents.length === 0 && plugin === undefined) return undefined;
  return { agents: agents.map(parseSelector), ...(plugin === undefined ? {} : { plugin }) };
}

/**
 * Refuse what a selection could not find: a `<plugin>:<name>` no file of that plugin declares (AGENT_UNKNOWN,
 * with the nearest `<plugin>:<name>`), or a `--plugin` with no agent (PLUGIN_UNKNOWN, with the nearest plugin).
 */
/** A name only files Claude Code skips carry (`-linter`, `ops:deployer`): AGENT_NAME_NOT_PORTABLE rather than "no agent". */
export function assertNotSkipped(options: { name: string; skipped: readonly { relPath: string; name: string }[]; from: string }): void {
  const skipped = options.skipped.find((f) => f.name === options.name);
  if (!skipped) return;
  const params = {
    agent: previewName(skipped.name),
    path: skipped.relPath,
    limit: MAX_AGENT_NAME_LENGTH,
    command: commandLine({ args: ['validate'], from: options.from }),
  };
  throw new AgentpackError({ code: 'AGENT_NAME_NOT_PORTABLE', params });
}

export function assertSelected(options: {
  selection: SelectionResult | undefined;
  from: string;
  skipped?: readonly { relPath: string; name: string }[];
}): void {
  const missing = options.selection?.unknown[0];
  if (!missing) return;
  // `ops:deployer` that is no plugin's agent but a file's whole name: a name Claude Code skips, said as such.
  assertNotSkipped({ name: missing.selector, skipped: options.skipped ?? [], from: options.from });
  const suggestion = nearestKey(missing.selector, missing.suggestions);
  const hint: Record<string, string> = suggestion === undefined ? {} : { suggestion };
  const command = commandLine({ args: ['list'], from: options.from });
  if (missing.selector.includes(':')) throw new AgentpackError({ code: 'AGENT_UNKNOWN', params: { agent: missing.selector, command, ...hint } });
  throw new AgentpackError({ code: 'PLUGIN_UNKNOWN', params: { plugin: missing.selector, from: shellWord(options.from), command, ...hint } });
}
