import * as z from 'zod';
import { isInstallableName, isSafeAgentFile } from '../agent/name.js';
import {
  AGENT_FILE_MESSAGE,
  AGENT_KEY_MESSAGE,
  COMMIT_PATTERN,
  HASH_PATTERN,
  LOCALE_PATTERN,
  MANIFEST_VERSION,
  ORIGINAL_NAME_MESSAGE,
  RECORDED_STATUSES,
} from './format.js';

/**
 * The manifest's zod schema: the source of truth for its types. The commands parse manifests with the
 * zod-free twin in schema-check.ts (held to this schema by test/core/manifest/schema-check.test.ts), so that
 * list/show/install/locale never load zod; change both together.
 */
/**
 * Where an agent installed with `--from` came from: `from` as given (for display), `root` the absolute folder
 * to read again, `path` the canonical file inside it, `picks` the `--pick` choices that concern it, `single`
 * when `--from` named one file. Package agents have no source.
 */
/**
 * What a scan of the source folder gave for the agent when the entry was written, and the `fingerprint`
 * (stat only: paths, sizes, times, inodes) of the files it looked at, taken before reading them. While the
 * folder's fingerprint is unchanged (and agentpack's version is `packageVersion`), read-only reports
 * (`list`, `status`) take the agent's renders (`renders`: sha256 per locale that renders; `locales` in
 * display order), and descriptions from here instead of reading and rendering the folder again.
 * Optional: entries written before it (or without it) make them read the folder in full.
 */
const manifestSourceScanSchema = z.strictObject({
  fingerprint: z.string().regex(HASH_PATTERN),
  locales: z.array(z.string().min(1)),
  renders: z.record(z.string().min(1), z.string().regex(HASH_PATTERN)),
  /** The description `list` shows (the canonical variant's, else the first variant's), when not `descriptions.en`. */
  description: z.string().optional(),
  /** Per locale, the variant's own description (`list` in that language). */
  descriptions: z.record(z.string().min(1), z.string()),
});

/**
 * For a `--from` that named a git repository: the URL git was given, the branch or tag asked for (none: the
 * default branch), the catalog's folder inside the repository, and the commit read. `root` is then the
 * checkout of that commit in the cache; `update` fetches the URL again.
 */
const manifestGitSchema = z.strictObject({
  url: z.string().min(1),
  ref: z.string().min(1).optional(),
  folder: z.string().min(1).optional(),
  commit: z.string().regex(COMMIT_PATTERN),
});

const manifestSourceSchema = z.strictObject({
  from: z.string().min(1),
  root: z.string().min(1),
  path: z.string().min(1),
  picks: z.array(z.string().min(1)).optional(),
  single: z.literal(true).optional(),
  scan: manifestSourceScanSchema.optional(),
  git: manifestGitSchema.optional(),
});

const manifestEntrySchema = z.strictObject({
  locale: z.string().regex(LOCALE_PATTERN),
  packageVersion: z.string().min(1),
  sourceHash: z.string().regex(HASH_PATTERN),
  sha256: z.string().regex(HASH_PATTERN),
  /**
   * The translation's status when this variant was installed: `current`, `outdated`, … or
   * `source` for the canonical variant. Optional: manifests written before it still load.
   */
  translationStatus: z.enum(RECORDED_STATUSES).optional(),
  source: manifestSourceSchema.optional(),
  /**
   * The file written, in the folder: a slug of the name (agent/name.ts). Absent means `<name>.md`, which is
   * what every entry written before slugs (and every lowercase-hyphen name) has.
   */
  file: z.string().refine(isSafeAgentFile, { message: AGENT_FILE_MESSAGE }).optional(),
  /** `install --as`: the name the agent has in its source; the entry's key is the name written into the file. */
  originalName: z.string().refine(isInstallableName, { message: ORIGINAL_NAME_MESSAGE }).optional(),
});

export type ManifestSource = z.infer<typeof manifestSourceSchema>;
export type ManifestSourceScan = z.infer<typeof manifestSourceScanSchema>;
export type ManifestGit = z.infer<typeof manifestGitSchema>;

export const manifestSchema = z.strictObject({
  version: z.literal(MANIFEST_VERSION),
  agents: z.record(z.string().refine(isInstallableName, { message: AGENT_KEY_MESSAGE }), manifestEntrySchema),
});

/** What agentpack records per installed agent (keyed by its name as written): the locale, package version, source hash, sha256 of the bytes written, translation status at install, the file, the original name. */
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
export type Manifest = z.infer<typeof manifestSchema>;
