import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The languages the CLI speaks: the folders of locales/ that hold a message catalog. Read from the
 * folders so that the build needs none of the program's code (test/build/store-help.test.ts holds them
 * to the program's LANGS).
 */
export function readLangs(localesDir: string): string[] {
  return readdirSync(localesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(localesDir, e.name, 'messages.json')))
    .map((e) => e.name)
    .sort();
}

/**
 * Stores the program's help as a pipe receives it (80 columns, no colour) as <outDir>/cli-help-<lang>.txt
 * for src/cli/bin.ts, written by running the <outDir>/cli-main.cjs just built so that the two can never
 * differ. The program sees only PATH and its language, so the builder's own settings cannot leak in.
 */
export async function storeHelp(options: { outDir: string; langs: readonly string[] }): Promise<void> {
  for (const lang of options.langs) {
    const help = execFileSync(process.execPath, [join(options.outDir, 'cli-main.cjs'), '--help'], {
      env: { PATH: process.env['PATH'] ?? '', AGENTPACK_LANG: lang, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await writeFile(join(options.outDir, `cli-help-${lang}.txt`), help);
  }
}
