import { posix } from 'node:path';
import { makeDiagnostic, type Diagnostic } from '../diagnostics.js';

/** A plugin of a catalog: its name and folder (relPath prefix ending in `/`, '' for the catalog root itself). */
interface Plugin {
  name: string;
  root: string;
  /** Agent files its manifest lists (relPaths of files, or of folders ending in `/`). */
  listed: string[];
}

/** The plugins of a source folder, and the problems met reading their manifests. */
export interface PluginIndex {
  plugins: Plugin[];
  diagnostics: Diagnostic[];
}

/** A manifest file as io read it: its relPath and its text, or why it could not be read. */
export interface ManifestFile {
  relPath: string;
  text?: string;
  problem?: string;
}

/** Where Claude Code looks for manifests, relative to a catalog or plugin folder. */
const MARKETPLACE_FILE = '.claude-plugin/marketplace.json';
const PLUGIN_FILE = '.claude-plugin/plugin.json';

/** A plugin name as Claude Code writes them (kebab-case, also dots and underscores): never a path or a `:`. */
const PLUGIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON text as an object, or the reason it is not one. JSON.parse evaluates nothing; keys are only ever read. */
function parseObject(text: string): { ok: true; value: Json } | { ok: false; detail: string } {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
  return isObject(value) ? { ok: true, value } : { ok: false, detail: 'not a JSON object' };
}

/** `agents` as a manifest gives it: one path or a list of paths (anything else is ignored). */
function pathList(value: unknown): string[] {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  return list.filter((p): p is string => typeof p === 'string' && p !== '');
}

/**
 * A path written in a manifest, relative to `base` (a folder relPath with its final `/`), as a relPath of the
 * catalog; undefined for URLs, absolute paths and paths that leave the catalog. A folder keeps a final `/`.
 */
function resolveInside(base: string, path: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('/') || path.startsWith('\\')) return undefined;
  const clean = path.replace(/\\/g, '/');
  const joinedPath = posix.normalize(posix.join(base === '' ? '.' : base, clean));
  if (joinedPath === '..' || joinedPath.startsWith('../')) return undefined;
  if (joinedPath === '.' || joinedPath === './') return '';
  const folder = clean.endsWith('/') || !joinedPath.toLowerCase().endsWith('.md');
  return folder ? `${joinedPath.replace(/\/$/, '')}/` : joinedPath;
}

const folderName = (root: string, rootName: string): string => (root === '' ? rootName : (root.slice(0, -1).split('/').at(-1) ?? ''));

/**
 * The plugins of a catalog, from `.claude-plugin/marketplace.json` (plugins with `name`, a local `source`
 * folder and optional `agents`) and each plugin folder's `.claude-plugin/plugin.json` (optional `name` and
 * `agents`); `plugins/<plugin>/` folders without either are plugins too (pluginOf). Unknown keys are ignored;
 * a manifest that is not a JSON object is a warning and reads as absent. `rootName` names a catalog that is
 * itself a plugin (a `plugin.json` at its root). Pure.
 */
export function indexPlugins(options: { manifests: readonly ManifestFile[]; rootName: string }): PluginIndex {
  const diagnostics: Diagnostic[] = [];
  const byRoot = new Map<string, Plugin>();
  const read = (file: ManifestFile): Json | undefined => {
    const parsed = file.text === undefined ? { ok: false as const, detail: file.problem ?? '' } : parseObject(file.text);
    if (parsed.ok) return parsed.value;
    diagnostics.push(makeDiagnostic({ severity: 'warning', code: 'PLUGIN_MANIFEST_INVALID', file: file.relPath, params: { detail: parsed.detail } }));
    return undefined;
  };
  const add = (root: string, name: unknown, listed: string[]): void => {
    const known = byRoot.get(root);
    const plugin = known ?? { name: folderName(root, options.rootName), root, listed: [] };
    if (!known && typeof name === 'string' && PLUGIN_NAME.test(name)) plugin.name = name;
    plugin.listed.push(...listed);
    byRoot.set(root, plugin);
  };

  const manifests = new Map(options.manifests.map((m) => [m.relPath, m]));
  const marketplaceFile = manifests.get(MARKETPLACE_FILE);
  const marketplace = marketplaceFile ? read(marketplaceFile) : undefined;
  const pluginRoot = isObject(marketplace?.['metadata']) ? marketplace['metadata']['pluginRoot'] : undefined;
  for (const entry of Array.isArray(marketplace?.['plugins']) ? marketplace['plugins'] : []) {
    if (!isObject(entry) || typeof entry['source'] !== 'string') continue;
    const source = entry['source'];
    const base = typeof pluginRoot === 'string' && !/^\.{0,2}\//.test(source) ? resolveInside('', `${pluginRoot}/`) : '';
    const root = base === undefined ? undefined : resolveInside(base, source.endsWith('/') ? source : `${source}/`);
    if (root === undefined) continue;
    add(
      root,
      entry['name'],
      pathList(entry['agents']).flatMap((p) => resolveInside(root, p) ?? []),
    );
  }
  const pluginFiles = [...manifests.keys()].filter((p) => p === PLUGIN_FILE || p.endsWith(`/${PLUGIN_FILE}`));
  for (const relPath of pluginFiles) {
    const root = relPath.slice(0, -PLUGIN_FILE.length);
    const manifest = read(manifests.get(relPath) as ManifestFile);
    if (!manifest) {
      if (root !== '') add(root, undefined, []);
      continue;
    }
    const listed = pathList(manifest['agents']).flatMap((p) => resolveInside(root, p) ?? []);
    const known = byRoot.get(root);
    // The marketplace names the plugin; its own manifest names it when the marketplace does not list it.
    if (known) known.listed.push(...listed);
    else add(root, manifest['name'], listed);
  }
  const plugins = [...byRoot.values()].filter((p) => p.name !== '').sort((a, b) => b.root.length - a.root.length || (a.root < b.root ? -1 : 1));
  return { plugins, diagnostics };
}

/** No plugins: a folder without manifests (its `plugins/<plugin>/` folders are still plugins). */
export const NO_PLUGINS: PluginIndex = { plugins: [], diagnostics: [] };

/**
 * The plugin whose folder holds `relPath`: the innermost one a manifest names, else `<plugin>` of a
 * `plugins/<plugin>/` folder at the catalog's root (the layout of marketplaces without manifests).
 */
export function pluginOf(index: PluginIndex, relPath: string): string | undefined {
  const named = index.plugins.find((p) => relPath.startsWith(p.root));
  if (named) return named.name;
  const m = /^plugins\/([^/]+)\/./.exec(relPath);
  return m?.[1] !== undefined && PLUGIN_NAME.test(m[1]) ? m[1] : undefined;
}

/** Whether a plugin's manifest lists a file (by its path or a folder above it), as a function of its relPath. */
export function listedBy(index: PluginIndex): (relPath: string) => boolean {
  const files = new Set<string>();
  const folders: string[] = [];
  for (const plugin of index.plugins) {
    for (const l of plugin.listed) {
      if (l.endsWith('/')) folders.push(l);
      else files.add(l);
    }
  }
  return (relPath) => files.has(relPath) || folders.some((f) => relPath.startsWith(f));
}
