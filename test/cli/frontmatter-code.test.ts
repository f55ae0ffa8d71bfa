import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAgent } from '../../src/core/agent/parse.js';
import { runCli, tempDir } from '../helpers/cli.js';

/** A front-matter that, if any engine evaluated it, would write `marker`. Valid JavaScript. */
const jsPayload = (marker: string): string =>
  `{\n  name: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'), 'ml-engineer'),\n  description: 'x'\n}`;
/** The CoffeeScript equivalent. */
const coffeePayload = (marker: string): string => `name: do -> require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); 'ml-engineer'\ndescription: 'x'`;

const FENCES = [
  { fence: '---js', language: 'js', payload: jsPayload },
  { fence: '---javascript', language: 'javascript', payload: jsPayload },
  { fence: '--- JS', language: 'js', payload: jsPayload },
  { fence: '---coffee', language: 'coffee', payload: coffeePayload },
] as const;

describe('code-executing front-matter is rejected, never run', () => {
  it('positive control: the JavaScript payload really writes the marker when evaluated', () => {
    const dir = tempDir();
    const marker = join(dir, 'marker');
    execFileSync(process.execPath, ['-e', `(${jsPayload(marker)})`]);
    expect(readFileSync(marker, 'utf8')).toBe('ran');
    rmSync(marker);
  });

  it.each(FENCES)('`$fence`: validate reports FRONTMATTER_CODE, exits 1, and the marker never appears', async ({ fence, language, payload }) => {
    const dir = tempDir();
    const marker = join(dir, 'marker');
    const file = join(dir, 'evil.md');
    writeFileSync(file, `${fence}\n${payload(marker)}\n---\n\nYou are evil.\n`);

    const human = await runCli(['validate', file]);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('FRONTMATTER_CODE');
    expect(human.stdout).toMatch(/Errors: 1\b/);
    expect(existsSync(marker)).toBe(false);

    const json = await runCli(['validate', '--json', dir]);
    expect(json.code).toBe(1);
    const out = JSON.parse(json.stdout) as {
      ok: boolean;
      files: Array<{ loadableAsIs: boolean; diagnostics: Array<{ severity: string; code: string; line?: number }> }>;
    };
    expect(out.ok).toBe(false);
    expect(out.files).toHaveLength(1);
    expect(out.files[0]?.loadableAsIs).toBe(false);
    expect(out.files[0]?.diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([['error', 'FRONTMATTER_CODE', 1]]);
    expect(existsSync(marker)).toBe(false);

    // The library gives the same answer, without a spec, and still writes nothing.
    const parsed = parseAgent(readFileSync(file, 'utf8'));
    expect(parsed.spec).toBeUndefined();
    expect(parsed.diagnostics.map((d) => [d.code, d.params['language']])).toEqual([['FRONTMATTER_CODE', language]]);
    expect(existsSync(marker)).toBe(false);
  });
});
