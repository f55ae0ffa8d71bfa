import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AgentpackError } from '../../core/errors.js';
import { emptyManifest, MANIFEST_FILE, parseManifest, serializeManifest, type Manifest } from '../../core/manifest/manifest.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { errnoOf } from '../fs/errors.js';

function manifestPath(dir: string): string {
  return join(dir, MANIFEST_FILE);
}

/**
 * The last text parsed and its manifest: `list` and `status` read a folder's manifest twice (its sources,
 * then its state), and parsing 1,000 entries is what costs. Manifests are never mutated (withEntry copies).
 */
let lastParsed: { text: string; manifest: Manifest } | undefined;

/**
 * Read `<dir>/.agentpack.json`. No file means an empty manifest; a file that does not parse is an error
 * naming it (MANIFEST_INVALID) — it is never silently reset, since it is the record of what agentpack owns.
 */
export async function readManifest(dir: string): Promise<{ manifest: Manifest; exists: boolean; text?: string }> {
  const path = manifestPath(dir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { manifest: emptyManifest(), exists: false };
    throw new AgentpackError({ code: 'MANIFEST_INVALID', params: { path, detail: code ?? String(error) } });
  }
  if (lastParsed?.text === text) return { manifest: lastParsed.manifest, exists: true, text };
  const parsed = parseManifest(text);
  if (!parsed.ok) throw new AgentpackError({ code: 'MANIFEST_INVALID', params: { path, detail: parsed.detail } });
  lastParsed = { text, manifest: parsed.manifest };
  return { manifest: parsed.manifest, exists: true, text };
}

/** Write the manifest atomically, or remove the file once no agent is left in it. Unchanged bytes are not rewritten. */
export async function writeManifest(options: { dir: string; manifest: Manifest; previousText?: string | undefined }): Promise<void> {
  const path = manifestPath(options.dir);
  if (Object.keys(options.manifest.agents).length === 0) {
    await unlink(path).catch((error: unknown) => {
      if (errnoOf(error) !== 'ENOENT') throw error;
    });
    return;
  }
  const text = serializeManifest(options.manifest);
  if (text === options.previousText) return;
  await writeFileAtomic({ path, content: text, mode: 'replace' });
}
