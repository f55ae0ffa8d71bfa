import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { contentHash } from '../../src/core/i18n/canonical-hash.js';
import { BREAK_FILE, LOCK_FILE, parsedManifest, TEMP_FILE, type FolderState } from './stress.js';

/** The complete state a command leaves when it is not interrupted: every file's bytes and the manifest's. */
export interface Expected {
  files: Map<string, string>;
  manifestText?: string;
}

/** A `status --json` finding. */
export interface Finding {
  code: string;
  message: string;
  file?: string;
}

/** Whether a folder holds exactly the expected files and manifest bytes, and nothing else. */
export function isExactly(state: FolderState, want: Expected): boolean {
  if (state.others.length > 0 || state.manifestText !== want.manifestText || state.files.size !== want.files.size) return false;
  return [...want.files].every(([name, text]) => state.files.get(name) === text);
}

/**
 * The guarantee after one kill (see the top of this file). Returns how far the run got: untouched, midway
 * (some files new, manifest old), filesDoneManifestOld (every file new, manifest old) or manifestNew.
 */
export function checkAfterKill(options: {
  before: FolderState;
  after: FolderState;
  want: Expected;
  where: string;
}): 'untouched' | 'midway' | 'filesDoneManifestOld' | 'manifestNew' {
  const { before, after, want, where } = options;
  for (const name of after.others) expect(name === LOCK_FILE || name === BREAK_FILE || TEMP_FILE.test(name), `${where}: unexpected ${name}`).toBe(true);
  const names = new Set([...before.files.keys(), ...after.files.keys(), ...want.files.keys()]);
  let changed = 0;
  let pending = 0;
  for (const name of names) {
    const now = after.files.get(name);
    const old = before.files.get(name);
    const fresh = want.files.get(name);
    expect(now === old || now === fresh, `${where}: ${name}.md is neither its complete old nor its complete new content`).toBe(true);
    if (now !== old) changed++;
    if (now !== fresh) pending++;
  }
  // parsedManifest throws when the manifest does not parse.
  parsedManifest(after.manifestText);
  const manifestOld = after.manifestText === before.manifestText;
  expect(manifestOld || after.manifestText === want.manifestText, `${where}: the manifest is neither the old nor the new one`).toBe(true);
  if (!manifestOld || after.manifestText === want.manifestText) {
    expect(pending, `${where}: the new manifest was written before every file was`).toBe(0);
    return manifestOld ? 'filesDoneManifestOld' : 'manifestNew';
  }
  if (changed === 0) return 'untouched';
  return pending === 0 ? 'filesDoneManifestOld' : 'midway';
}

/** Every leftover status must name: temporary files, the lock, and each file the manifest does not describe. */
export function expectedFindings(options: { dir: string; state: FolderState }): { codes: string[]; subject: string }[] {
  const { dir, state } = options;
  const out: { codes: string[]; subject: string }[] = [];
  for (const name of state.others) {
    if (TEMP_FILE.test(name)) out.push({ codes: ['LEFTOVER_TEMP'], subject: name });
    if (name === LOCK_FILE) {
      // A lock whose owner is recorded and dead is stale at once; an empty one (killed between create and write) only after 1 s.
      const text = readFileSync(join(dir, LOCK_FILE), 'utf8');
      out.push({ codes: text.trim() === '' ? ['STALE_LOCK', 'LOCK_HELD'] : ['STALE_LOCK'], subject: join(dir, LOCK_FILE) });
    }
  }
  const agents = parsedManifest(state.manifestText)?.agents ?? {};
  for (const name of new Set([...Object.keys(agents), ...state.files.keys()])) {
    const path = join(dir, `${name}.md`);
    const text = state.files.get(name);
    const entry = agents[name];
    if (text === undefined) out.push({ codes: ['MANIFEST_FILE_MISSING'], subject: path });
    // No entry: nothing on disk names the folder it came from, so status lists it as an agent file like any other
    // (the re-run of the install adopts it: it is byte-equal to the render).
    else if (entry === undefined) out.push({ codes: [], subject: path });
    else if (entry.sha256 !== contentHash(text)) out.push({ codes: ['INSTALLED_UNTRACKED'], subject: path });
  }
  return out;
}
