import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCliShim } from '../../build/cli-shim.js';
import { folderWith } from '../helpers/bundle.js';

describe('writeCliShim', () => {
  it('writes an executable cli.js that runs cli.cjs, and makes cli.cjs executable', async () => {
    const outDir = folderWith({ 'cli.cjs': "process.stdout.write('ran cli.cjs');\n" });
    expect(statSync(join(outDir, 'cli.cjs')).mode & 0o111).toBe(0);
    await writeCliShim(outDir);
    for (const file of ['cli.js', 'cli.cjs']) expect(statSync(join(outDir, file)).mode & 0o777, file).toBe(0o755);
    expect(execFileSync(process.execPath, [join(outDir, 'cli.js')], { encoding: 'utf8' })).toBe('ran cli.cjs');
  });
});
