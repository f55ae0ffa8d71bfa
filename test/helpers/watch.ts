import { watch } from 'node:fs';

/** The names that appeared in `dir` while `run` ran (inotify/FSEvents report each temporary file, however short-lived). */
export async function namesCreatedDuring(dir: string, run: () => Promise<void>): Promise<string[]> {
  const seen = new Set<string>();
  const watcher = watch(dir, (_event, name) => {
    if (name) seen.add(String(name));
  });
  try {
    await run();
    // Events arrive after the calls that caused them.
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    watcher.close();
  }
  return [...seen].sort();
}
