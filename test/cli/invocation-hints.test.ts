import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invocationOf, nameCommands, PACKAGE_NAME } from '../../src/core/hints.js';
import { isolatedEnv, runCli } from '../helpers/cli.js';
import { readFileSync } from 'node:fs';
import { ROOT } from '../helpers/cli.js';

/** `agentpack <command>` not preceded by `npx ` or a name character: a command line as the bare bin. */
const BARE = /(^|[^-\w])agentpack (install|uninstall|list|locale|update|status|validate|show|diff|i18n|schema)\b/m;

describe('hints name the command the way the user ran agentpack', () => {
  it("the package name is package.json's, and npm exec is recognised by npm_command", () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).name).toBe(PACKAGE_NAME);
    expect(invocationOf({ npm_command: 'exec' })).toBe('npx agentpack-cli');
    expect(invocationOf({ npm_command: 'run' })).toBe('agentpack');
    expect(invocationOf({})).toBe('agentpack');
  });

  it.each([
    ['Run agentpack schema to see', 'Run npx agentpack-cli schema to see'],
    ['files agentpack did not write', 'files agentpack did not write'],
    ['edited since agentpack installed it', 'edited since agentpack installed it'],
    ['`agentpack locale ja` を実行', '`npx agentpack-cli locale ja` を実行'],
    ['npx agentpack-cli locale ja', 'npx agentpack-cli locale ja'],
  ])('%s', (text, expected) => {
    expect(nameCommands(text, 'npx agentpack-cli')).toBe(expected);
    expect(nameCommands(text, 'agentpack')).toBe(text);
  });

  // Every kind of hint: the switch line after install, a refusal with --force, validate's and status's hints,
  // list --from's notes, in both languages; run as npx would (npm_command=exec) and as the bin.
  for (const lang of ['C', 'ja_JP.UTF-8']) {
    it(`every hint in ${lang} says npx agentpack-cli under npm exec, and agentpack otherwise`, async () => {
      for (const viaNpx of [true, false]) {
        const { env, home } = isolatedEnv({ LANG: lang, ...(viaNpx ? { npm_command: 'exec' } : {}) });
        const cat = join(home, 'cat');
        mkdirSync(join(cat, 'a'), { recursive: true });
        mkdirSync(join(cat, 'b'), { recursive: true });
        writeFileSync(join(cat, 'a', 'x.md'), '---\nname: x\ndescription: one\n---\nA\n');
        writeFileSync(join(cat, 'b', 'x.md'), '---\nname: x\ndescription: two\n---\nB\n');
        writeFileSync(join(home, 'bad.md'), '---\nname: bad\ndescription: d\ncolour: red\nmodel: 5\n---\nbody\n');
        const runs = [
          await runCli(['install', 'ml-engineer'], { env }),
          await (async () => {
            writeFileSync(join(home, '.claude', 'agents', 'ml-engineer.md'), 'mine\n');
            return runCli(['locale', 'ja'], { env });
          })(),
          await runCli(['status'], { env }),
          await runCli(['validate', join(home, 'bad.md')], { env }),
          await runCli(['list', '--from', cat], { env }),
          await runCli(['install', 'x', '--from', cat, '--dir', join(home, 'out')], { env }),
          await runCli(['install', 'x', '--from', cat, '--dir', join(home, 'out'), '--json'], { env }),
        ];
        const text = runs.map((r) => r.stdout + r.stderr).join('\n');
        if (viaNpx) {
          expect(text).toContain('npx agentpack-cli locale');
          expect(text).toContain('npx agentpack-cli install x --dir');
          expect(text).not.toMatch(BARE);
        } else {
          expect(text).toMatch(BARE);
          expect(text).not.toContain('npx');
        }
      }
    }, 60_000);
  }
});
