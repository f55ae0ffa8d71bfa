import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintFiles } from '../../../src/io/source/fingerprint.js';
import { tempDir } from '../../helpers/cli.js';

describe('fingerprintFiles', () => {
  it('is stable while nothing changes, and changes with a rename, a new file or other bytes; undefined once a file is gone', () => {
    const root = tempDir('agentpack-fp-');
    mkdirSync(join(root, 'sub'));
    const a = join(root, 'a.md');
    const b = join(root, 'sub', 'b.md');
    writeFileSync(a, 'one\n');
    writeFileSync(b, 'two\n');
    const first = fingerprintFiles({ root, paths: [a, b] });
    expect(first).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(fingerprintFiles({ root, paths: [a, b] })).toBe(first);
    // The paths are part of it: the same file under another root-relative name differs.
    expect(fingerprintFiles({ root: join(root, 'sub'), paths: [b] })).not.toBe(fingerprintFiles({ root, paths: [b] }));
    const c = join(root, 'c.md');
    writeFileSync(c, 'three\n');
    expect(fingerprintFiles({ root, paths: [a, b, c] })).not.toBe(first);
    renameSync(b, join(root, 'sub', 'renamed.md'));
    expect(fingerprintFiles({ root, paths: [a, join(root, 'sub', 'renamed.md')] })).not.toBe(first);
    renameSync(join(root, 'sub', 'renamed.md'), b);
    const again = fingerprintFiles({ root, paths: [a, b] });
    expect(fingerprintFiles({ root, paths: [a, b] })).toBe(again);
    writeFileSync(a, 'ONE\n');
    expect(fingerprintFiles({ root, paths: [a, b] })).not.toBe(again);
    rmSync(a);
    expect(fingerprintFiles({ root, paths: [a, b] })).toBeUndefined();
  });
});
