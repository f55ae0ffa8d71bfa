import { describe, expect, it } from 'vitest';
import { runTimeRequires } from '../../build/run-time-requires.js';

describe('runTimeRequires: the files of the CLI build that others require stay requires', () => {
  const { external, noExternal } = runTimeRequires(['cli-main', 'cli-action-list']);
  const bundled = (path: string): boolean => noExternal.some((r) => r.test(path));

  it('keeps exactly the named files external and bundles every other import', () => {
    expect(external).toEqual(['./cli-main.cjs', './cli-action-list.cjs']);
    expect(bundled('./cli-main.cjs')).toBe(false);
    expect(bundled('./cli-action-list.cjs')).toBe(false);
    for (const path of ['commander', 'yaml', 'node:fs', '../core/errors.js', './cli-action-show.cjs']) expect(bundled(path), path).toBe(true);
  });

  it('negative control: near misses are bundled (the dots are literal, the match is whole)', () => {
    for (const path of ['./cli-mainXcjs', './cli-main.cjs.map', 'x./cli-main.cjs']) expect(bundled(path), path).toBe(true);
  });
});
