import { relative, sep } from 'node:path';
import { indexPlugins, type ManifestFile, type PluginIndex } from '../../core/catalog/plugins.js';
import { readBounded } from '../fs/read-bounded.js';

/** Plugin manifests are a few KiB; anything larger is not read (and reported as unreadable). */
const MAX_MANIFEST_BYTES = 1024 * 1024;

/**
 * The plugins of a catalog folder from its manifest files (absolute paths found by the walk): each read
 * bounded, as text, never executed; a file that cannot be read is a warning of the index, like broken JSON.
 */
export async function readPlugins(options: { root: string; manifests: readonly string[]; rootName: string }): Promise<PluginIndex> {
  const files = await Promise.all(
    options.manifests.map(async (path): Promise<ManifestFile> => {
      const relPath = relative(options.root, path).split(sep).join('/');
      try {
        const read = await readBounded({ path, limit: MAX_MANIFEST_BYTES });
        if (read.kind === 'ok') return { relPath, text: read.bytes.toString('utf8') };
        return { relPath, problem: read.kind === 'too-large' ? `larger than ${MAX_MANIFEST_BYTES} bytes` : 'not a file' };
      } catch (error) {
        return { relPath, problem: (error as NodeJS.ErrnoException).code ?? 'unreadable' };
      }
    }),
  );
  return indexPlugins({ manifests: files, rootName: options.rootName });
}
