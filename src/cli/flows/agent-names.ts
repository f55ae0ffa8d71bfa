import { isInstallableName } from '../../core/agent/name.js';
import type { Catalog } from '../../core/catalog/catalog.js';
import { AgentpackError } from '../../core/errors.js';
import { findAgent } from '../../core/catalog/lookup.js';
import type { Manifest } from '../../core/manifest/manifest.js';
import { nearestKey } from '../../core/nearest.js';
import { commandLine } from '../../core/hints.js';
import type { Target } from '../../core/target.js';

/**
 * An agent name given on the command line for a command that works on installed agents: known to the
 * package, or recorded in the folder's manifest (an agent a later package dropped can still be removed).
 * Anything else is AGENT_UNKNOWN (the manifest's names were checked when it was read).
 */
export function checkInstalledName(options: { name: string; catalog: Catalog; manifest: Manifest; target?: Target }): string {
  const { name, catalog, manifest } = options;
  if (catalog.agents.has(name)) return name;
  if (Object.hasOwn(manifest.agents, name)) return name;
  const suggestion = nearestKey(name, [...catalog.agents.keys(), ...Object.keys(manifest.agents)]);
  // `list` in the same folder shows what is installed there.
  const command = commandLine({ args: ['list'], target: options.target });
  throw new AgentpackError({ code: 'AGENT_UNKNOWN', params: suggestion ? { agent: name, suggestion, command } : { agent: name, command } });
}

/**
 * A name given to `uninstall`: any name that can be an installed agent's file is checked against the folder
 * itself (not installed is "nothing to remove", whether the package or a folder provided it); one that
 * cannot be a file name is AGENT_UNKNOWN.
 */
export function checkRemovableName(options: { name: string; catalog: Catalog; manifest: Manifest; target?: Target }): string {
  return isInstallableName(options.name) ? options.name : checkInstalledName(options);
}

/** A name that must be one of the package's agents (install). */
export function checkPackageName(options: { name: string; catalog: Catalog }): string {
  return findAgent(options.catalog, options.name).name;
}
