import { isInstallableName } from '../../core/agent/name.js';
import type { ManifestEntry, ManifestSource } from '../../core/manifest/manifest.js';
import { readRecordedSource } from '../../io/source/recorded-sources.js';
import type { ReadSourceResult } from '../../io/source/read-source.js';
import { readManifest } from '../../io/target/manifest-store.js';
import type { Target } from '../../io/target/resolve.js';
import { progressLine } from '../../ui/progress.js';
import type { CliContext } from '../program/context.js';

/** An agent of the target folder that agentpack installed from a folder: its manifest entry, and that folder read again. */
export interface RecordedFolderAgent {
  entry: ManifestEntry;
  source: ManifestSource;
  scan: ReadSourceResult;
}

/**
 * For `show` and `diff` without `--from`: when the manifest of the target folder records `agent` as installed
 * from a folder, that folder read again (SOURCE_NOT_FOUND / SOURCE_FILE_MOVED when it cannot be), never the
 * package's agent of the same name; otherwise undefined. `tolerant`: a manifest that cannot be read counts as
 * none (show's default locale is only a hint; status reports the manifest).
 */
export async function recordedFolderAgent(options: {
  ctx: CliContext;
  target: Target;
  agent: string;
  tolerant: boolean;
}): Promise<RecordedFolderAgent | undefined> {
  const { ctx, target, agent } = options;
  if (!isInstallableName(agent)) return undefined;
  let entry: ManifestEntry | undefined;
  try {
    entry = (await readManifest(target.dir)).manifest.agents[agent];
  } catch (error) {
    if (options.tolerant) return undefined;
    throw error;
  }
  const source = entry?.source;
  if (!entry || !source) return undefined;
  const progress = progressLine({ ctx });
  try {
    const scan = await readRecordedSource({ agent, source, target, onProgress: (p) => progress.update(p) });
    return { entry, source, scan };
  } finally {
    progress.done();
  }
}
