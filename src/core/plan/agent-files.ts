import { agentFileCandidates, isInstallableName, slugOf, type AgentFileExtension } from '../agent/name.js';
import { recordedFile, type Manifest } from '../manifest/manifest.js';

/**
 * What a file at one of the candidate names holds now: the `name` it declares, or null when it declares none
 * (not an agent, does not parse, not a regular file). A file that is absent has no entry.
 */
export type Occupants = ReadonlyMap<string, string | null>;

/** Code-unit order: the same on every machine. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The file of every agent in one folder. An agent the manifest records keeps the file it was written to.
 * Any other takes its first candidate (agent/name.ts) that no recorded or already chosen agent holds and
 * that no file there gives to another name; a file that declares this very name, or none, stays its file
 * (it is then this agent's own render, or a file the ownership rule guards). Names that are their own
 * slug choose first, then the others in code-unit order, so that `code-reviewer` keeps `code-reviewer.md`
 * beside `Code Reviewer` whatever the order asked in, and a run planned again chooses the same. Pure.
 */
export function assignAgentFiles(options: {
  agents: Iterable<string>;
  manifest: Manifest;
  occupants: Occupants;
  ext?: AgentFileExtension;
}): Map<string, string> {
  const { manifest, occupants } = options;
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const [agent, entry] of Object.entries(manifest.agents)) {
    const file = recordedFile({ agent, entry });
    out.set(agent, file);
    taken.add(file);
  }
  // A name agentpack does not install (Claude Code skips it) has no file.
  const pending = [...new Set(options.agents)].filter((agent) => !out.has(agent) && isInstallableName(agent));
  const ownSlug = (agent: string): number => (slugOf(agent) === agent ? 0 : 1);
  pending.sort((a, b) => ownSlug(a) - ownSlug(b) || byText(a, b));
  for (const agent of pending) {
    const candidates = agentFileCandidates(agent, options.ext);
    const free = (file: string): boolean => {
      if (taken.has(file)) return false;
      const declared = occupants.get(file);
      return declared === undefined || declared === null || declared === agent;
    };
    const file = candidates.find(free) ?? (candidates[candidates.length - 1] as string);
    out.set(agent, file);
    taken.add(file);
  }
  return out;
}

/** The candidate files of agents the manifest does not record, that a folder holding `present` has: the ones to read. */
export function filesToInspect(options: { agents: Iterable<string>; manifest: Manifest; present: ReadonlySet<string>; ext?: AgentFileExtension }): string[] {
  const recorded = new Set(Object.entries(options.manifest.agents).map(([agent, entry]) => recordedFile({ agent, entry })));
  const out = new Set<string>();
  for (const agent of options.agents) {
    if (Object.hasOwn(options.manifest.agents, agent) || !isInstallableName(agent)) continue;
    for (const file of agentFileCandidates(agent, options.ext)) if (options.present.has(file) && !recorded.has(file)) out.add(file);
  }
  return [...out].sort();
}
