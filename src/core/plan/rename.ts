import { renderVariant } from '../catalog/lookup.js';
import { contentHash } from '../hash.js';
import type { Manifest } from '../manifest/manifest.js';
import type { PackageAgent, PackageRenders } from './renders.js';

/**
 * An agent's renders under another name (`install --as`): each variant rendered again with `name` written
 * in, every other byte the same; the original name is kept for the manifest. A recorded scan of the source
 * (`source.scan`) gets the new renders' hashes. Renders without their variant (what a manifest recorded)
 * cannot be renamed and are left out.
 */
export function renameAgent(options: { agent: PackageAgent; name: string }): PackageAgent {
  const { agent, name } = options;
  const renders: PackageAgent['renders'] = new Map();
  for (const [locale, render] of agent.renders) {
    if (render.variant === undefined) continue;
    const content = renderVariant(render.variant, { name });
    renders.set(locale, { locale, content, sha256: contentHash(content), variant: render.variant });
  }
  const out: PackageAgent = { ...agent, name, renders, originalName: agent.originalName ?? agent.name };
  const scan = agent.source?.scan;
  if (agent.source && scan) {
    const hashes: Record<string, string> = {};
    for (const [locale, render] of renders) hashes[locale] = render.sha256;
    out.source = { ...agent.source, scan: { ...scan, renders: hashes } };
  }
  return out;
}

/** The renders with `agent` also under the name `as` (`install --as`), or as they are without one. */
export function withRenamedAgent(options: { pkg: PackageRenders; agent: string; as: string | undefined }): PackageRenders {
  const { pkg, agent, as } = options;
  const original = pkg.agents.get(agent);
  if (as === undefined || as === agent || !original) return pkg;
  return { version: pkg.version, agents: new Map(pkg.agents).set(as, renameAgent({ agent: original, name: as })) };
}

/**
 * The package's renders plus, for every agent the manifest records under another name than the package's
 * (`originalName`, no `source`), the package agent renamed under the recorded name, so that `locale` and
 * `update` keep writing that name. Agents installed from a folder are renamed where their folder is read.
 */
export function withRenamedPackageAgents(options: { pkg: PackageRenders; manifest: Manifest; only?: ReadonlySet<string> | undefined }): PackageRenders {
  const { pkg, manifest, only } = options;
  let agents: Map<string, PackageAgent> | undefined;
  for (const [name, entry] of Object.entries(manifest.agents)) {
    if (entry.source !== undefined || entry.originalName === undefined || (only && !only.has(name))) continue;
    const original = pkg.agents.get(entry.originalName);
    if (!original) continue;
    agents ??= new Map(pkg.agents);
    agents.set(name, renameAgent({ agent: original, name }));
  }
  return agents ? { version: pkg.version, agents } : pkg;
}
