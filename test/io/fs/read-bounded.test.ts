import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBounded } from '../../../src/io/fs/read-bounded.js';
import { loadAgent } from '../../../src/io/read-agent.js';
import { tempDir } from '../../helpers/cli.js';

const isPosix = process.platform !== 'win32';

describe('readBounded / loadAgent on files that are not plain files', () => {
  it('reads a regular file whole', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), 'x'.repeat(200_000));
    const r = await readBounded({ path: join(dir, 'a.md'), limit: 200_000 });
    expect(r.kind).toBe('ok');
    expect(r.kind === 'ok' && r.bytes.length).toBe(200_000);
    expect(await readBounded({ path: join(dir, 'a.md'), limit: 199_999 })).toEqual({ kind: 'too-large', size: 200_000 });
  });

  it.runIf(isPosix)('a FIFO named x.md gives READ_FAILED at once instead of waiting for a writer', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'x.md')]);
    const parsed = await loadAgent(join(dir, 'x.md'));
    expect(parsed.diagnostics.map((d) => [d.code, d.params['detail']])).toEqual([['READ_FAILED', 'not-a-regular-file']]);
  });

  it.runIf(isPosix)('a symlink x.md -> /dev/zero (size 0, endless) is not read', async () => {
    const dir = tempDir();
    symlinkSync('/dev/zero', join(dir, 'x.md'));
    const parsed = await loadAgent(join(dir, 'x.md'));
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['READ_FAILED']);
  });

  it('a folder named x.md gives READ_FAILED', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x.md'));
    const parsed = await loadAgent(join(dir, 'x.md'));
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['READ_FAILED']);
    expect(parsed.loadableAsIs).toBe(false);
  });

  it('a missing file gives READ_FAILED with the errno code', async () => {
    const parsed = await loadAgent(join(tempDir(), 'nope.md'));
    expect(parsed.diagnostics.map((d) => [d.code, d.params['detail']])).toEqual([['READ_FAILED', 'ENOENT']]);
  });
});
