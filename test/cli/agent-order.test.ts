import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, runCli } from '../helpers/cli.js';

// Every command lists agents in one order: by name without regard to case, then by code point.

const NAMES = ['Zeta', 'My_Agent', 'alpha'];
const ORDER = ['alpha', 'My_Agent', 'Zeta'];

function world() {
  const { env, home } = isolatedEnv();
  const cat = join(home, 'cat', 'agents');
  mkdirSync(cat, { recursive: true });
  for (const name of NAMES) writeFileSync(join(cat, `${name}.md`), `---\nname: ${name}\ndescription: The ${name} agent\n---\n\nx\n`);
  return { env, home, run: (args: string[]) => runCli(args, { env, cwd: home }) };
}

/** The names in the order they first appear in the text. */
const orderIn = (text: string): string[] =>
  NAMES.map((n) => [n, text.search(new RegExp(`(^|[^\\w])${n}([^\\w]|$)`, 'm'))] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([n]) => n);

describe('agent order across commands', () => {
  it('locale, uninstall --all -v -n and status --target list alpha, My_Agent, Zeta', async () => {
    const w = world();
    expect((await w.run(['install', '--all', '--from', 'cat', '--dir', 'out', '-q'])).code).toBe(0);
    const locale = await w.run(['locale', '--dir', 'out']);
    expect(locale.code, locale.stderr).toBe(0);
    expect(orderIn(locale.stdout)).toEqual(ORDER);
    const uninstall = await w.run(['uninstall', '--all', '--dir', 'out', '-n', '-v']);
    expect(uninstall.code, uninstall.stderr).toBe(0);
    // The plan names the files: each agent's slug.
    expect([...uninstall.stdout.matchAll(/remove {2}(\S+)/g)].map((m) => m[1])).toEqual(['alpha.md', 'my-agent.md', 'zeta.md']);
    expect((await w.run(['install', '--all', '--from', 'cat', '--target', 'opencode', '--dir', 'oc', '-q'])).code).toBe(0);
    const status = await w.run(['status', '--target', 'opencode', '--dir', 'oc']);
    expect(orderIn(status.stdout)).toEqual(ORDER);
    // Negative control: the code-point order is another order, so the checks above can fail.
    expect([...NAMES].sort()).not.toEqual(ORDER);
  });
});
